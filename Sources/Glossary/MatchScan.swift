import ArabicText
import BayanCore

/// One pass of `CliticTermMatcher` over one text, in a borrowed `MatchScratch`: every word that
/// may start a term is read in the ways `CliticRules` allows and followed through the term trie;
/// the best (longest, then best-read) candidate per start word is kept, then overlaps resolved.
struct MatchScan {
    struct Candidate {
        var firstToken: Int
        var lastToken: Int
        var entry: Int32
        var score: Int
        var first: CliticRules.Split
        var last: CliticRules.Split
    }

    // Unowned(unsafe): the matcher holds the index for the whole scan, and a scan must not
    // pay a retain and release per word for it. The tries and rules are plain pointer structs.
    unowned(unsafe) let index: CliticTermMatcher.Index
    let firstTrie: StemTrie
    let laterTrie: StemTrie
    let rules: CliticRules
    // The index's tables, copied here so that a read is one load less.
    let nodes: UnsafeMutablePointer<CliticTermMatcher.Node>
    let terminals: UnsafeMutablePointer<CliticTermMatcher.Terminal>
    let edges: FlatMap64
    let nextPairs: FlatMap64
    var s: MatchScratch
    var best: Candidate?

    init(index: CliticTermMatcher.Index, scratch: MatchScratch) {
        self.index = index
        self.firstTrie = index.firstTrie
        self.laterTrie = index.laterTrie
        self.rules = index.rules
        self.nodes = index.nodes.baseAddress.unsafelyUnwrapped
        self.terminals = index.terminals.baseAddress.unsafelyUnwrapped
        self.edges = index.edges
        self.nextPairs = index.nextPairs
        self.s = scratch
    }

    /// The folded text (valid while the scratch is not reloaded).
    var b: UnsafeBufferPointer<UInt32> { UnsafeBufferPointer(start: s.scalars.base, count: s.scalars.count) }
    var codes: UnsafePointer<UInt8> { UnsafePointer(s.codes.base) }

    /// Leaves the chosen candidates, in text order, in `s.candidates`.
    mutating func run() {
        s.candidates.count = 0
        s.splits.count = 0
        s.path.reserve(index.maxDepth)
        let b = self.b, codes = self.codes
        for t in 0..<s.tokens.count {
            // Most words start no glossary term in any reading: `readings` rejects them after a
            // few table loads per proclitic start, here, without a call.
            let token = s.tokens[t]
            rules.readings(b, codes, Int(token.lo), Int(token.hi), first: true, trie: firstTrie, into: &s.splits)
            if s.splits.count == 0 { continue }
            best = nil
            follow(readings: 0, token: t, depth: 0, node: 0, firstToken: t)
            s.splits.count = 0
            if let found = best { s.candidates.append(found) }
        }
        select()
    }

    /// Longest first (then the better reading), keeping those that overlap nothing chosen.
    private mutating func select() {
        let count = s.candidates.count
        guard count > 1 else { return }
        // Candidates come in token order; when none overlaps the next, all are kept as they are.
        var disjoint = true
        for i in 1..<count where s.candidates[i].firstToken <= s.candidates[i - 1].lastToken {
            disjoint = false
            break
        }
        if disjoint { return }
        // Rank in the scratch: insertion sort for the handful a sentence has, a library sort
        // beyond that.
        s.order.count = 0
        if count <= 64 {
            for i in 0..<count {
                s.order.append(Int32(i))
                var j = i
                while j > 0 && ranksBefore(Int(s.order[j]), Int(s.order[j - 1])) {
                    let t = s.order[j]
                    s.order[j] = s.order[j - 1]
                    s.order[j - 1] = t
                    j -= 1
                }
            }
        } else {
            for i in (0..<count).sorted(by: { ranksBefore($0, $1) }) { s.order.append(Int32(i)) }
        }
        // Take candidates in rank order when none of their tokens is taken yet.
        s.taken.count = 0
        s.taken.reserve(s.tokens.count)
        s.taken.base.initialize(repeating: false, count: s.tokens.count)
        s.chosen.count = 0
        s.chosen.reserve(count)
        s.chosen.base.initialize(repeating: false, count: count)
        for r in 0..<count {
            let i = Int(s.order[r])
            let c = s.candidates[i]
            var free = true
            for t in c.firstToken...c.lastToken where s.taken[t] {
                free = false
                break
            }
            guard free else { continue }
            for t in c.firstToken...c.lastToken { s.taken[t] = true }
            s.chosen[i] = true
        }
        // Keep the chosen in text order (candidates are in token order already).
        var kept = 0
        for i in 0..<count where s.chosen[i] {
            s.candidates[kept] = s.candidates[i]
            kept += 1
        }
        s.candidates.count = kept
    }

