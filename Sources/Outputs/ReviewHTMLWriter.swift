import BayanCore

/// `review.html`: one self-contained page for the reviewer: headline, counts, the bilingual
/// summary, then every paragraph with each Arabic sentence beside its English, glossary terms
/// highlighted (approved term on hover) and QA findings on their sentence.
///
/// No scripts and no external assets; a Content-Security-Policy forbids both, so even text that
/// escaped escaping could not run. Every piece of document text goes through `XMLEscaping`.
public struct ReviewHTMLWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "review.html" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let overview = DocumentOverview(result)
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(overview.headline)) — Bayan review</title>
            <style>
            \(ReviewHTMLStyle.css)
            </style>
            </head>
            <body>
            <div class="page">

            """
        html += header(result, overview)
        html += KeyPointsHTML.render(result.summaryExtras)  // issue 17: headline and key points first
        html += summary(result)
        html += body(result)
        html += footer(result, stem: stem)
        html += "</div>\n</body>\n</html>\n"
        return Array(html.utf8)
    }

    private func header(_ result: DocumentResult, _ overview: DocumentOverview) -> String {
        var out = "<header>\n<p class=\"kicker\"><span>Bayan review</span>"
        if overview.headlineIsSource { out += "<span>\(esc(result.source.file))</span>" }
        out += "<span>engine: \(esc(DocumentOverview.engineLabel(result.engine)))</span>"
        if let version = result.glossaryVersion { out += "<span>glossary \(esc(String(version.prefix(16))))</span>" }
        out += "</p>\n"
        if overview.headlineIsSource {
            out += "<h1 lang=\"ar\" dir=\"rtl\">\(esc(overview.headline))</h1>\n"
            let headingParagraph = result.pairs.first { p in
                result.paragraphs.contains { $0.index == p.segment.paragraph && $0.kind == .heading }
            }?.segment.paragraph
            let english = result.pairs.filter { $0.segment.paragraph == headingParagraph }.map(\.en).joined(separator: " ")
            if !english.isEmpty { out += "<p class=\"headline-en\" lang=\"en\">\(esc(english))</p>\n" }
        } else {
            // No heading in the source: the file name stands in, marked as such.
            out += "<h1 lang=\"en\" dir=\"ltr\" class=\"file\">\(esc(overview.headline))</h1>\n"
        }
        out += "<div class=\"counts\">"
        out += count(overview.sentences, "sentence", "sentences", cls: "")
        out += count(overview.termsOK, "term ok", "terms ok", cls: "ok")
        out += count(overview.termsMissing, "term missing", "terms missing", cls: overview.termsMissing > 0 ? "missing" : "")
        if overview.termsUnverified > 0 {
            out += count(overview.termsUnverified, "term unverified", "terms unverified", cls: "")
        }
        if overview.issues > 0 {
            out += count(overview.issues, "issue", "issues", cls: "qa",
                suffix: " on \(overview.flaggedSentences) \(overview.flaggedSentences == 1 ? "sentence" : "sentences")")
        } else {
            out += "<span class=\"count clean\"><b>0</b> issues</span>"
        }
        out += "</div>\n</header>\n"
        return out
    }

    private func count(_ n: Int, _ one: String, _ many: String, cls: String, suffix: String = "") -> String {
        let klass = cls.isEmpty ? "count" : "count \(cls)"
        return "<span class=\"\(klass)\"><b>\(n)</b> \(n == 1 ? one : many)\(suffix)</span>"
    }

    private func summary(_ result: DocumentResult) -> String {
        guard !result.summary.isEmpty else { return "" }
        var out = "<section class=\"summary\">\n<h2><span>Summary</span><span lang=\"ar\" dir=\"rtl\">الملخص</span></h2>\n"
        for item in result.summary {
            out += "<div class=\"row\"><div class=\"num\"><a href=\"#s\(item.id)\">\(item.id)</a></div>"
            out += "<p class=\"en\" lang=\"en\" dir=\"ltr\">\(esc(item.en))</p>"
            out += "<p class=\"ar\" lang=\"ar\" dir=\"rtl\">\(esc(item.ar))</p></div>\n"
        }
        return out + "</section>\n"
    }

    private func body(_ result: DocumentResult) -> String {
        var out = "<main>\n<h2><span>Text</span><span lang=\"ar\" dir=\"rtl\">النص</span></h2>\n"
        var current: Int? = nil
        for pair in result.pairs {
            if pair.segment.paragraph != current {
                if current != nil { out += "</section>\n" }
                current = pair.segment.paragraph
                let kind = result.paragraphs.first { $0.index == pair.segment.paragraph }?.kind ?? .paragraph
                out += "<section class=\"para\" id=\"p\(pair.segment.paragraph + 1)\">"
                out += "<div class=\"para-head\"><span>¶ \(pair.segment.paragraph + 1)</span>"
                out += "<span>\(kind == .paragraph ? "" : esc(kind.rawValue.replacingOccurrences(of: "_", with: " ")))</span></div>\n"
            }
            out += row(pair)
        }
        if current != nil { out += "</section>\n" }
        return out + "</main>\n"
    }

    private func row(_ pair: AlignedPair) -> String {
        let marks = TermMarks(pair)
        let id = pair.segment.id
        var out = "<div class=\"row pair\(pair.qa.isEmpty ? "" : " flagged")\" id=\"s\(id)\">"
        out += "<div class=\"num\"><a href=\"#s\(id)\">\(id)</a></div>"
        out += "<p class=\"en\" lang=\"en\" dir=\"ltr\">\(marked(pair.en, marks.english))</p>"
        out += "<p class=\"ar\" lang=\"ar\" dir=\"rtl\">\(marked(pair.segment.text, marks.arabic))</p>"
        if !pair.qa.isEmpty {
            out += "<ul class=\"issues\">"
            for issue in pair.qa {
                out += "<li><span class=\"check\">\(esc(issue.check))</span>\(esc(issue.message))</li>"
            }
            out += "</ul>"
        }
        return out + "</div>\n"
    }

    /// The sentence with its term spans wrapped in `<mark>`; the approved term is the tooltip.
    private func marked(_ text: String, _ marks: [TermMarks.Mark]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        var at = 0
        for mark in marks where mark.range.lowerBound >= at && mark.range.upperBound <= scalars.count {
            out += esc(scalars[at..<mark.range.lowerBound])
            let (cls, note): (String, String) =
                switch mark.hit.ok {
                case .some(true): ("ok", "approved term used")
                case .some(false): ("missing", "approved term NOT found in the English")
                case .none: ("unverified", "not verified")
                }
            let title = "Glossary: \(mark.hit.ar) → \(mark.hit.en) (\(note))"
            out += "<mark class=\"term \(cls)\" title=\"\(esc(title))\">\(esc(scalars[mark.range]))</mark>"
            at = mark.range.upperBound
        }
        out += esc(scalars[at...])
        return out
    }

    private func footer(_ result: DocumentResult, stem: String) -> String {
        var out = "<div class=\"legend\"><span><mark class=\"term ok\">term</mark> approved term used</span>"
        out += "<span><mark class=\"term missing\">term</mark> approved term missing</span>"
        out += "<span><mark class=\"term unverified\">term</mark> not verified</span>"
        out += "<span>hover a term for the approved English</span></div>\n"
        out += "<footer>\(esc(BayanVersion.tool)) \(esc(BayanVersion.version)) · \(esc(stem)) · source sha256 \(esc(result.source.sha256))</footer>\n"
        return out
    }

    private func esc(_ text: String) -> String { XMLEscaping.escape(text) }

    private func esc(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return XMLEscaping.escape(String(view))
    }
}
