import BayanCore

/// `summary.md`: the bilingual summary for an editor: each chosen Arabic sentence, its English,
/// and the segment id that finds it in the other outputs.
public struct SummaryMarkdownWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "summary.md" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let overview = DocumentOverview(result)
        let rlm = "\u{200F}"
        var out = "# Summary: \(overview.headlineIsSource ? rlm : "")\(MarkdownText.escape(overview.headline))\n\n"
        out += "*\(MarkdownText.escape(result.source.file)) · \(result.summary.count) of \(result.pairs.count) sentences,"
        out += " chosen from the Arabic; each English line is the checked translation of that sentence.*\n"
        out += SummaryMarkdownWriter.extras(result.summaryExtras)
        if result.summary.isEmpty {
            if result.summaryExtras.abstract?.points.isEmpty ?? true { out += "\nNo summary sentences were chosen for this document.\n" }
            return Array(out.utf8)
        }
        out += "\n## العربية\n"
        for item in result.summary {
            out += "\n\(rlm)\(MarkdownText.escape(item.ar)) \u{2068}(s\(item.id))\u{2069}\n"
        }
        out += "\n## English\n"
        for item in result.summary {
            out += "\n\(MarkdownText.escape(item.en)) (s\(item.id))\n"
        }
        let flagged = result.summary.filter { item in result.pairs.first { $0.segment.id == item.id }?.qa.isEmpty == false }
        if !flagged.isEmpty {
            out += "\nCheck before use: QA flagged " + flagged.map { "s\($0.id)" }.joined(separator: ", ") + ".\n"
        }
        return Array(out.utf8)
    }

    /// Headline, key points and the fallback notice (issue 17).
    static func extras(_ extras: SummaryExtras) -> String {
        var out = ""
        if let headline = extras.headline {
            out += "\n**Headline:** \(MarkdownText.escape(headline.en))"
            out += headline.source == .abstract ? " *(written by the engine; cites \(headline.cites.map { "s\($0)" }.joined(separator: ", ")))*\n" : "\n"
        }
        if let max = extras.maxWords { out += "\n*English summary: \(extras.words) words (budget \(max)).*\n" }
        guard let abstract = extras.abstract else { return out }
        if let fallback = abstract.fallback { out += "\n> No key points: \(MarkdownText.escape(fallback)).\n" }
        if !abstract.points.isEmpty {
            out += "\n## Key points\n\n"
            for point in abstract.points {
                out += "- \(MarkdownText.escape(point.en)) (\(point.cites.map { "s\($0)" }.joined(separator: ", ")))\n"
            }
            out += "\n## أبرز النقاط\n\n"
            for point in abstract.points {
                out += "- \u{200F}\(MarkdownText.escape(point.ar)) \u{2068}(\(point.cites.map { "s\($0)" }.joined(separator: ", ")))\u{2069}\n"
            }
        }
        if !abstract.dropped.isEmpty {
            out += "\nDropped by the checks: " + abstract.dropped.map { "«\(MarkdownText.escape($0.point.en))» (\($0.reason))" }.joined(separator: "; ") + ".\n"
        }
        return out
    }
}
