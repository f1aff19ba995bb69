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
    /// The glossary snapshot for a document that starts now.
    public var terms: @Sendable () -> TermStage
    public var translator: Translator
    public var checker: any PairChecker
    public var summarizer: any Summarizer
    public var writers: [any OutputWriter]
    // Issue 17: summary mode, word budget and key points (set after init; defaults: extractive).
    public var summaryPlan = SummaryPlan()

    public init(
        reader: any DocumentReader, segmenter: any SentenceSegmenter,
        terms: @escaping @Sendable () -> TermStage = { .none }, translator: Translator, checker: any PairChecker,
        summarizer: any Summarizer, writers: [any OutputWriter]
    ) {
        self.reader = reader
        self.segmenter = segmenter
        self.terms = terms
        self.translator = translator
        self.checker = checker
        self.summarizer = summarizer
        self.writers = writers
    }
}
