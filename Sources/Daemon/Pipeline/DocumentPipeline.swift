import ArabicText
import BayanCore
import Foundation
import Translation

/// Turns the bytes of one input into a `DocumentResult`. No file-system access: the spool
/// hands it bytes and publishes what it returns.
public struct DocumentPipeline: Sendable {
    public let stages: PipelineStages

    public init(stages: PipelineStages) { self.stages = stages }

    /// With `slots`, the CPU stages run holding a worker slot and the translation runs without
    /// one, so documents waiting for the engine do not keep others from being read or published.
    public func run(bytes: [UInt8], fileName: String, slots: WorkerSlots? = nil) async throws -> DocumentResult {
        var timings = Timings()
        var clock = ContinuousClock.now
        func lap() -> Double {
            let now = ContinuousClock.now
            defer { clock = now }
            let d = now - clock
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        await slots?.acquire()
        var holding = slots != nil
        defer { if holding { slots?.release() } }
        let glossary = stages.terms()
        let document = try stages.reader.read(bytes, fileName: fileName)
        timings.readMs = lap()
        let segments = stages.segmenter.segment(document)
        guard !segments.isEmpty else {
            throw BayanError.badInput("\(fileName) holds no text to translate (it is empty or only white space)")
        }
        timings.segmentMs = lap()
        let terms: [[TermHit]] = segments.map { glossary.find($0.text) }
        timings.termsMs = lap()
        let items = zip(segments, terms).map { TranslationItem(id: String($0.id), text: $0.text, terms: $1) }
        if holding {
            slots?.release()
            holding = false
        }
        let translated = try await stages.translator.translateWithOrigins(items)
        var english = translated.map(\.text)
        var origins = translated.map(\.origin)
        timings.translateMs = lap()
        var verified = zip(terms, english).map { glossary.verify($0, $1) }
        var strategies = [String?](repeating: nil, count: segments.count)
        try await retryMissedTerms(glossary, items, &english, &verified, &strategies, &origins)
        if let slots {
            await slots.acquire()
            holding = true
        }
        var pairs: [AlignedPair] = []
        pairs.reserveCapacity(segments.count)
        for (index, segment) in segments.enumerated() {
            // Hits are stored with offsets into the whole source text.
            let hits = verified[index].hits.map { hit in
                var h = hit
                h.start += segment.start
                h.end += segment.start
                return h
            }
            var pair = AlignedPair(segment: segment, en: english[index], terms: hits, strategy: strategies[index], origin: origins[index])
            pair.qa = stages.checker.check(pair) + verified[index].issues
            pairs.append(pair)
            // Let the engine's request hops run between sentences (see RequestBatcher.pump).
            await Task.yield()
        }
        timings.checkMs = lap()
        let stage = SummaryStage(plan: stages.summaryPlan, summarizer: stages.summarizer, translator: stages.translator)
        // The engine call of abstractive mode holds no worker slot, like translation.
        let (summary, summaryExtras) = await stage.run(
            document: document, segments: segments, pairs: pairs, glossary: glossary,
            whileWaiting: { if holding { slots?.release(); holding = false } },
            afterWaiting: { if let slots, !holding { await slots.acquire(); holding = true } })
        timings.summarizeMs = lap()
        var result = DocumentResult(
            source: document.source, engine: stages.translator.engine.info, paragraphs: document.paragraphs, pairs: pairs,
            summary: summary, glossaryVersion: glossary.version, timings: timings)
        result.summaryExtras = summaryExtras
        result.original = bytes  // the English release rebuilds the input's own format from it
        return result
    }

    /// Sentences whose glossary terms the engine missed are translated once more with the terms
    /// protected by placeholders; the new translation is kept when it misses fewer terms.
    private func retryMissedTerms(
        _ glossary: TermStage, _ items: [TranslationItem], _ english: inout [String],
        _ verified: inout [(hits: [TermHit], issues: [QAIssue])], _ strategies: inout [String?],
        _ origins: inout [TranslationOrigin]
    ) async throws {
        guard let protect = glossary.protect else { return }
        // A reviewer's English is what a person chose: never re-translated around its terms.
        let failing = verified.indices.filter { !verified[$0].issues.isEmpty && origins[$0] != .reviewed }
        guard !failing.isEmpty else { return }
        let protected = failing.map { protect(items[$0].text) }
        let retry = zip(failing, protected).map { TranslationItem(id: items[$0].id + "p", text: $1.text, terms: items[$0].terms) }
        let answers = try await stages.translator.translate(retry)
        for (k, index) in failing.enumerated() {
            let restored = protected[k].restore(answers[k])
            let check = glossary.verify(items[index].terms, restored)
            if check.issues.count < verified[index].issues.count {
                english[index] = restored
                verified[index] = check
                strategies[index] = "protected"
                origins[index] = .engine
            }
        }
    }
}
