import BayanCore

/// `endpunc`: a question stays a question (؟ → ?), a finished sentence ends with sentence
/// punctuation, and no Arabic punctuation (؟ ، ؛) ends the English. Sources without final
/// punctuation (headlines, list items) are not checked.
public struct EndPunctuationCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let enEnd = TextScan.trimmedEnd(pair.en).last
        if let enEnd, enEnd == "\u{061F}" || enEnd == "\u{060C}" || enEnd == "\u{061B}" {
            return [QAIssue(check: "endpunc", message: "the English ends with Arabic punctuation \(enEnd); use \(Self.latin(enEnd))")]
        }
        guard let arEnd = TextScan.trimmedEnd(pair.segment.text).last else { return [] }
        switch arEnd {
        case "\u{061F}", "?":
            if enEnd != "?" {
                return [QAIssue(check: "endpunc", message: "the Arabic is a question (؟) but the English does not end with ?")]
            }
        case ".", "!", "\u{06D4}":
            if let enEnd, !".!?…".unicodeScalars.contains(enEnd) {
                return [QAIssue(check: "endpunc", message: "the Arabic ends the sentence with \(arEnd) but the English has no final punctuation")]
            }
        default:
            break
        }
        return []
    }

    private static func latin(_ s: Unicode.Scalar) -> String {
        switch s { case "\u{061F}": "?"; case "\u{060C}": ","; default: ";" }
    }
}
