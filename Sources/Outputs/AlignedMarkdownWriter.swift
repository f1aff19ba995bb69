import BayanCore

/// `aligned.md`: paragraph by paragraph, each Arabic sentence followed by its English.
public struct AlignedMarkdownWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "aligned.md" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var out = "# \(MarkdownText.escape(stem))\n"
        var currentParagraph: Int? = nil
        for pair in result.pairs {
            if pair.segment.paragraph != currentParagraph {
                currentParagraph = pair.segment.paragraph
                out += "\n## ¶ \(pair.segment.paragraph + 1)\n"
            }
            // RLM keeps a line that starts with Latin or digits laid out right to left.
            out += "\n**\(pair.segment.id).** \u{200F}\(MarkdownText.escape(pair.segment.text))\n"
            out += ">  \(MarkdownText.escape(pair.en))\n"
        }
        return Array(out.utf8)
    }
}

enum MarkdownText {
    /// Escapes characters that would turn sentence text into Markdown structure.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "#", "|": out.append("\\"); out.append(ch)
            case "\n", "\r": out.append(" ")
            default: out.append(ch)
            }
        }
        return out
    }
}
