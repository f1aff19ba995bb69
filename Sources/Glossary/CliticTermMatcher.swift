import ArabicText
import BayanCore

/// The clitic-aware matcher, built once per glossary: letter tries over normalized word forms
/// (one for the first words of terms, one for later words) and a trie of terms over form ids,
/// walked from every word of the text. Each text word is read in
/// the few ways `CliticRules` allows (proclitic chain on the first word of a term, the article on
/// later words, inflection and pronoun suffixes) and a reading counts only when its stem is a
/// glossary form. Longest match wins; matches never overlap.
public struct CliticTermMatcher: TermMatcher, Sendable {
    /// An entry ending at a trie node. Plain values only, so reading one retains nothing.
    struct Terminal: Sendable {
        var entry: Int32
        var words: Int32
        /// Bit d: whether glossary word d carried the article (for choosing between «جمارك» and
        /// «الجمارك»); words past the 64th are not scored.
        var articles: UInt64
        var exact: Bool

        @inline(__always)
        func article(_ d: Int) -> Bool { d < 64 && articles & (1 << UInt64(d)) != 0 }
    }

    /// What a scan reads of a term-trie node, together (one cache line): its terminals
    /// `terminals[terminalStart ..< terminalEnd]`, and the first letters of the forms that
    /// continue it (bit = `StemTrie.letterBit`; bit 0 = some such form starts with a letter
    /// outside the dense codes, so no filter).
    struct Node: Sendable {
        var terminalStart: Int32
        var terminalEnd: Int32
        var nextLetters: UInt64
    }

    /// The automaton, shared by reference so a scan never copies (or retains) its arrays one by one.
    final class Index: @unchecked Sendable {
        /// Forms that begin a term, and forms that continue one: a word is read against the
        /// forms that can stand where it stands, so most words are rejected at once.
        let firstTrie: StemTrie
        let laterTrie: StemTrie
        let scratches = MatchScratchPool()
        /// Later-word edges: node << 32 | form id → child (node is never 0 there, so keys are nonzero).
        let edges: FlatMap64
        /// Per term-trie node (`Node`). The first trie's form ids are the root's children, so
        /// a first word's reading is its node at once.
        let nodes: UnsafeMutableBufferPointer<Node>
        /// The set of (node, first two letters' dense codes) of the forms that continue a node:
        /// the next word is read only if it, or what follows its article, starts like one of them.
        let nextPairs: FlatMap64
        let terminals: UnsafeMutableBufferPointer<Terminal>
        /// For exact entries (by entry): the Arabic with only marks and tatweel removed, words
        /// joined by a space.
        let literals: [Int32: [UInt32]]
        let maxDepth: Int
        let rules = CliticRules()
        let ar: [String]
        let en: [String]

        init(firstTrie: StemTrie, laterTrie: StemTrie, nodeCount: Int, edges: [UInt64: Int32], terminals: [Int32: [Terminal]],
             literals: [Int32: [UInt32]], nextLetters: [Int32: UInt64], nextPairs: Set<UInt64>, maxDepth: Int, ar: [String], en: [String]) {
            self.firstTrie = firstTrie
            self.laterTrie = laterTrie
            self.edges = FlatMap64(edges.map { ($0.key, $0.value) })
            var flat: [Terminal] = []
            var nodes: [Node] = []
            for node in 0..<nodeCount {
                let start = Int32(flat.count)
                flat += terminals[Int32(node)] ?? []
                nodes.append(Node(terminalStart: start, terminalEnd: Int32(flat.count), nextLetters: nextLetters[Int32(node)] ?? 0))
            }
            self.terminals = .allocate(capacity: max(1, flat.count))
            _ = self.terminals.initialize(from: flat)
            self.nodes = .allocate(capacity: nodes.count)
            _ = self.nodes.initialize(from: nodes)
            self.literals = literals
            self.nextPairs = FlatMap64(nextPairs.map { ($0, 1) })
            self.maxDepth = maxDepth
            self.ar = ar
            self.en = en
        }

