import ArabicText
import BayanCore

/// The clitic-aware matcher, built once per glossary: letter tries over normalized word forms
/// (one for the first words of terms, one for later words) and a trie of terms over form ids,
/// walked from every word of the text. Each text word is read in
/// the few ways `CliticRules` allows (proclitic chain on the first word of a term, the article on
/// later words, inflection and pronoun suffixes) and a reading counts only when its stem is a
/// glossary form. Longest match wins; matches never overlap.
public struct CliticTermMatcher: TermMatcher, Sendable {
    struct Terminal: Sendable {
        var entry: Int32
        /// Whether each glossary word carried the article (for choosing between «جمارك» and «الجمارك»).
        var articles: [Bool]
        var exact: Bool
        /// For exact entries: the Arabic with only marks and tatweel removed, words joined by a space.
        var literal: [UInt32]
    }

    /// The automaton, shared by reference so a scan never copies (or retains) its arrays one by one.
    final class Index: @unchecked Sendable {
        /// Forms that begin a term, and forms that continue one: a word is read against the
        /// forms that can stand where it stands, so most words are rejected at once.
        let firstTrie: StemTrie
        let laterTrie: StemTrie
        let scratches = MatchScratchPool()
        /// Root edges by form id, in a plain buffer for the same reason as `FormTable`.
        let rootChild: UnsafeMutableBufferPointer<Int32>
        /// Later-word edges: node << 32 | form id → child (node is never 0 there, so keys are nonzero).
        let edges: FlatMap64
        /// Terminals by node (empty where no term ends), and a flag per node to skip the array.
        let terminals: [[Terminal]]
        let hasTerminal: UnsafeMutableBufferPointer<Bool>
        let maxDepth: Int
        let rules = CliticRules()
        let ar: [String]
        let en: [String]

        init(firstTrie: StemTrie, laterTrie: StemTrie, rootChild: [Int32], edges: [UInt64: Int32], terminals: [Int32: [Terminal]], maxDepth: Int, ar: [String], en: [String]) {
            self.firstTrie = firstTrie
            self.laterTrie = laterTrie
            self.rootChild = .allocate(capacity: max(1, rootChild.count))
            _ = self.rootChild.initialize(from: rootChild + (rootChild.isEmpty ? [-1] : []))
            self.edges = FlatMap64(edges.map { ($0.key, $0.value) })
            let nodeCount = 1 + Int(max(rootChild.max() ?? 0, edges.values.max() ?? 0))
            var byNode = [[Terminal]](repeating: [], count: nodeCount)
            for (node, ends) in terminals where Int(node) < nodeCount { byNode[Int(node)] = ends }
            self.terminals = byNode
            self.hasTerminal = .allocate(capacity: nodeCount)
            _ = self.hasTerminal.initialize(from: byNode.map { !$0.isEmpty })
            self.maxDepth = maxDepth
            self.ar = ar
            self.en = en
        }

        deinit {
            rootChild.deallocate()
            hasTerminal.deallocate()
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
        var nodeCount: Int32 = 1
        var maxDepth = 1
        var firstForms: Set<Int32> = [], laterForms: Set<Int32> = []
        for (index, entry) in glossary.entries.enumerated() {
            let words = CliticTermMatcher.words(entry.ar)
            guard !words.isEmpty else { continue }
            maxDepth = max(maxDepth, words.count)
            var node: Int32 = 0
            var articles: [Bool] = []
            for (depth, (word, writtenArticle)) in words.enumerated() {
                var base = word
                var article = false
                // Only a plain ا starts the article: «إلكترونية» normalizes to الكترونيه but keeps its letters.
                if !entry.exact && writtenArticle && word.count >= 4 && word[0] == CliticRules.alef && word[1] == CliticRules.lam {
                    base = Array(word.dropFirst(2))
                    article = true
                }
                articles.append(article)
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
                    if let next = edges[key] {
                        node = next
                    } else {
                        edges[key] = nodeCount
                        node = nodeCount
                        nodeCount += 1
                    }
                }
            }
            let literal = entry.exact ? CliticTermMatcher.literal(entry.ar.unicodeScalars.map(\.value)) : []
            terminals[node, default: []].append(
                Terminal(entry: Int32(index), articles: articles, exact: entry.exact, literal: literal))
        }
        if rootChild.count < formList.count {
            rootChild += [Int32](repeating: -1, count: formList.count - rootChild.count)
        }
        func trie(_ ids: Set<Int32>) -> StemTrie {
            StemTrie(forms: formList.enumerated().compactMap { ids.contains(Int32($0)) ? ($1, Int32($0)) : nil })
        }
        self.index = Index(
            firstTrie: trie(firstForms), laterTrie: trie(laterForms), rootChild: rootChild, edges: edges, terminals: terminals, maxDepth: maxDepth,
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
        var scratch = index.scratches.take()
        scratch.load(text)
        var scan = MatchScan(index: index, scratch: scratch)
        scan.run()
        let out = scan.s.candidates.count == 0 ? [] : results(scan)
        index.scratches.giveBack(scan.s)
        return out
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