    /// The ranking: longer first, then the higher reading score, then the earlier start.
    private func ranksBefore(_ x: Int, _ y: Int) -> Bool {
        let a = s.candidates[x], c = s.candidates[y]
        let la = a.lastToken - a.firstToken, lc = c.lastToken - c.firstToken
        if la != lc { return la > lc }
        if a.score != c.score { return a.score > c.score }
        return a.firstToken < c.firstToken
    }

    func hit(_ c: Candidate) -> TermHit {
        let e = Int(c.entry)
        let span = s.originalRange(Int(s.tokens[c.firstToken].lo), Int(s.tokens[c.lastToken].hi))
        return TermHit(ar: index.ar[e], en: index.en[e], start: span.lowerBound, end: span.upperBound)
    }

    func match(_ c: Candidate, variants: Bool) -> TermMatch {
        let lo = Int(s.tokens[c.firstToken].lo), hi = Int(s.tokens[c.lastToken].hi)
        let span = s.originalRange(lo, hi)
        let cliticEnd = c.first.clitic > 0 ? s.originalRange(lo + c.first.clitic, hi).lowerBound : span.lowerBound
        return TermMatch(
            hit: hit(c), entryIndex: Int(c.entry), procliticEnd: cliticEnd,
            prefix: variants ? string(lo, lo + c.first.skip) : "",
            suffix: variants ? string(hi - c.last.cut, hi) : "")
    }

    private func string(_ lo: Int, _ hi: Int) -> String {
        var view = String.UnicodeScalarView()
        for i in lo..<max(lo, hi) {
            if let scalar = Unicode.Scalar(s.scalars[i]) { view.append(scalar) }
        }
        return String(view)
    }

    /// Reads token `t` as word `depth` (> 0) of a term below trie `node` (whose `nodes` entry is
    /// `parent`). The readings of the words on the current path sit on one stack in `s.splits`:
    /// this call pushes its own and pops them before returning.
    private mutating func explore(token t: Int, depth: Int, node: Int32, parent: CliticTermMatcher.Node, firstToken: Int) {
        let token = s.tokens[t]
        let lo = Int(token.lo), hi = Int(token.hi)
        // It must first start like a form that continues the term.
        guard mayContinue(node, parent.nextLetters, lo, hi) else { return }
        let start = s.splits.count
        rules.readings(b, codes, lo, hi, first: false, trie: laterTrie, into: &s.splits)
        if s.splits.count > start { follow(readings: start, token: t, depth: depth, node: node, firstToken: firstToken) }
        s.splits.count = start
    }

