import BayanCore
import Daemon
import Outputs
import QA

/// What the review re-runs on edited English and publishes with: the same glossary verification,
/// QA checks and writers as the pipeline of the running configuration.
public struct ReviewChecks: Sendable {
    public var terms: TermStage
    public var checker: any PairChecker
    public var writers: [any OutputWriter]

    public init(terms: TermStage, checker: any PairChecker, writers: [any OutputWriter]) {
        self.terms = terms
        self.checker = checker
        self.writers = writers
    }

    /// The live stages of a pipeline (a glossary or config reload applies to the next save).
    public init(stages: PipelineStages) {
        self.init(terms: stages.terms(), checker: stages.checker, writers: stages.writers)
    }

    /// Glossary hits (offsets into the whole source), their verification and every QA finding
    /// for `en` as the English of `segment`.
    public func check(_ segment: Segment, en: String, strategy: String? = nil) -> (terms: [TermHit], qa: [QAIssue]) {
        let verified = terms.verify(terms.find(segment.text), en)
        let hits = verified.hits.map { hit in
            var h = hit
            h.start += segment.start
            h.end += segment.start
            return h
        }
        let pair = AlignedPair(segment: segment, en: en, terms: hits, strategy: strategy)
        return (hits, checker.check(pair) + verified.issues)
    }
}
