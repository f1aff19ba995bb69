/// The review page's style sheet, inlined so the page works offline and in print.
enum ReviewHTMLStyle {
    static let arabicFonts =
        "\"Noto Naskh Arabic\", \"Amiri\", \"Scheherazade New\", \"Noto Sans Arabic\", \"Geeza Pro\", "
        + "\"Traditional Arabic\", \"Segoe UI\", Tahoma, \"DejaVu Sans\", serif"

    static let css = """
        :root { --ink: #1d232a; --muted: #5d6670; --line: #dde1e6; --paper: #ffffff; --band: #f4f6f8;
          --ok: #1f7a3d; --ok-bg: #e3f4e8; --miss: #b3261e; --miss-bg: #fde7e5; --unv-bg: #eef0f3;
          --flag: #c2410c; --flag-bg: #fff4ec; --accent: #1d4f7a; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--band); color: var(--ink);
          font: 15px/1.55 "Noto Sans", "Segoe UI", Helvetica, Arial, sans-serif; }
        .page { max-width: 1180px; margin: 0 auto; padding: 24px 28px 40px; background: var(--paper);
          min-height: 100vh; }
        [lang="ar"] { font-family: \(arabicFonts); font-size: 1.18em; line-height: 1.85; }
        .kicker { margin: 0 0 6px; color: var(--muted); font-size: 13px; }
        .kicker span + span::before { content: "·"; margin: 0 8px; color: var(--line); }
        h1 { margin: 4px 0 2px; font-size: 26px; line-height: 1.4; }
        h1[lang="ar"] { font-size: 30px; text-align: right; }
        .headline-en { margin: 0 0 8px; font-size: 18px; color: var(--muted); }
        h2 { font-size: 17px; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent);
          color: var(--accent); display: flex; justify-content: space-between; }
        h2 [lang="ar"] { font-size: 18px; line-height: 1.3; }
        h1.file { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 22px; }
        .counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 14px 0 18px; }
        .count { padding: 4px 12px; border-radius: 999px; background: var(--band); border: 1px solid var(--line);
          font-size: 13px; }
        .count b { font-size: 15px; margin-right: 3px; }
        .count.ok { background: var(--ok-bg); border-color: #b7e0c3; color: var(--ok); }
        .count.missing { background: var(--miss-bg); border-color: #f4c0bb; color: var(--miss); }
        .count.qa { background: var(--flag-bg); border-color: #f7cfb2; color: var(--flag); }
        .count.clean { background: var(--ok-bg); border-color: #b7e0c3; color: var(--ok); }
        .summary { background: #f7f9fb; border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 8px; }
        .summary h2 { border-bottom-color: var(--line); margin-top: 12px; }
        .row { display: grid; grid-template-columns: 44px 1fr 1fr; gap: 0 22px; padding: 10px 8px;
          border-bottom: 1px solid var(--line); }
        .row:last-child { border-bottom: none; }
        .row p { margin: 0; }
        .num { color: var(--muted); font-size: 12px; padding-top: 4px; }
        .num a { color: inherit; text-decoration: none; }
        .ar { text-align: right; }
        .para { margin: 0 0 14px; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
        .para-head { display: flex; justify-content: space-between; padding: 4px 10px; background: var(--band);
          color: var(--muted); font-size: 12px; }
        .pair.flagged { background: var(--flag-bg); box-shadow: inset 4px 0 0 var(--flag); }
        .issues { grid-column: 2 / 4; margin: 8px 0 0; padding: 0; list-style: none; }
        .issues li { margin: 2px 0; font-size: 13px; color: #7a2e0b; }
        .check { display: inline-block; min-width: 86px; margin-right: 6px; padding: 0 6px; border-radius: 4px;
          background: var(--flag); color: #fff; font-size: 11px; font-weight: 600; text-align: center;
          text-transform: uppercase; letter-spacing: .03em; }
        mark.term { padding: 0 2px; border-radius: 3px; color: inherit; cursor: help; }
        mark.term.ok { background: var(--ok-bg); border-bottom: 2px solid var(--ok); }
        mark.term.missing { background: var(--miss-bg); border-bottom: 2px dashed var(--miss); }
        mark.term.unverified { background: var(--unv-bg); border-bottom: 2px dotted var(--muted); }
        .legend { margin-top: 22px; color: var(--muted); font-size: 12px; display: flex; flex-wrap: wrap; gap: 14px; }
        footer { margin-top: 10px; color: var(--muted); font-size: 12px; word-break: break-all; }
        @media (max-width: 760px) { .row { grid-template-columns: 1fr; } .issues { grid-column: 1; } }
        @media print {
          body { background: #fff; font-size: 11pt; }
          .page { max-width: none; padding: 0; }
          .row, .para-head { break-inside: avoid; }
          mark.term { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          .pair.flagged, .count, .check { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
