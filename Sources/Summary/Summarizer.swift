import BayanCore

/// Chooses the source sentences of the bilingual summary.
///
/// Contract: returns segment ids in document order, each id once, drawn from `segments`;
/// deterministic for the same input.
public protocol Summarizer: Sendable {
    func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int]
}

/// The summary stage's honest first implementation: no sentences chosen.
public struct EmptySummarizer: Summarizer {
    public init() {}
    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int] { [] }
}
