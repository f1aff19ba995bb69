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
        } else if enQuotes.count == 0, enQuotes.balanced, Self.quotesSpeech(ar) {
            // Arabic also quotes names, titles and coined terms («برنامج "المشغل الاقتصادي
            // المعتمد"») that English writes without marks; a quotation of what someone said,
            // introduced by a colon or a sentence long, must stay quoted.
            issues.append(QAIssue(check: "brackets", message: "the Arabic quotes what someone said but the English has no quotation marks"))
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

    /// Words in a quoted span from which it reads as a quotation of speech, not a name or title.
    static let speechWords = 5

    /// True when a quoted span of the text is introduced by a colon («قال: "…"») or holds at
    /// least `speechWords` words. Marks of one family pair up in order (so mirrored «…» and »…«
    /// both work).
    static func quotesSpeech(_ scalars: [Unicode.Scalar]) -> Bool {
        let families: [Set<Unicode.Scalar>] = [["«", "»"], ["\u{201C}", "\u{201D}"], ["\""]]
        for family in families {
            let marks = scalars.indices.filter { family.contains(scalars[$0]) }
            var k = 0
            while k + 1 < marks.count {
                let open = marks[k], close = marks[k + 1]
                let inside = TextScan.string(scalars[(open + 1)..<close])
                let words = inside.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: \.isLetter) }.count
                var before = open - 1
                while before >= 0, scalars[before].properties.isWhitespace || scalars[before].properties.generalCategory == .format { before -= 1 }
                if words >= speechWords || (before >= 0 && scalars[before] == ":") { return true }
                k += 2
            }
        }
        return false
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
