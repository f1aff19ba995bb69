import ArabicText
import BayanCore

/// `untranslated`: Arabic letters left in the English, or the English equal to the source.
public struct UntranslatedCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let source = ArabicNormalizer.key(pair.segment.text).trimmingWhitespace
        let target = ArabicNormalizer.key(pair.en).trimmingWhitespace
        if source == target {
            return [QAIssue(check: "untranslated", message: "the English is the Arabic source unchanged")]
        }
        if let run = Self.firstArabicRun(pair.en) {
            return [QAIssue(check: "untranslated", message: "Arabic text left in the English: «\(run)»")]
        }
        return []
    }

    /// The first run of Arabic words (with the spaces between them), at most 40 characters.
    static func firstArabicRun(_ text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        guard let start = scalars.firstIndex(where: TextScan.isArabicLetter) else { return nil }
        var end = start
        var i = start
        while i < scalars.count, TextScan.isArabicLetter(scalars[i]) || scalars[i] == " "
            || scalars[i].properties.generalCategory == .nonspacingMark
        {
            if TextScan.isArabicLetter(scalars[i]) { end = i + 1 }
            i += 1
        }
        return String(TextScan.string(scalars[start..<end]).prefix(40))
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
