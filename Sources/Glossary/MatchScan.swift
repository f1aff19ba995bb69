import ArabicText
import BayanCore

/// One pass of `CliticTermMatcher` over one text: its scratch buffers and the candidates found.
struct MatchScan {
    struct Candidate {
        var firstToken: Int
        var lastToken: Int
        var entry: Int32
        var score: Int
        var first: CliticRules.Split
        var last: CliticRules.Split
    }

    let index: CliticTermMatcher.Index
    let b: UnsafeBufferPointer<UInt32>
    let folded: FoldedText
    let text: String
    var tokens: [(lo: Int, hi: Int)] = []
    var splitBuffers: [[CliticRules.Split]]
    var path: [CliticRules.Split]
    var best: Candidate?
    var original: [Unicode.Scalar]?

    init(index: CliticTermMatcher.Index, buffer: UnsafeBufferPointer<UInt32>, folded: FoldedText, text: String) {
        self.index = index
        self.b = buffer
        self.folded = folded
        self.text = text
        self.splitBuffers = Array(repeating: [], count: index.maxDepth)
        self.path = Array(repeating: CliticRules.Split(skip: 0, cut: 0, restore: 0, clitic: 0, article: false, pronoun: false, finalHeh: false), count: index.maxDepth)
        tokens.reserveCapacity(buffer.count / 4 + 1)
    }

    mutating func run(variants: Bool) -> [TermMatch] {
        var start = -1
        for i in 0..<b.count {
            if CliticTermMatcher.isWord(b[i]) {
                if start < 0 { start = i }
            } else if start >= 0 {
                tokens.append((start, i))
                start = -1
            }
        }
        if start >= 0 { tokens.append((start, b.count)) }

        var candidates: [Candidate] = []
        for t in 0..<tokens.count {
            if !CliticRules.mayRead(b, tokens[t].lo, tokens[t].hi, first: true, trie: index.trie) { continue }
            best = nil
            explore(token: t, depth: 0, node: 0, firstToken: t)
            if let found = best { candidates.append(found) }
        }
        return select(candidates, variants: variants)
    }

    /// Longest first (then the better reading), keeping those that overlap nothing chosen.
    private func select(_ candidates: [Candidate], variants: Bool) -> [TermMatch] {
        guard !candidates.isEmpty else { return [] }
        // Candidates come in token order; when none overlaps the next, all are kept as they are.
        var disjoint = true
        for i in 1..<max(1, candidates.count) where candidates[i].firstToken <= candidates[i - 1].lastToken {
            disjoint = false
            break
        }
        if disjoint { return candidates.map { makeMatch($0, variants: variants) } }
        let order = candidates.indices.sorted { x, y in
            let a = candidates[x], c = candidates[y]
            let la = a.lastToken - a.firstToken, lc = c.lastToken - c.firstToken
            if la != lc { return la > lc }
            if a.score != c.score { return a.score > c.score }
            return a.firstToken < c.firstToken
        }
        var taken = [Bool](repeating: false, count: tokens.count)
        var chosen: [Candidate] = []
        for i in order {
            let c = candidates[i]
            if (c.firstToken...c.lastToken).contains(where: { taken[$0] }) { continue }
            for t in c.firstToken...c.lastToken { taken[t] = true }
            chosen.append(c)
        }
        chosen.sort { $0.firstToken < $1.firstToken }
        return chosen.map { makeMatch($0, variants: variants) }
    }

    private func makeMatch(_ c: Candidate, variants: Bool) -> TermMatch {
        let e = Int(c.entry)
        let lo = tokens[c.firstToken].lo, hi = tokens[c.lastToken].hi
        let span = folded.originalRange(lo, hi)
        let cliticEnd = c.first.clitic > 0 ? folded.originalRange(lo + c.first.clitic, hi).lowerBound : span.lowerBound
        let lastHi = tokens[c.lastToken].hi
        return TermMatch(
            hit: TermHit(ar: index.ar[e], en: index.en[e], start: span.lowerBound, end: span.upperBound),
            entryIndex: e, procliticEnd: cliticEnd,
            prefix: variants ? string(lo, lo + c.first.skip) : "",
            suffix: variants ? string(lastHi - c.last.cut, lastHi) : "")
    }

