import ArabicText
import Foundation

/// Text folded for matching, with offsets back to the original.
///
/// The fold is `ArabicNormalizer`'s, scalar by scalar, read from a table that is filled by
/// calling `ArabicNormalizer.key` on each scalar of the ranges Arabic text uses (so the two can
/// never disagree there; a test compares them on mixed text), plus the hamza-seat fold of the
/// matcher. Scalars outside the table go through `ArabicNormalizer.key` one by one.
struct FoldedText {
    /// Folded scalar values.
    var scalars: [UInt32]
    /// `origin[i]`: the original scalar offset of folded scalar `i`.
    var origin: [Int32]
    /// `source[i]`: the original scalar value that folded scalar `i` came from.
    var source: [UInt32]
    var originalCount: Int
}

enum MatchFolding {
    static let ranges: [(lo: UInt32, hi: UInt32)] = [(0x0000, 0x0800), (0x2000, 0x2070), (0xFB50, 0xFF00)]

    /// The fold of every scalar in `ranges`, in plain buffers built once (read on every scalar of
    /// every scan, so no array bounds or reference counting in the way).
    final class Table: @unchecked Sendable {
        /// Per table scalar: offset << 8 | count into `values`.
        let slots: UnsafeMutableBufferPointer<UInt32>
        let values: UnsafeMutableBufferPointer<UInt32>
        /// Per scalar below U+0800 (Arabic and ASCII: what a scan's common path reads; the rest
        /// goes through `slots`), the common cases in one word: `single` | `word` | the dense letter
        /// code (`StemTrie.denseCode`) << 21 | the folded value when it folds to exactly one
        /// scalar, `dropped` when it folds to none (marks, tatweel), 0 when it needs
        /// `slots`/`values`.
        let quick: UnsafeMutableBufferPointer<UInt32>
        static let single: UInt32 = 1 << 31, word: UInt32 = 1 << 30, dropped: UInt32 = 1 << 29
        let second: Int, third: Int

        init() {
            var slots: [UInt32] = []
            var values: [UInt32] = []
            var bases: [Int] = []
            for r in MatchFolding.ranges {
                bases.append(slots.count)
                for v in r.lo..<r.hi {
                    let folded = Unicode.Scalar(v).map { MatchFolding.foldSlow($0) } ?? []
                    slots.append(UInt32(values.count) << 8 | UInt32(folded.count))
                    values += folded
                }
            }
            self.slots = .allocate(capacity: slots.count)
            _ = self.slots.initialize(from: slots)
            self.values = .allocate(capacity: max(1, values.count))
            _ = self.values.initialize(from: values + (values.isEmpty ? [0] : []))
            self.quick = .allocate(capacity: 0x0800)
            for (i, packed) in slots.prefix(0x0800).enumerated() {
                let count = packed & 0xFF, at = Int(packed >> 8)
                if count == 0 {
                    quick[i] = Table.dropped
                } else if count == 1 {
                    quick[i] = Table.single | (CliticTermMatcher.isWord(values[at]) ? Table.word : 0)
                        | UInt32(StemTrie.denseCode(values[at])) << 21 | values[at]
                } else {
                    quick[i] = 0
                }
            }
            second = bases[1]
            third = bases[2]
        }

        /// The slot of scalar `v`, or -1 when it lies outside the table.
        @inline(__always)
        func slot(_ v: UInt32) -> Int {
            if v < 0x0800 { return Int(v) }
            if v >= 0x2000 && v < 0x2070 { return second + Int(v - 0x2000) }
            if v >= 0xFB50 && v < 0xFF00 { return third + Int(v - 0xFB50) }
            return -1
        }
    }

    static let table = Table()

    static func foldSlow(_ s: Unicode.Scalar) -> [UInt32] {
        if isPresentationForm(s.value) {
            // ArabicNormalizer recurses without end on a presentation-range scalar whose NFKC
            // stays in the range (﴾ ﴿ U+FD3E/F, the symbol dots U+FBB2–FBC1…): keep those as they are.
            let nfkc = String(s).precomposedStringWithCompatibilityMapping
            if nfkc.unicodeScalars.contains(where: { isPresentationForm($0.value) }) { return [s.value] }
        }
        return ArabicNormalizer.key(String(s)).unicodeScalars.map { CliticTermMatcher.fold($0.value) }
    }

    static func isPresentationForm(_ v: UInt32) -> Bool {
        (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFC).contains(v)
    }

    /// The fold as arrays (for glossary terms and tests); scans use `MatchScratch.load` directly.
    static func fold(_ text: String) -> FoldedText {
        var scratch = MatchScratch()
        defer { scratch.free() }
        scratch.load(text)
        let n = scratch.scalars.count
        let scalars = Array(UnsafeBufferPointer(start: scratch.scalars.base, count: n))
        let origin = Array(UnsafeBufferPointer(start: scratch.origin.base, count: n))
        let source = origin.map { scratch.originals[Int($0)] }
        return FoldedText(scalars: scalars, origin: origin, source: source, originalCount: scratch.originals.count)
    }
}
