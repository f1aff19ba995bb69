import ArabicText
import BayanCore
import Foundation
import Translation

/// Turns the bytes of one input into a `DocumentResult`. No file-system access: the spool
/// hands it bytes and publishes what it returns.
public struct DocumentPipeline: Sendable {
    public let stages: PipelineStages

    public init(stages: PipelineStages) { self.stages = stages }

    public func run(bytes: [UInt8], fileName: String) async throws -> DocumentResult {
        var timings = Timings()
        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            let d = now - clock
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        let document = try stages.reader.read(bytes, fileName: fileName)
        timings.readMs = lap()
        let segments = stages.segmenter.segment(document)
        guard !segments.isEmpty else {
            throw BayanError.badInput("\(fileName) holds no text to translate (it is empty or only white space)")
        }
        timings.segmentMs = lap()
        let terms: [[TermHit]] = segments.map { segment in
            stages.findTerms(segment.text).map { hit in
                var shifted = hit
                shifted.start += segment.start
                shifted.end += segment.start
                return shifted
            }
        }
        timings.termsMs = lap()
        let items = zip(segments, terms).map { TranslationItem(id: String($0.id), text: $0.text, terms: $1) }
        let english = try await stages.translator.translate(items)
        timings.translateMs = lap()
        var pairs: [AlignedPair] = []
        pairs.reserveCapacity(segments.count)
        for (index, segment) in segments.enumerated() {
            let verified = stages.verifyTerms(terms[index], english[index])
            var pair = AlignedPair(segment: segment, en: english[index], terms: verified)
            pair.qa = stages.checker.check(pair)
            pairs.append(pair)
        }
        timings.checkMs = lap()
        let termsByID = Dictionary(uniqueKeysWithValues: pairs.map { ($0.segment.id, $0.terms) })
        let chosen = Set(stages.summarizer.select(from: segments, paragraphs: document.paragraphs, terms: termsByID))
        let summary = pairs.filter { chosen.contains($0.segment.id) }.map { SummaryItem(id: $0.segment.id, ar: $0.segment.text, en: $0.en) }
        timings.summarizeMs = lap()
        return DocumentResult(
            source: document.source, engine: stages.translator.engine.info, paragraphs: document.paragraphs, pairs: pairs,
            summary: summary, glossaryVersion: stages.glossaryVersion, timings: timings)
    }
}
