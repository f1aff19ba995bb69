import ArabicText
import BayanCore

/// `length`: the English is far longer or shorter than the Arabic usually gives. English runs
/// about 1.1–1.5× the Arabic's letters; short sentences vary more, so they get looser limits.
public struct LengthRatioCheck: PairChecker {
    public var minRatio: Double
    public var maxRatio: Double
    /// Sources with fewer non-space characters than this use `shortMinRatio` / `shortMaxRatio`.
    public var shortSource: Int
    public var shortMinRatio: Double
    public var shortMaxRatio: Double

    public init(minRatio: Double = 0.55, maxRatio: Double = 2.6, shortSource: Int = 30,
        shortMinRatio: Double = 0.3, shortMaxRatio: Double = 4.5)
    {
        self.minRatio = minRatio
        self.maxRatio = maxRatio
        self.shortSource = shortSource
        self.shortMinRatio = shortMinRatio
        self.shortMaxRatio = shortMaxRatio
    }

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let ar = Self.visibleCount(pair.segment.text)
        let en = Self.visibleCount(pair.en)
        guard ar > 0 else { return [] }
        let ratio = Double(en) / Double(ar)
        let short = ar < shortSource
        let low = short ? shortMinRatio : minRatio
        let high = short ? shortMaxRatio : maxRatio
        let shown = (ratio * 100).rounded() / 100
        if ratio < low {
            return [QAIssue(check: "length", message: "the English is \(shown)× the Arabic's length (below \(low)×): part may be missing")]
        }
        if ratio > high {
            return [QAIssue(check: "length", message: "the English is \(shown)× the Arabic's length (above \(high)×): it may add text")]
        }
        return []
    }

    static func visibleCount(_ text: String) -> Int {
        var count = 0
        for s in text.unicodeScalars {
            let v = s.value
            if ScalarClass.isSpace(v) || ScalarClass.isFormat(v) || v == 0x0640 { continue }
            // No nonspacing mark lies below U+0300 or among the Arabic letters: skip the lookup.
            if v < 0x0300 || (0x0621...0x064A).contains(v) || s.properties.generalCategory != .nonspacingMark {
                count += 1
            }
        }
        return count
    }
}
