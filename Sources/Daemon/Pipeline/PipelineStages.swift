import ArabicText
import BayanCore
import Outputs
import QA
import Summary
import Translation

/// The concrete stages of one configuration, chosen by the executable. Data flows one way:
/// read → segment → match terms → translate → check → summarize → write.
public struct PipelineStages: Sendable {
    public var reader: any DocumentReader
    public var segmenter: any SentenceSegmenter
    /// Glossary hits in one sentence, with offsets relative to that sentence.
    public var findTerms: @Sendable (String) -> [TermHit]
    /// Sets `ok` on each hit after translation.
    public var verifyTerms: @Sendable ([TermHit], String) -> [TermHit]
    public var glossaryVersion: String?
    public var translator: Translator
    public var checker: any PairChecker
    public var summarizer: any Summarizer
    public var writers: [any OutputWriter]

    public init(
        reader: any DocumentReader, segmenter: any SentenceSegmenter,
        findTerms: @escaping @Sendable (String) -> [TermHit] = { _ in [] },
        verifyTerms: @escaping @Sendable ([TermHit], String) -> [TermHit] = { hits, _ in hits },
        glossaryVersion: String? = nil, translator: Translator, checker: any PairChecker,
        summarizer: any Summarizer, writers: [any OutputWriter]
    ) {
        self.reader = reader
        self.segmenter = segmenter
        self.findTerms = findTerms
        self.verifyTerms = verifyTerms
        self.glossaryVersion = glossaryVersion
        self.translator = translator
        self.checker = checker
        self.summarizer = summarizer
        self.writers = writers
    }
}