        deinit {
            firstTrie.free()
            laterTrie.free()
            rules.free()
            terminals.deallocate()
            nodes.deallocate()
            nextPairs.free()
            edges.free()
        }
    }

    public let glossary: Glossary
    let index: Index

    public init(glossary: Glossary) {
        self.glossary = glossary
        var formIDs: [[UInt32]: Int32] = [:]
        var formList: [[UInt32]] = []
        func formID(_ form: [UInt32]) -> Int32 {
            if let id = formIDs[form] { return id }
            let id = Int32(formList.count)
            formIDs[form] = id
            formList.append(form)
            return id
        }
        var rootChild: [Int32] = []
        var edges: [UInt64: Int32] = [:]
        var terminals: [Int32: [Terminal]] = [:]
        var literals: [Int32: [UInt32]] = [:]
        var nextLetters: [Int32: UInt64] = [:]
        var nextPairs: Set<UInt64> = []
        var nodeCount: Int32 = 1
        var maxDepth = 1
        var firstForms: Set<Int32> = [], laterForms: Set<Int32> = []
        for (index, entry) in glossary.entries.enumerated() {
            let words = CliticTermMatcher.words(entry.ar)
            guard !words.isEmpty else { continue }
            maxDepth = max(maxDepth, words.count)
            var node: Int32 = 0
            var articles: UInt64 = 0
            for (depth, (word, writtenArticle)) in words.enumerated() {
                var base = word
                var article = false
                // Only a plain ا starts the article: «إلكترونية» normalizes to الكترونيه but keeps its letters.
                if !entry.exact && writtenArticle && word.count >= 4 && word[0] == CliticRules.alef && word[1] == CliticRules.lam {
                    base = Array(word.dropFirst(2))
                    article = true
                }
                if article && depth < 64 { articles |= 1 << UInt64(depth) }
                let id = formID(base)
                if depth == 0 { firstForms.insert(id) } else { laterForms.insert(id) }
                if depth == 0 {
                    if Int(id) >= rootChild.count {
                        rootChild += [Int32](repeating: -1, count: Int(id) - rootChild.count + 1)
                    }
                    if rootChild[Int(id)] < 0 {
                        rootChild[Int(id)] = nodeCount
                        nodeCount += 1
                    }
                    node = rootChild[Int(id)]
                } else {
                    let key = UInt64(UInt32(node)) << 32 | UInt64(UInt32(id))
                    for pair in CliticTermMatcher.startPairs(base) {
                        if pair.c1 == 0 || pair.c2 == 0 {
                            nextLetters[node, default: 0] |= 1  // no dense code: never filtered
                        } else {
                            nextLetters[node, default: 0] |= 1 << UInt64(StemTrie.letterBit(base[0]))
                            nextPairs.insert(CliticTermMatcher.pairKey(node, pair.c1, pair.c2))
                        }
                    }
                    if let next = edges[key] {
                        node = next
                    } else {
                        edges[key] = nodeCount
                        node = nodeCount
                        nodeCount += 1
                    }
                }
            }
            if entry.exact { literals[Int32(index)] = CliticTermMatcher.literal(entry.ar.unicodeScalars.map(\.value)) }
            terminals[node, default: []].append(
                Terminal(entry: Int32(index), words: Int32(words.count), articles: articles, exact: entry.exact))
        }
        // The first trie answers with the root's child for the form, the later trie with the form id.
        let first = StemTrie(forms: firstForms.sorted().map { (formList[Int($0)], rootChild[Int($0)]) })
        let later = StemTrie(forms: laterForms.sorted().map { (formList[Int($0)], $0) })
        self.index = Index(
            firstTrie: first, laterTrie: later, nodeCount: Int(nodeCount), edges: edges, terminals: terminals, literals: literals, nextLetters: nextLetters, nextPairs: nextPairs, maxDepth: maxDepth,
            ar: glossary.entries.map(\.ar), en: glossary.entries.map(\.en))
    }

