import BayanCore

/// The English release of a Markdown input: the original file with each translated block's
/// source lines replaced by its English, and everything else (front matter, code blocks, HTML
/// blocks, rules, blank lines, link reference definitions) copied byte for byte. Headings keep
/// their level, list items their indentation and marker (so nesting and numbering stay), quotes
/// their `>`, table rows their cells; lines end as the original's do (CRLF or LF). The output is
/// UTF-8.
///
/// Inline marks: an emphasis, strong emphasis, inline code or link that spans the whole paragraph
/// wraps the whole English; one around part of the Arabic wraps the same text in the English when
/// it is there unchanged (a name in Latin letters, a number, an address). A link whose text was
/// translated keeps its target after the paragraph as `(<target>)`, so no link is lost.
public enum MarkdownReleaseRenderer {
    public static func render(original: [UInt8], document: Document, englishByParagraph: [Int: String]) throws -> [UInt8] {
        let decoded = try TextDecoder.decode(original, fileName: document.source.file)
        let layout = try MarkdownLayout.parse(decoded.text, maxScalars: Int.max, fileName: document.source.file)
        let s = Array(decoded.text.unicodeScalars)
        let docText = Array(document.text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var cursor = 0

        func english(_ unit: MarkdownLayout.Unit) -> String? {
            guard let p = unit.paragraph, let en = englishByParagraph[p] else { return nil }
            let flat = escapeLineStart(en.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined(separator: " "))
            let paragraphText = p < document.paragraphs.count
                ? SourceLines.string(docText[document.paragraphs[p].start..<document.paragraphs[p].end]) : ""
            let paragraphStart = p < document.paragraphs.count ? document.paragraphs[p].start : 0
            return InlineMarks.apply(unit.inlines, to: flat, paragraphText: paragraphText, paragraphStart: paragraphStart)
        }

        var k = 0
        let units = layout.units
        while k < units.count {
            let unit = units[k]
            if let row = unit.row {
                // A table row: all its cells at once.
                var cells: [MarkdownLayout.Unit] = []
                while k < units.count, units[k].row == row { cells.append(units[k]); k += 1 }
                guard row.lowerBound >= cursor else { continue }
                out.append(contentsOf: s[cursor..<row.lowerBound])
                let originals = SourceLines.cellTexts(s, row)
                let texts = cells.enumerated().map { n, cell in
                    english(cell).map { " " + escapeCell($0) + " " } ?? (n < originals.count ? originals[n] : "")
                }
                let leadingPipe = s[row].first(where: { $0 != " " }) == "|"
                out.append(contentsOf: ((leadingPipe ? "|" : "") + texts.joined(separator: "|") + (leadingPipe ? "|" : "")).unicodeScalars)
                cursor = row.upperBound
                continue
            }
            k += 1
            guard unit.source.lowerBound >= cursor, let en = english(unit) else { continue }
            out.append(contentsOf: s[cursor..<unit.source.lowerBound])
            out.append(contentsOf: (unit.prefix + en).unicodeScalars)
            cursor = unit.source.upperBound
        }
        out.append(contentsOf: s[cursor...])
        return Array(String(out).utf8)
    }

    /// English that would read as Markdown syntax at the start of a line ("1. ", "# ", "- ", "> ")
    /// gets a backslash, so a translated paragraph does not turn into a list or heading.
    static func escapeLineStart(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if "#>+-*".unicodeScalars.contains(first) { return "\\" + text }
        var digits = 0
        for u in text.unicodeScalars { if u.value >= 0x30 && u.value <= 0x39 { digits += 1 } else { break } }
        if digits > 0, digits < 10 {
            let rest = text.unicodeScalars.dropFirst(digits)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " {
                var view = String.UnicodeScalarView(text.unicodeScalars.prefix(digits))
                view.append("\\")
                view.append(contentsOf: rest)
                return String(view)
            }
        }
        return text
    }

    static func escapeCell(_ text: String) -> String { text.replacingAll("|", with: "\\|") }
}

/// Puts a paragraph's inline marks back around English text.
enum InlineMarks {
    static func apply(_ inlines: [MarkdownLayout.Inline], to english: String, paragraphText: String, paragraphStart: Int) -> String {
        let length = paragraphText.unicodeScalars.count
        let scalars = Array(paragraphText.unicodeScalars)
        var text = english
        var trailingLinks: [String] = []
        var leadingImages: [String] = [], trailingImages: [String] = []
        // Innermost first: spans sorted by length.
        for inline in inlines.sorted(by: { ($0.end - $0.start) < ($1.end - $1.start) }) {
            let a = inline.start - paragraphStart, b = inline.end - paragraphStart
            if inline.kind == .image {
                // Where the image stood in the Arabic cannot be found in the English: it goes
                // before the text when it opened the paragraph, else after it.
                let image = "![\(inline.alt ?? "")](\(inline.target ?? ""))"
                if a <= 0 { leadingImages.append(image) } else { trailingImages.append(image) }
                continue
            }
            guard a >= 0, b <= length, a < b else { continue }
            let whole = a == 0 && b == length
            if whole {
                text = wrap(text, inline)
                continue
            }
            let arabic = SourceLines.string(scalars[a..<b])
            if let range = text.range(of: arabic) {
                text.replaceSubrange(range, with: wrap(arabic, inline))
            } else if inline.kind == .link, let target = inline.target, !target.isEmpty {
                trailingLinks.append(target)
            }
        }
        for target in trailingLinks { text += " (<\(target)>)" }
        for image in trailingImages { text += " " + image }
        return (leadingImages + [text]).joined(separator: " ")
    }

    static func wrap(_ text: String, _ inline: MarkdownLayout.Inline) -> String {
        switch inline.kind {
        case .emphasis: "*\(text)*"
        case .strong: "**\(text)**"
        case .code: "`\(text)`"
        case .link: "[\(text)](\(inline.target ?? ""))"
        case .image: text
        }
    }
}

extension String {
    fileprivate func replacingAll(_ a: Character, with b: String) -> String {
        var out = ""
        for c in self { if c == a { out += b } else { out.append(c) } }
        return out
    }
}
