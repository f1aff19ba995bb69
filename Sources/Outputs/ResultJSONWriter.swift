import BayanCore
import Foundation

/// `result.json`: the machine-readable record other tools read. Field names are a contract.
public struct ResultJSONWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "result.json" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let record = Record(
            source: result.source,
            engine: result.engine,
            glossary: result.glossaryVersion.map { Record.GlossaryInfo(version: $0) },
            segments: result.pairs.map { pair in
                Record.SegmentRecord(
                    id: pair.segment.id, paragraph: pair.segment.paragraph, start: pair.segment.start,
                    end: pair.segment.end, ar: pair.segment.text, en: pair.en, partOf: pair.segment.partOf,
                    terms: pair.terms, qa: pair.qa, strategy: pair.strategy)
            },
            summary: result.summary,
            timings: result.timings,
            summaryInfo: SummaryRecord(result.summaryExtras))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(record))
        bytes.append(0x0A)
        return bytes
    }

    struct Record: Encodable {
        struct GlossaryInfo: Encodable { var version: String }
        struct SegmentRecord: Encodable {
            var id: Int
            var paragraph: Int
            var start: Int
            var end: Int
            var ar: String
            var en: String
            var partOf: Int?
            var terms: [TermHit]
            var qa: [QAIssue]
            var strategy: String?
            enum CodingKeys: String, CodingKey { case id, paragraph, start, end, ar, en, partOf = "part_of", terms, qa, strategy }
        }
        var source: SourceInfo
        var engine: EngineInfo
        var glossary: GlossaryInfo?
        var segments: [SegmentRecord]
        var summary: [SummaryItem]
        var timings: Timings
        // Issue 17: headline, budget, mode and verified key points.
        var summaryInfo: SummaryRecord
        enum CodingKeys: String, CodingKey { case source, engine, glossary, segments, summary, timings, summaryInfo = "summary_info" }
    }
}
