import BayanCore

/// `brackets`: brackets and quotation marks in the English are balanced (when the Arabic's are)
/// and no bracketed or quoted part of the Arabic lost its marks. Extra brackets in the English
/// are allowed: translators add them for acronyms ("World Customs Organization (WCO)").
public struct BracketsCheck: PairChecker {
    public init() {}

    static let pairs: [(open: Unicode.Scalar, close: Unicode.Scalar, name: String)] = [
        ("(", ")", "parentheses"), ("[", "]", "square brackets"), ("{", "}", "braces"),
    ]

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let ar = Array(pair.segment.text.unicodeScalars)
        let en = Array(pair.en.unicodeScalars)
        var issues: [QAIssue] = []
        let arBalanced = Self.balanced(ar)
        if arBalanced, !Self.balanced(en) {
            issues.append(QAIssue(check: "brackets", message: "brackets in the English are not balanced"))
        }
        for (open, _, name) in Self.pairs {
            // Arabic text copied in visual order can have ")…(": count either side of the pair.
            let arCount = max(ar.filter { $0 == open }.count, ar.filter { $0 == Self.mirror(open) }.count)
            let enCount = en.filter { $0 == open }.count
            if enCount < arCount {
                issues.append(QAIssue(check: "brackets", message: "the Arabic has \(arCount) pair(s) of \(name), the English \(enCount)"))
            }
        }
        let arQuotes = Self.quotedSpans(ar)
        let enQuotes = Self.quotedSpans(en)
        if arQuotes.balanced, !enQuotes.balanced {
            issues.append(QAIssue(check: "brackets", message: "quotation marks in the English are not balanced"))
        } else if arQuotes.count > 0, enQuotes.count == 0, enQuotes.balanced {
            issues.append(QAIssue(check: "brackets", message: "the Arabic quotes something but the English has no quotation marks"))
        }
        return issues
    }

    private static func mirror(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s { case "(": ")"; case "[": "]"; case "{": "}"; default: s }
    }

    static func balanced(_ scalars: [Unicode.Scalar]) -> Bool {
        var stack: [Unicode.Scalar] = []
        for s in scalars {
            if let p = pairs.first(where: { $0.open == s }) {
                stack.append(p.close)
            } else if pairs.contains(where: { $0.close == s }) {
                guard stack.popLast() == s else { return false }
            }
        }
        return stack.isEmpty
    }

    /// Quoted spans and whether the marks pair up: « », “ ”, and straight double quotes.
    static func quotedSpans(_ scalars: [Unicode.Scalar]) -> (count: Int, balanced: Bool) {
        let guillemetOpen = scalars.filter { $0 == "«" }.count
        let guillemetClose = scalars.filter { $0 == "»" }.count
        let curlyOpen = scalars.filter { $0 == "\u{201C}" }.count
        let curlyClose = scalars.filter { $0 == "\u{201D}" }.count
        let straight = scalars.filter { $0 == "\"" }.count
        let count = max(guillemetOpen, guillemetClose) + max(curlyOpen, curlyClose) + (straight + 1) / 2
        // Arabic sometimes mirrors «» or “”, so only the totals must pair up.
        let balanced = guillemetOpen == guillemetClose && curlyOpen == curlyClose && straight % 2 == 0
        return (count, balanced)
    }
}
