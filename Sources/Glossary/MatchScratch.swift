/// The working memory of one scan: the folded text, its offsets back to the original, the
/// original scalars, the words, and the readings and candidates found. Scans borrow one from
/// `MatchScratchPool` and give it back, so matching a sentence allocates only its result.
/// `@unchecked Sendable`: a scratch is used by one scan at a time (the pool hands it out).
struct MatchScratch: @unchecked Sendable {
    struct Token {
        var lo: Int32
        var hi: Int32
    }

    /// Folded scalar values, and for each the offset of the original scalar it came from.
    var scalars = ScratchBuffer<UInt32>(capacity: 512)
    var origin = ScratchBuffer<Int32>(capacity: 512)
    /// The dense letter code of each folded scalar (`StemTrie.denseCode`), looked up once here
    /// instead of at every trie step.
    var codes = ScratchBuffer<UInt8>(capacity: 512)
    /// The original text's scalar values (their count is the text's length in scalars).
    var originals = ScratchBuffer<UInt32>(capacity: 512)
    /// Maximal runs of word scalars in `scalars`.
    var tokens = ScratchBuffer<Token>(capacity: 128)
    /// Readings of the words on the current path, used as a stack (see `MatchScan.explore`).
    var splits = ScratchBuffer<CliticRules.Split>(capacity: 64)
    var path = ScratchBuffer<CliticRules.Split>(capacity: 8)
    var candidates = ScratchBuffer<MatchScan.Candidate>(capacity: 32)
    /// For resolving overlaps: candidates by rank, tokens taken, candidates chosen.
    var order = ScratchBuffer<Int32>(capacity: 32)
    var taken = ScratchBuffer<Bool>(capacity: 128)
    var chosen = ScratchBuffer<Bool>(capacity: 32)

    func free() {
        scalars.free()
        origin.free()
        codes.free()
        originals.free()
        tokens.free()
        splits.free()
        path.free()
        candidates.free()
        order.free()
        taken.free()
        chosen.free()
    }

    /// Bytes held, so the pool can drop a scratch that grew on a huge text.
    var footprint: Int {
        scalars.capacity * 13 + tokens.capacity * 8 + (splits.capacity + path.capacity) * 64 + candidates.capacity * 160 + order.capacity * 4 + taken.capacity + chosen.capacity
    }

    mutating func load(_ text: String) {
        var text = text
        text.withUTF8 { load($0) }
    }

