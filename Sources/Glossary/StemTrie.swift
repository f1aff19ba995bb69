/// A letter trie of every glossary word form (normalized, article removed), with the form's id
/// at the node where it ends. Reading a text word walks it once per proclitic reading and stops
/// at the first letter no form continues with, which is after one or two letters for most words:
/// far cheaper than hashing every (prefix, stem, suffix) split.
///
/// Storage is allocated once in plain buffers (no reference counting or exclusivity checks in the
/// hot loop) and never changes after `init`, hence Sendable. A struct of pointers, so passing it
/// around costs nothing; its owner (`CliticTermMatcher.Index`) calls `free()` once.
struct StemTrie: @unchecked Sendable {
    /// Nodes in depth-first order, each followed by its edges sorted by letter, in one buffer: a
    /// node reference is the offset of its header, edge count << 32 | form id (UInt32 bit
    /// pattern, or 0xFFFF_FFFF for none); each edge is letter << 32 | child reference. A step
    /// reads one cache line (the header and its edges sit together, and a chain of single
    /// children runs forward), and most deep nodes have one child, so a short scan beats a
    /// hash probe (which missed the cache).
    private let cells: UnsafeMutableBufferPointer<UInt64>
    /// Dense letter codes (`denseCode`): 1...29 for the letters folded Arabic is made of, 0 for
    /// anything else (which takes the general path). Five bits, so the tables below fit in a
    /// few kilobytes and stay in the first-level cache.
    static let denseLetters: [UInt32] = (UInt32(0x0621)...0x063A).filter {
        ![0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0629].contains($0)  // folded to ا ء ه
    } + (UInt32(0x0641)...0x064A).filter { $0 != 0x0649 }  // ى folded to ي
    static let codes = 32
    /// The first two levels for those letters (most walks end there):
    /// `level1[code]`, `level2[code1 * 32 + code2]`.
    private let level1: UnsafeMutableBufferPointer<Int32>
    private let level2: UnsafeMutableBufferPointer<Int32>
    /// `pairReads[code1 * 32 + code2]`: a walk whose first two letters have these codes can end
    /// in a reading within two letters (a two-letter form, or one letter plus a restored ه/ي
    /// before ت or ا). `tripleGoes` (a bitset over code1 * 1024 + code2 * 32 + code3): a walk with
    /// these first three letters can still read something (the third letter continues some form,
    /// or is ت/ا after a two-letter stem whose restored ه/ي is a form). Together they reject most
    /// text words with two or three loads per proclitic start.
    private let pairReads: UnsafeMutableBufferPointer<Bool>
    private let tripleGoes: UnsafeMutableBufferPointer<UInt64>

    /// Each form with its id; forms must be distinct.
    init(forms: [(form: [UInt32], id: Int32)]) {
        var edges: [(UInt64, Int32)] = []
        var ends: [Int32] = [-1]
        var lookup: [UInt64: Int32] = [:]
        for (form, id) in forms {
            var node: Int32 = 0
            for letter in form {
                let key = UInt64(UInt32(node)) << 32 | UInt64(letter)
                if let next = lookup[key] {
                    node = next
                } else {
                    let next = Int32(ends.count)
                    ends.append(-1)
                    lookup[key] = next
                    edges.append((key, next))
                    node = next
                }
            }
            ends[Int(node)] = id
        }
        // Renumber depth first, children by letter.
        var kids = [[(letter: UInt32, child: Int32)]](repeating: [], count: ends.count)
        for (key, child) in edges {
            kids[Int(key >> 32)].append((UInt32(truncatingIfNeeded: key), child))
        }
        for i in kids.indices { kids[i].sort { $0.letter < $1.letter } }
        var order: [Int32] = []
        order.reserveCapacity(ends.count)
        var stack: [Int32] = [0]
        while let node = stack.popLast() {
            order.append(node)
            for k in kids[Int(node)].reversed() { stack.append(k.child) }
        }
        // Offsets: each node takes one header cell and one cell per edge.
        var offset = [Int32](repeating: 0, count: ends.count)
        var total = 0
        for old in order {
            offset[Int(old)] = Int32(total)
            total += 1 + kids[Int(old)].count
        }
        precondition(total < Int(StemTrie.formTag), "glossary too large for the matcher's letter trie")
        cells = .allocate(capacity: total)
        var at = 0
        for old in order {
            cells[at] = UInt64(kids[Int(old)].count) << 32 | UInt64(UInt32(bitPattern: ends[Int(old)]))
            at += 1
            for k in kids[Int(old)] {
                let child = offset[Int(k.child)] | (ends[Int(k.child)] >= 0 ? StemTrie.formTag : 0)
                cells[at] = UInt64(k.letter) << 32 | UInt64(UInt32(bitPattern: child))
                at += 1
            }
        }
        let n = StemTrie.codes
        let letters = [0] + StemTrie.denseLetters
        level1 = .allocate(capacity: n)
        level1.initialize(repeating: -1)
        level2 = .allocate(capacity: n * n)
        level2.initialize(repeating: -1)
        pairReads = .allocate(capacity: n * n)
        pairReads.initialize(repeating: false)
        tripleGoes = .allocate(capacity: n * n * n / 64)
        tripleGoes.initialize(repeating: 0)
        for c1 in 1..<letters.count {
            let first = child(0, letters[c1])
            level1[c1] = first
            guard first >= 0 else { continue }
            for c2 in 1..<letters.count { level2[c1 * n + c2] = child(first, letters[c2]) }
        }
        let heh = CliticRules.heh, yeh = CliticRules.yeh
        func hasForm(_ node: Int32) -> Bool { node >= 0 && StemTrie.endsForm(node) }
        func restores(_ node: Int32) -> Bool {
            hasForm(child(node, heh)) || hasForm(child(node, yeh))
        }
        for c1 in 1..<letters.count where level1[c1] >= 0 {
            let oneRestores = restores(level1[c1])
            for c2 in 1..<letters.count {
                let second = letters[c2]
                let n2 = level2[c1 * n + c2]
                pairReads[c1 * n + c2] = hasForm(n2)
                    || (oneRestores && (second == CliticRules.teh || second == CliticRules.alef))
                guard n2 >= 0 else { continue }
                let twoRestores = restores(n2)
                for c3 in 1..<letters.count {
                    let third = letters[c3]
                    let goes = child(n2, third) >= 0
                        || (twoRestores && (third == CliticRules.teh || third == CliticRules.alef))
                    if goes {
                        let bit = c1 * n * n + c2 * n + c3
                        tripleGoes[bit >> 6] |= 1 << UInt64(bit & 63)
                    }
                }
            }
        }
    }

