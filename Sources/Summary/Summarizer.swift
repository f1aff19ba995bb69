import BayanCore

/// Chooses the source sentences of the bilingual summary.
///
/// Contract: returns segment ids in document order, each id once, drawn from `segments`;
/// deterministic for the same input.
public protocol Summarizer: Sendable {
    func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int]
    /// The same with each segment's English known (the summary stage runs after translation),
    /// so that a word budget set in English (`maxWords`; nil = none) is held exactly.
    func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]], english: [Int: String], maxWords: Int?) -> [Int]
}

extension Summarizer {
    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]], english: [Int: String], maxWords: Int?) -> [Int] {
        select(from: segments, paragraphs: paragraphs, terms: terms)
    }
}

/// The summary stage's honest first implementation: no sentences chosen.
public struct EmptySummarizer: Summarizer {
    public init() {}
    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int] { [] }
}