    private func string(_ lo: Int, _ hi: Int) -> String {
        var view = String.UnicodeScalarView()
        var i = lo
        while i < hi {
            if let s = Unicode.Scalar(b[i]) { view.append(s) }
            i += 1
        }
        return String(view)
    }

    private mutating func explore(token t: Int, depth: Int, node: Int32, firstToken: Int) {
        let (lo, hi) = tokens[t]
        // Most words start no glossary form in any reading: reject them before any other work.
        guard CliticRules.mayRead(b, lo, hi, first: depth == 0, trie: index.trie) else { return }
        // Borrow this depth's scratch array (swap, so no copy-on-write allocation).
        var splits: [CliticRules.Split] = []
        swap(&splits, &splitBuffers[depth])
        index.rules.readings(b, lo, hi, first: depth == 0, trie: index.trie, into: &splits)
        defer { swap(&splits, &splitBuffers[depth]) }
        for split in splits {
            let stemHi = hi - split.cut
            let id = split.form
            if id < 0 { continue }
            let next: Int32
            if depth == 0 {
                next = index.rootChild[Int(id)]
            } else {
                next = index.edges.get(UInt64(UInt32(node)) << 32 | UInt64(UInt32(id)))
            }
            if next < 0 { continue }
            var reading = split
            if split.finalHeh {
                let stemLast = split.restore != 0 ? split.restore : b[stemHi - 1]
                if stemLast == CliticRules.yeh {
                    reading.pronoun = false  // feminine of an adjective: جمركي → جمركية
                } else if folded.source[hi - 1] == 0x0629 {
                    continue  // ة is not the pronoun ـه: مكتبة is not مكتب + ـه
                }
            }
            path[depth] = reading
            if index.hasTerminal[Int(next)] {
                consider(index.terminals[Int(next)], firstToken: firstToken, lastToken: t, depth: depth)
            }
            if depth + 1 < index.maxDepth, t + 1 < tokens.count, !(reading.pronoun && depth > 0),
               onlySpaceBetween(hi, tokens[t + 1].lo) {
                explore(token: t + 1, depth: depth + 1, node: next, firstToken: firstToken)
            }
        }
    }

    private mutating func consider(_ ends: [CliticTermMatcher.Terminal], firstToken: Int, lastToken: Int, depth: Int) {
        for end in ends {
            var score = 0
            if end.exact {
                guard path[0...depth].allSatisfy({ $0.bare }) else { continue }
                let span = folded.originalRange(tokens[firstToken].lo, tokens[lastToken].hi)
                let scalars = originalScalars()
                guard span.upperBound <= scalars.count,
                      CliticTermMatcher.literal(scalars[span]) == end.literal else { continue }
                score += 1000
            }
            for d in 0...depth {
                if d < end.articles.count && end.articles[d] == path[d].article { score += 10 }
                // Prefer the reading that strips less suffix: «بيانات» is the entry بيانات before بيان + ات.
                if path[d].cut == 0 { score += 2 }
                if path[d].skip == 0 { score += 1 }
            }
            let candidate = Candidate(
                firstToken: firstToken, lastToken: lastToken, entry: end.entry, score: score,
                first: path[0], last: path[depth])
            if let current = best {
                let longer = lastToken > current.lastToken
                let better = lastToken == current.lastToken
                    && (score > current.score || (score == current.score && end.entry < current.entry))
                if !(longer || better) { continue }
            }
            best = candidate
        }
    }

    private func onlySpaceBetween(_ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            if b[i] != 0x20 && b[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    private mutating func originalScalars() -> [Unicode.Scalar] {
        if let original { return original }
        let scalars = Array(text.unicodeScalars)
        original = scalars
        return scalars
    }
}