    /// Follows each reading of token `t` in `s.splits[start...]` (word `depth` of a term below
    /// trie `node`): records the terms that end there and reads on into the next word.
    private mutating func follow(readings start: Int, token t: Int, depth: Int, node: Int32, firstToken: Int) {
        let hi = Int(s.tokens[t].hi)
        let b = self.b
        let first = depth == 0
        let end = s.splits.count
        var k = start
        while k < end {
            let split = s.splits[k]
            k += 1
            let id = split.form
            if id < 0 { continue }
            // A first word's form is its node already (see `CliticTermMatcher.Index.nodes`).
            let next = first ? id : edges.get(UInt64(UInt32(node)) << 32 | UInt64(UInt32(id)))
            if next < 0 { continue }
            var reading = split
            if split.finalHeh {
                let stemLast = split.restore != 0 ? split.restore : b[hi - split.cut - 1]
                if stemLast == CliticRules.yeh {
                    reading.pronoun = false  // feminine of an adjective: جمركي → جمركية
                } else if s.originals[Int(s.origin[hi - 1])] == 0x0629 {
                    continue  // ة is not the pronoun ـه: مكتبة is not مكتب + ـه
                }
            }
            s.path[depth] = reading
            let info = nodes[Int(next)]
            let ends = Int(info.terminalStart)..<Int(info.terminalEnd)
            if !ends.isEmpty {
                consider(ends, firstToken: firstToken, lastToken: t, depth: depth)
            }
            if depth + 1 < index.maxDepth, t + 1 < s.tokens.count, !(reading.pronoun && depth > 0),
               onlySpaceBetween(hi, Int(s.tokens[t + 1].lo)) {
                explore(token: t + 1, depth: depth + 1, node: next, parent: info, firstToken: firstToken)
            }
        }
    }

    private mutating func consider(_ ends: Range<Int>, firstToken: Int, lastToken: Int, depth: Int) {
        for k in ends {
            let end = terminals[k]
            var score = 0
            if end.exact {
                guard (0...depth).allSatisfy({ s.path[$0].bare }) else { continue }
                let span = s.originalRange(Int(s.tokens[firstToken].lo), Int(s.tokens[lastToken].hi))
                guard span.upperBound <= s.originals.count else { continue }
                let surface = UnsafeBufferPointer(start: s.originals.base + span.lowerBound, count: span.count)
                guard CliticTermMatcher.literal(surface) == index.literals[end.entry] else { continue }
                score += 1000
            }
            for d in 0...depth {
                let reading = s.path[d]
                if d < Int(end.words) && end.article(d) == reading.article { score += 10 }
                // Prefer the reading that strips less suffix: «بيانات» is the entry بيانات before بيان + ات.
                if reading.cut == 0 { score += 2 }
                if reading.skip == 0 { score += 1 }
            }
            if let current = best {
                let longer = lastToken > current.lastToken
                let better = lastToken == current.lastToken
                    && (score > current.score || (score == current.score && end.entry < current.entry))
                if !(longer || better) { continue }
            }
            best = Candidate(
                firstToken: firstToken, lastToken: lastToken, entry: end.entry, score: score,
                first: s.path[0], last: s.path[depth])
        }
    }

    /// Whether the word at `lo..<hi` can be read as a form that continues `node`: it, or the
    /// part after its article, starts with the first two letters of one of those forms.
    @inline(__always)
    private func mayContinue(_ node: Int32, _ letters: UInt64, _ lo: Int, _ hi: Int) -> Bool {
        if letters & 1 != 0 { return true }
        let b = s.scalars.base
        @inline(__always)
        func startsLikeAChild(_ start: Int) -> Bool {
            guard start + 1 < hi, letters & (1 << UInt64(StemTrie.letterBit(b[start]))) != 0 else { return false }
            let key = CliticTermMatcher.pairKey(node, Int(s.codes[start]), Int(s.codes[start + 1]))
            return nextPairs.get(key) >= 0
        }
        if startsLikeAChild(lo) { return true }
        return hi - lo > 3 && b[lo] == CliticRules.alef && b[lo + 1] == CliticRules.lam && startsLikeAChild(lo + 2)
    }

    private func onlySpaceBetween(_ lo: Int, _ hi: Int) -> Bool {
        var i = lo
        while i < hi {
            if s.scalars[i] != 0x20 && s.scalars[i] != 0x09 { return false }
            i += 1
        }
        return true
    }
}