    /// Decodes, folds and splits into words in one pass over the UTF-8 bytes. The common
    /// scalars (one folded scalar or none) take one table load; the rest go through `foldMore`.
    ///
    /// Room is made ahead, so the common path checks no capacity: there is always space for one
    /// folded scalar per byte still to read, and one word per two (a word and its separator
    /// take at least a byte each). `foldMore`, the only path that can emit more, restores that.
    mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        scalars.count = 0
        origin.count = 0
        codes.count = 0
        originals.count = 0
        tokens.count = 0
        let byteCount = bytes.count
        guard let src = bytes.baseAddress, byteCount > 0 else { return }
        scalars.reserve(byteCount + 1)
        origin.reserve(byteCount + 1)
        codes.reserve(byteCount + 1)
        originals.reserve(byteCount + 1)
        tokens.reserve(byteCount / 2 + 2)
        let quick = MatchFolding.table.quick.baseAddress.unsafelyUnwrapped
        let single = MatchFolding.Table.single, wordBit = MatchFolding.Table.word
        let orig = originals.base
        var s = scalars.base, o = origin.base, cd = codes.base, tok = tokens.base
        var n = 0, tokenCount = 0, index: Int32 = 0, i = 0, wordStart = -1
        while i < byteCount {
            let b0 = UInt32(src[i])
            var v: UInt32
            if b0 < 0x80 {
                v = b0
                i &+= 1
            } else if b0 < 0xE0, i &+ 1 < byteCount {
                v = (b0 & 0x1F) << 6 | (UInt32(src[i &+ 1]) & 0x3F)
                i &+= 2
            } else if b0 < 0xF0, i &+ 2 < byteCount {
                v = (b0 & 0x0F) << 12 | (UInt32(src[i &+ 1]) & 0x3F) << 6 | (UInt32(src[i &+ 2]) & 0x3F)
                i &+= 3
            } else if i &+ 3 < byteCount {
                v = (b0 & 0x07) << 18 | (UInt32(src[i &+ 1]) & 0x3F) << 12
                    | (UInt32(src[i &+ 2]) & 0x3F) << 6 | (UInt32(src[i &+ 3]) & 0x3F)
                i &+= 4
            } else {
                break  // a truncated sequence: Swift strings are valid UTF-8, so never reached
            }
            orig[Int(index)] = v
            let q = v < 0x0800 ? quick[Int(v)] : 0
            if q & single != 0 {
                s[n] = q & 0x1F_FFFF
                o[n] = index
                cd[n] = UInt8(truncatingIfNeeded: (q >> 21) & 0x1F)
                if q & wordBit != 0 {
                    if wordStart < 0 { wordStart = n }
                } else if wordStart >= 0 {
                    tok[tokenCount] = Token(lo: Int32(truncatingIfNeeded: wordStart), hi: Int32(truncatingIfNeeded: n))
                    tokenCount &+= 1
                    wordStart = -1
                }
                n &+= 1
            } else if q & MatchFolding.Table.dropped == 0 {
                (scalars.count, origin.count, codes.count, tokens.count) = (n, n, n, tokenCount)
                foldMore(v, index: index, remaining: byteCount - i, wordStart: &wordStart)
                (n, tokenCount) = (scalars.count, tokens.count)
                (s, o, cd, tok) = (scalars.base, origin.base, codes.base, tokens.base)
            }
            index &+= 1
        }
        (scalars.count, origin.count, codes.count, tokens.count) = (n, n, n, tokenCount)
        if wordStart >= 0 { tokens.append(Token(lo: Int32(truncatingIfNeeded: wordStart), hi: Int32(truncatingIfNeeded: n))) }
        originals.count = Int(index)
    }

    /// A scalar that folds to several scalars (presentation forms such as ﻻ) or lies outside
    /// the first table range; then room for `remaining` more bytes, as `load` expects.
    @inline(never)
    private mutating func foldMore(_ v: UInt32, index: Int32, remaining: Int, wordStart: inout Int) {
        let table = MatchFolding.table
        let slot = table.slot(v)
        var folded: [UInt32] = []
        if slot >= 0 {
            let packed = table.slots[slot]
            let at = Int(packed >> 8)
            folded = Array(table.values[at..<(at + Int(packed & 0xFF))])
        } else if let scalar = Unicode.Scalar(v) {
            folded = MatchFolding.foldSlow(scalar)
        }
        for f in folded {
            let n = scalars.count
            scalars.append(f)
            origin.append(index)
            codes.append(UInt8(StemTrie.denseCode(f)))
            if CliticTermMatcher.isWord(f) {
                if wordStart < 0 { wordStart = n }
            } else if wordStart >= 0 {
                tokens.append(Token(lo: Int32(truncatingIfNeeded: wordStart), hi: Int32(truncatingIfNeeded: n)))
                wordStart = -1
            }
        }
        scalars.reserve(scalars.count + remaining + 1)
        origin.reserve(origin.count + remaining + 1)
        codes.reserve(codes.count + remaining + 1)
        tokens.reserve(tokens.count + remaining / 2 + 2)
    }

    /// The original range covered by folded scalars `lo..<hi`: as `NormalizedText.originalRange`,
    /// the end runs to the next kept scalar so trailing marks stay inside the span.
    func originalRange(_ lo: Int, _ hi: Int) -> Range<Int> {
        let n = scalars.count
        guard lo < hi, lo < n else {
            let at = lo < n ? Int(origin[lo]) : originals.count
            return at..<at
        }
        let lower = Int(origin[lo])
        let upper = hi < n ? Int(origin[hi]) : originals.count
        return lower..<max(upper, lower + 1)
    }
}
