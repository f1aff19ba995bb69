import BayanCore

/// `empty`: the source has words but the English is blank or only punctuation.
public struct EmptyCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.segment.text), TextScan.hasNoContent(pair.en) else { return [] }
        let what = pair.en.allSatisfy { $0.isWhitespace } ? "empty" : "only punctuation"
        return [QAIssue(check: "empty", message: "the English is \(what); the sentence was not translated")]
    }
}