    public func matches(in text: String) -> [TermHit] {
        scan(text) { scan in
            (0..<scan.s.candidates.count).map { scan.hit(scan.s.candidates[$0]) }
        }
    }

    /// The matches with the entry index, proclitic end and the variant that fired.
    public func termMatches(in text: String) -> [TermMatch] {
        scan(text) { scan in
            (0..<scan.s.candidates.count).map { scan.match(scan.s.candidates[$0], variants: true) }
        }
    }

    /// Runs a scan in a pooled scratch and turns its chosen candidates into results.
    private func scan<Result>(_ text: String, _ results: (MatchScan) -> [Result]) -> [Result] {
        guard !glossary.entries.isEmpty else { return [] }
        let scratch = index.scratches.take()
        scratch.pointee.load(text)
        var scan = MatchScan(index: index, scratch: scratch.pointee)
        scan.run()
        let out = scan.s.candidates.count == 0 ? [] : results(scan)
        scratch.pointee = scan.s  // the buffers may have grown
        index.scratches.giveBack(scratch)
        return out
    }

    /// The dense codes of the first two letters a word read as `form` can start with: the
    /// form's own, and for a two-letter form ending in ه or ي also ت and ا in second place (the
    /// restored ending before a suffix: شحنتها, مستواه). (0, 0) when the form is shorter.
    static func startPairs(_ form: [UInt32]) -> [(c1: Int, c2: Int)] {
        guard form.count >= 2 else { return [(0, 0)] }
        let c1 = StemTrie.denseCode(form[0])
        var pairs = [(c1, StemTrie.denseCode(form[1]))]
        if form.count == 2 && (form[1] == CliticRules.heh || form[1] == CliticRules.yeh) {
            pairs.append((c1, StemTrie.denseCode(CliticRules.teh)))
            pairs.append((c1, StemTrie.denseCode(CliticRules.alef)))
        }
        return pairs
    }

    @inline(__always)
    static func pairKey(_ node: Int32, _ c1: Int, _ c2: Int) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 16 | UInt64(c1) << 8 | UInt64(c2)
    }

    /// Hamza seats vary in real text (مسؤول / مسئول): fold ؤ and ئ to ء on both sides. Everything
    /// else is `ArabicNormalizer`'s job.
    @inline(__always)
    static func fold(_ v: UInt32) -> UInt32 {
        v == 0x0624 || v == 0x0626 ? 0x0621 : v
    }

    @inline(__always)
    static func isWord(_ v: UInt32) -> Bool {
        if v >= 0x0621 && v <= 0x064A { return true }
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        guard let s = Unicode.Scalar(v) else { return false }
        return TermTokenizer.isWordScalar(s)
    }

    /// The normalized, folded words of a glossary term, each with whether it was written with a
    /// plain alef first (only then can a leading ال be the article).
    static func words(_ ar: String) -> [([UInt32], Bool)] {
        let folded = MatchFolding.fold(ar)
        var out: [([UInt32], Bool)] = []
        var current: [UInt32] = []
        var plainAlef = false
        for (i, v) in folded.scalars.enumerated() {
            if isWord(v) {
                if current.isEmpty { plainAlef = folded.source[i] == 0x0627 }
                current.append(v)
            } else if !current.isEmpty {
                out.append((current, plainAlef))
                current = []
            }
        }
        if !current.isEmpty { out.append((current, plainAlef)) }
        return out
    }

    /// Text with only harakat, tatweel and format characters removed; words joined by one space.
    static func literal(_ scalars: some Sequence<UInt32>) -> [UInt32] {
        var out: [UInt32] = []
        var pendingSpace = false
        for v in scalars {
            guard let s = Unicode.Scalar(v) else { continue }
            if (0x064B...0x0652).contains(v) || v == 0x0670 || v == 0x0640 || s.properties.generalCategory == .format {
                continue
            }
            if isWord(v) {
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(v)
            } else {
                pendingSpace = true
            }
        }
        return out
    }
}
