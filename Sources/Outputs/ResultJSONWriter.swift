import BayanCore
import Foundation

/// `result.json`: the machine-readable record other tools read. Field names are a contract.
///
/// Per segment: `en` is the English as published, `mt` the machine English (engine or memory)
/// it started from, `origin` engine | memory | reviewed, and once a person touched it
/// `reviewed_by`, `reviewed_at` and `approved`. `paragraphs` (kind and span of every block) is
/// what a republish after review needs; `ResultJSONReader` reads all of it back.
public struct ResultJSONWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "result.json" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let record = ResultRecord(
            source: result.source,
            engine: result.engine,
            glossary: result.glossaryVersion.map { ResultRecord.GlossaryInfo(version: $0) },
            paragraphs: result.paragraphs,
            segments: result.pairs.map { pair in
                ResultRecord.SegmentRecord(
                    id: pair.segment.id, paragraph: pair.segment.paragraph, start: pair.segment.start,
                    end: pair.segment.end, ar: pair.segment.text, en: pair.en, mt: pair.machineEnglish,
                    origin: pair.origin, reviewedBy: pair.review?.by, reviewedAt: pair.review?.at,
                    approved: pair.review?.approved ?? false, partOf: pair.segment.partOf,
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
}

/// The shape of `result.json`, shared by the writer and the reader.
struct ResultRecord: Codable {
    struct GlossaryInfo: Codable { var version: String }
    struct SegmentRecord: Codable {
        var id: Int
        var paragraph: Int
        var start: Int
        var end: Int
        var ar: String
        var en: String
        var mt: String?
        var origin: TranslationOrigin?
        var reviewedBy: String?
        var reviewedAt: String?
        var approved: Bool?
        var partOf: Int?
        var terms: [TermHit]
        var qa: [QAIssue]
        var strategy: String?
        enum CodingKeys: String, CodingKey {
            case id, paragraph, start, end, ar, en, mt, origin, reviewedBy = "reviewed_by", reviewedAt = "reviewed_at"
            case approved, partOf = "part_of", terms, qa, strategy
        }
    }
    var source: SourceInfo
    var engine: EngineInfo
    var glossary: GlossaryInfo?
    var paragraphs: [Paragraph]?
    var segments: [SegmentRecord]
    var summary: [SummaryItem]
    var timings: Timings
    // Issue 17: headline, budget, mode and verified key points (absent in older results).
    var summaryInfo: SummaryRecord?
    enum CodingKeys: String, CodingKey {
        case source, engine, glossary, paragraphs, segments, summary, timings, summaryInfo = "summary_info"
    }
}
