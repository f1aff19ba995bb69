import BayanCore
import Foundation

/// Reads a published `result.json` back into a `DocumentResult` (the review republishes from it).
///
/// Results written before `paragraphs` existed get one plain paragraph per paragraph index,
/// spanning its sentences, so they can still be republished.
public enum ResultJSONReader {
    public static func read(_ bytes: [UInt8]) throws -> DocumentResult {
        let record: ResultRecord
        do {
            record = try JSONDecoder().decode(ResultRecord.self, from: Data(bytes))
        } catch {
            throw BayanError(.badInput, "result.json cannot be read: \(error). Reprocess the document to write it again")
        }
        let pairs = record.segments.map { s in
            let segment = Segment(id: s.id, paragraph: s.paragraph, start: s.start, end: s.end, text: s.ar, partOf: s.partOf)
            let review = s.reviewedBy.map { ReviewMark(by: $0, at: s.reviewedAt ?? "", approved: s.approved ?? false) }
            let mt = s.mt.flatMap { $0 == s.en ? nil : $0 }
            return AlignedPair(
                segment: segment, en: s.en, terms: s.terms, qa: s.qa, strategy: s.strategy,
                origin: s.origin ?? .engine, mt: mt, review: review)
        }
        let paragraphs = record.paragraphs ?? derivedParagraphs(pairs)
        var result = DocumentResult(
            source: record.source, engine: record.engine, paragraphs: paragraphs, pairs: pairs,
            summary: record.summary, glossaryVersion: record.glossary?.version, timings: record.timings)
        if let info = record.summaryInfo { result.summaryExtras = info.extras }
        return result
    }

    public static func read(path: String) throws -> DocumentResult {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BayanError(.io, "cannot read \(path)")
        }
        return try read(Array(data))
    }

    private static func derivedParagraphs(_ pairs: [AlignedPair]) -> [Paragraph] {
        var spans: [Int: (Int, Int)] = [:]
        for pair in pairs {
            let old = spans[pair.segment.paragraph] ?? (pair.segment.start, pair.segment.end)
            spans[pair.segment.paragraph] = (min(old.0, pair.segment.start), max(old.1, pair.segment.end))
        }
        return spans.keys.sorted().map { Paragraph(index: $0, kind: .paragraph, start: spans[$0]!.0, end: spans[$0]!.1) }
    }
}
