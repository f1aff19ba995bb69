import BayanCore

/// `aligned.md`: the review for a terminal or a Git forge. Headline and counts, the summary,
/// then paragraph by paragraph each Arabic sentence followed by its English, with glossary misses
/// and QA findings under the sentence they concern.
///
/// Arabic lines start with RLM so that a line opening with digits or Latin text is still laid out
/// right to left (forges render paragraphs with `dir="auto"`, terminals by the first strong letter).
public struct AlignedMarkdownWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "aligned.md" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let overview = DocumentOverview(result)
        let rlm = "\u{200F}"
        var out = "# \(overview.headlineIsSource ? rlm : "")\(MarkdownText.escape(overview.headline))\n\n"
        out += "*\(MarkdownText.escape(result.source.file)) · engine \(MarkdownText.escape(DocumentOverview.engineLabel(result.engine)))"
        if let version = result.glossaryVersion { out += " · glossary \(MarkdownText.escape(String(version.prefix(16))))" }
        out += "*\n\n"
        out += "\(overview.sentences) sentences · \(overview.termsOK) terms ok · \(overview.termsMissing) terms missing"
        out += " · \(overview.issues) issues on \(overview.flaggedSentences) sentences\n"
        if !result.summary.isEmpty {
            out += "\n## Summary\n"
            for item in result.summary {
                out += "\n\(rlm)**\(item.id).** \(MarkdownText.escape(item.ar))\n"
                out += ">  \(MarkdownText.escape(item.en))\n"
            }
            out += "\n## Text\n"
        }
        var currentParagraph: Int? = nil
        for pair in result.pairs {
            if pair.segment.paragraph != currentParagraph {
                currentParagraph = pair.segment.paragraph
                out += "\n### ¶ \(pair.segment.paragraph + 1)\n"
            }
            out += "\n\(rlm)**\(pair.segment.id).** \(rlm)\(MarkdownText.escape(pair.segment.text))\n"
            out += ">  \(MarkdownText.escape(pair.en))\n"
            for hit in pair.terms where hit.ok == false {
                out += ">\n> ⚠ **glossary**: \(rlm)\(MarkdownText.escape(hit.ar))\u{200E} should be “\(MarkdownText.escape(hit.en))”\n"
            }
            for issue in pair.qa {
                out += ">\n> ⚠ **\(MarkdownText.escape(issue.check))**: \(MarkdownText.escape(issue.message))\n"
            }
        }
        return Array(out.utf8)
    }
}

enum MarkdownText {
    /// Escapes characters that would turn sentence text into Markdown or HTML structure; line
    /// breaks become spaces. Works on UTF-8 bytes (every character concerned is ASCII): walking
    /// Characters here was the largest cost of rendering a short document (issue 19's profile).
    static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"),
                UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"), UInt8(ascii: "&"), UInt8(ascii: "~"),
                UInt8(ascii: "!"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0x0D:
                out.append(UInt8(ascii: " "))
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }  // "\r\n" is one break
            case 0x0A:
                out.append(UInt8(ascii: " "))
            default:
                out.append(b)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
