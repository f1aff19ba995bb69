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

    /// The original range covered by folded scalars `lo..<hi`: as `NormalizedText.originalRange`,
    /// the end runs to the next kept scalar so trailing marks stay inside the span.
    func originalRange(_ lo: Int, _ hi: Int) -> Range<Int> {
        guard lo < hi, lo < origin.count else {
            let at = lo < origin.count ? Int(origin[lo]) : originalCount
            return at..<at
        }
        let lower = Int(origin[lo])
        let upper = hi < origin.count ? Int(origin[hi]) : originalCount
        return lower..<max(upper, lower + 1)
    }
}

enum MatchFolding {
    static let ranges: [(lo: UInt32, hi: UInt32)] = [(0x0000, 0x0800), (0x2000, 0x2070), (0xFB50, 0xFF00)]

    /// Per table scalar: offset << 8 | count into `values`.
    struct Table: Sendable {
        var slots: [UInt32]
        var values: [UInt32]
        var bases: [Int]
    }

    static let table: Table = {
        var slots: [UInt32] = []
        var values: [UInt32] = []
        var bases: [Int] = []
        for r in ranges {
            bases.append(slots.count)
            for v in r.lo..<r.hi {
                let folded = Unicode.Scalar(v).map { foldSlow($0) } ?? []
                slots.append(UInt32(values.count) << 8 | UInt32(folded.count))
                values += folded
            }
        }
        return Table(slots: slots, values: values, bases: bases)
    }()

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

    static func fold(_ text: String) -> FoldedText {
        var copy = text
        // Fast path over the UTF-8 bytes into buffers sized by the byte count (a scalar takes at
        // least one byte); a presentation form that expands past that falls back to `foldSlowly`.
        let fast: FoldedText? = copy.withUTF8 { bytes in
            let capacity = max(1, bytes.count)
            let t = table
            var index = 0
            var n = 0
            var ok = true
            // Written straight into the result arrays (capacity = byte count), so no copies; the
            // elements are trivial, so assigning into the uninitialized tail is allowed.
            var origin: [Int32] = []
            var source: [UInt32] = []
            let scalars = [UInt32](unsafeUninitializedCapacity: capacity) { sOut, sCount in
                origin = [Int32](unsafeUninitializedCapacity: capacity) { oOut, oCount in
                    source = [UInt32](unsafeUninitializedCapacity: capacity) { srcOut, srcCount in
                        ok = t.slots.withUnsafeBufferPointer { slots in
                            t.values.withUnsafeBufferPointer { values in
                                var i = 0
                                while i < bytes.count {
                                    let b0 = UInt32(bytes[i])
                                    var v: UInt32
                                    if b0 < 0x80 {
                                        v = b0
                                        i += 1
                                    } else if b0 < 0xE0, i + 1 < bytes.count {
                                        v = (b0 & 0x1F) << 6 | (UInt32(bytes[i + 1]) & 0x3F)
                                        i += 2
                                    } else if b0 < 0xF0, i + 2 < bytes.count {
                                        v = (b0 & 0x0F) << 12 | (UInt32(bytes[i + 1]) & 0x3F) << 6 | (UInt32(bytes[i + 2]) & 0x3F)
                                        i += 3
                                    } else if i + 3 < bytes.count {
                                        v = (b0 & 0x07) << 18 | (UInt32(bytes[i + 1]) & 0x3F) << 12
                                            | (UInt32(bytes[i + 2]) & 0x3F) << 6 | (UInt32(bytes[i + 3]) & 0x3F)
                                        i += 4
                                    } else {
                                        return false
                                    }
                                    var slot = -1
                                    if v < 0x0800 {
                                        slot = Int(v)
                                    } else if v >= 0x2000 && v < 0x2070 {
                                        slot = t.bases[1] + Int(v - 0x2000)
                                    } else if v >= 0xFB50 && v < 0xFF00 {
                                        slot = t.bases[2] + Int(v - 0xFB50)
                                    }
                                    if slot >= 0 {
                                        let packed = slots[slot]
                                        let count = Int(packed & 0xFF)
                                        let start = Int(packed >> 8)
                                        if n + count > capacity { return false }
                                        for k in 0..<count {
                                            sOut[n] = values[start + k]
                                            oOut[n] = Int32(index)
                                            srcOut[n] = v
                                            n += 1
                                        }
                                    } else {
                                        guard let scalar = Unicode.Scalar(v) else { return false }
                                        let folded = foldSlow(scalar)
                                        if n + folded.count > capacity { return false }
                                        for f in folded {
                                            sOut[n] = f
                                            oOut[n] = Int32(index)
                                            srcOut[n] = v
                                            n += 1
                                        }
                                    }
                                    index += 1
                                }
                                return true
                            }
                        }
                        srcCount = n
                    }
                    oCount = n
                }
                sCount = n
            }
            guard ok else { return nil }
            return FoldedText(scalars: scalars, origin: origin, source: source, originalCount: index)
        }
        return fast ?? foldSlowly(text)
    }

    /// The scalar-by-scalar fold, for texts whose folded form is longer than their UTF-8.
    static func foldSlowly(_ text: String) -> FoldedText {
        var scalars: [UInt32] = [], origin: [Int32] = [], source: [UInt32] = []
        var index: Int32 = 0
        for s in text.unicodeScalars {
            for f in foldOne(s) {
                scalars.append(f)
                origin.append(index)
                source.append(s.value)
            }
            index += 1
        }
        return FoldedText(scalars: scalars, origin: origin, source: source, originalCount: Int(index))
    }

    static func foldOne(_ s: Unicode.Scalar) -> [UInt32] {
        let v = s.value
        let t = table
        var slot = -1
        if v < 0x0800 {
            slot = Int(v)
        } else if v >= 0x2000 && v < 0x2070 {
            slot = t.bases[1] + Int(v - 0x2000)
        } else if v >= 0xFB50 && v < 0xFF00 {
            slot = t.bases[2] + Int(v - 0xFB50)
        }
        guard slot >= 0 else { return foldSlow(s) }
        let packed = t.slots[slot]
        let start = Int(packed >> 8)
        return Array(t.values[start..<(start + Int(packed & 0xFF))])
    }
}
