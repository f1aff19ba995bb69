/// Cuts a sentence that is longer than an engine accepts into parts of at most `limit` scalars,
/// each cut at the strongest clause boundary available: after «؛», then after «،», then before a
/// conjunction, then at a space. Never inside a word: a single word longer than the limit stays
/// whole.
struct LongSentenceSplitter: Sendable {
    let limit: Int
    let conjunctions: Set<String>

    init(limit: Int, conjunctions: [String]) {
        self.limit = max(1, limit)
        self.conjunctions = Set(conjunctions.map { ArabicSentenceSegmenter.foldWord($0) })
    }

    func split(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> [(Int, Int)] {
        var parts: [(Int, Int)] = []
        var start = a
        while b - start > limit {
            guard let cut = bestCut(s, start, min(b, start + limit)) ?? nextSpace(s, start + limit, b) else { break }
            parts.append((start, cut))
            start = cut
            // The next part starts at its first visible character.
            while start < b, ScalarClass.isSpace(s[start].value) { start += 1 }
        }
        if start < b { parts.append((start, b)) }
        return parts
    }

    /// The best cut `c` with `start + limit/4 < c <= windowEnd`, a cut being a position between two
    /// scalars where the part `start..<c` ends.
    private func bestCut(_ s: [Unicode.Scalar], _ start: Int, _ windowEnd: Int) -> Int? {
        let low = start + max(1, limit / 4)
        guard windowEnd > low else { return nil }
        var comma: Int?, conjunction: Int?, space: Int?
        var c = windowEnd
        while c > low {
            let before = s[c - 1].value
            let at = c < s.count ? s[c].value : 0x20
            let spaceAfter = ScalarClass.isSpace(at)
            if spaceAfter && ScalarClass.isSemicolon(before) { return c }
            if spaceAfter && comma == nil && (before == 0x060C || before == 0x2C) { comma = c }
            if ScalarClass.isSpace(before) && !spaceAfter {
                if space == nil { space = c }
                if conjunction == nil && startsWithConjunction(s, c, windowEnd) { conjunction = c }
            }
            c -= 1
        }
        return comma ?? conjunction ?? space
    }

    private func startsWithConjunction(_ s: [Unicode.Scalar], _ c: Int, _ end: Int) -> Bool {
        var e = c
        while e < s.count, e - c < 16, ScalarClass.isLetter(s[e].value) { e += 1 }
        guard e > c else { return false }
        return conjunctions.contains(ArabicSentenceSegmenter.fold(s, c, e))
    }

    private func nextSpace(_ s: [Unicode.Scalar], _ from: Int, _ b: Int) -> Int? {
        var c = from
        while c < b {
            if ScalarClass.isSpace(s[c].value) { return c }
            c += 1
        }
        return nil
    }
}
