import BayanCore

/// The one place that picks the English-release renderer for an input's format. Every renderer
/// has the same signature: the original bytes, the document the reader made of them, and the
/// English of each paragraph by paragraph index; it returns the bytes of `<stem>.en.<ext>`.
public enum ReleaseRenderer {
    /// Finds the Arabic sentences of a paragraph, to carry a sentence's place and formatting to
    /// its English. Built once: compiling its rules costs more than a paragraph.
    static let segmenter = ArabicSentenceSegmenter()

    public static func render(original: [UInt8], document: Document, englishByParagraph: [Int: String]) throws -> [UInt8] {
        switch document.source.format {
        case "docx": return try DocxReleaseRenderer.render(original: original, document: document, englishByParagraph: englishByParagraph)
        case "html": return try HTMLReleaseRenderer.render(original: original, document: document, englishByParagraph: englishByParagraph)
        case "markdown": return try MarkdownReleaseRenderer.render(original: original, document: document, englishByParagraph: englishByParagraph)
        default: return try PlainTextReleaseRenderer.render(original: original, document: document, englishByParagraph: englishByParagraph)
        }
    }

    /// The release's extension: the input's own (.htm becomes .html, text other than .md .txt).
    public static func fileExtension(_ source: SourceInfo) -> String {
        switch source.format {
        case "docx": return "docx"
        case "html": return "html"
        case "markdown": return "md"
        default:
            let ext = source.file.split(separator: ".").count > 1 ? source.file.split(separator: ".").last!.lowercased() : ""
            return ext == "md" || ext == "markdown" ? "md" : "txt"
        }
    }

    /// A paragraph's English: its segments' English in order, joined as their Arabic was (a
    /// line break inside the paragraph stays a line break, anything else becomes one space).
    public static func englishByParagraph(_ document: Document, pairs: [AlignedPair]) -> [Int: String] {
        let text = Array(document.text.unicodeScalars)
        var out: [Int: String] = [:]
        var lastEnd: [Int: Int] = [:]
        for pair in pairs.sorted(by: { ($0.segment.paragraph, $0.segment.start) < ($1.segment.paragraph, $1.segment.start) }) {
            let p = pair.segment.paragraph
            let en = pair.en.trimmingSpaces()
            if let previous = out[p] {
                let from = min(max(0, lastEnd[p] ?? 0), text.count), to = min(max(from, pair.segment.start), text.count)
                let gap = text[from..<to]
                out[p] = previous + (gap.contains("\n") ? "\n" : " ") + en
            } else {
                out[p] = en
            }
            lastEnd[p] = pair.segment.end
        }
        // A paragraph with no English at all (the engine returned nothing; QA flags it) keeps
        // its Arabic, which stands out, rather than vanishing from the release.
        return out.filter { !$0.value.unicodeScalars.allSatisfy { ScalarClass.isSpace($0.value) } }
    }
}

extension String {
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let f = scalars.first, ScalarClass.isSpace(f.value) { scalars.removeFirst() }
        while let l = scalars.last, ScalarClass.isSpace(l.value) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