    /// A 6-bit letter number for bitmasks (letter − U+0620 for U+0621..<U+0660, else 0).
    @inline(__always)
    static func letterBit(_ v: UInt32) -> Int {
        v >= 0x0621 && v < 0x0660 ? Int(v - 0x0620) : 0
    }

    /// The dense code of a letter, or 0 (scans read it from `MatchScratch.codes`, filled from
    /// the same mapping by the fold).
    static func denseCode(_ v: UInt32) -> Int {
        denseLetters.firstIndex(of: v).map { $0 + 1 } ?? 0
    }


    /// Node references carry this bit when a form ends at the node, so a walk learns it without
    /// loading the node (most nodes on a walk end no form).
    static let formTag: Int32 = 1 << 30

    @inline(__always)
    static func endsForm(_ node: Int32) -> Bool { node & formTag != 0 }

    @inline(__always)
    private static func slot(_ node: Int32) -> Int { Int(node & (formTag &- 1)) }

    static let hehCode = denseCode(CliticRules.heh), yehCode = denseCode(CliticRules.yeh)

    /// The child of `node` at `depth` (0 = root) by `letter` of dense code `c`, whose first
    /// letter had code `firstCode`.
    @inline(__always)
    func step(_ node: Int32, depth: Int, firstCode: Int, _ letter: UInt32, code c: Int) -> Int32 {
        if c != 0 {
            if depth == 0 { return level1[c] }
            if depth == 1 && firstCode != 0 { return level2[firstCode &* StemTrie.codes &+ c] }
        }
        return child(node, letter)
    }

    /// Whether a walk starting at `b[start]` (with `start + 1 < hi`) might find a form; false
    /// only when it certainly finds none. Letters outside the dense range always answer true.
    @inline(__always)
    func mayStart(_ codes: UnsafePointer<UInt8>, _ start: Int, _ hi: Int) -> Bool {
        guard start + 1 < hi else { return false }
        let c1 = Int(codes[start]), c2 = Int(codes[start &+ 1])
        if c1 == 0 || c2 == 0 { return true }
        let n = StemTrie.codes
        if pairReads[c1 &* n &+ c2] { return true }
        guard start &+ 2 < hi else { return false }
        let c3 = Int(codes[start &+ 2])
        if c3 == 0 { return true }
        let bit = c1 &* n &* n &+ c2 &* n &+ c3
        return tripleGoes[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    func free() {
        pairReads.deallocate()
        tripleGoes.deallocate()
        cells.deallocate()
        level1.deallocate()
        level2.deallocate()
    }

    /// The child of `node` by `letter`, or -1 (a scan of the node's sorted edges).
    @inline(__always)
    func child(_ node: Int32, _ letter: UInt32) -> Int32 {
        let at = StemTrie.slot(node)
        var i = at &+ 1
        let end = i &+ Int(truncatingIfNeeded: cells[at] >> 32)
        while i < end {
            let word = cells[i]
            let l = UInt32(truncatingIfNeeded: word >> 32)
            if l == letter { return Int32(bitPattern: UInt32(truncatingIfNeeded: word)) }
            if l > letter { return -1 }
            i += 1
        }
        return -1
    }

    /// The form ending at `node`, or -1.
    @inline(__always)
    func form(at node: Int32) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: cells[StemTrie.slot(node)])) }
}
