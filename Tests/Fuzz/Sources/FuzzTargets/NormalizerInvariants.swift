import ArabicText

/// What `ArabicNormalizer` promises: an offset map that stays in range and in order, folds that
/// leave none of the folded forms behind, and a key that is already normal.
public enum NormalizerInvariants {
    /// Scalars that must never survive normalization (tatweel, harakat, alef forms, ى, ة, A–Z).
    static let folded: Set<UInt32> = Set([0x0640, 0x0670, 0x0622, 0x0623, 0x0625, 0x0671, 0x0649, 0x0629, 0x06CC, 0x06A9])
        .union(0x064B...0x0652).union(0x41...0x5A).union(0x0660...0x0669)

    public static func check(_ text: String) {
        let n = ArabicNormalizer.normalize(text)
        let count = text.unicodeScalars.count
        FuzzCheck.require(n.originalCount == count, "originalCount \(n.originalCount) != \(count)")
        FuzzCheck.require(n.origin.count == n.scalars.count, "origin has \(n.origin.count) entries for \(n.scalars.count) scalars")
        var previous = 0
        for (i, o) in n.origin.enumerated() {
            FuzzCheck.require(o >= previous && o < count, "origin[\(i)] = \(o) (previous \(previous), count \(count))")
            previous = o
        }
        if let bad = n.scalars.first(where: { folded.contains($0.value) }) {
            FuzzCheck.fail("U+\(String(bad.value, radix: 16)) survived normalization")
        }
        // A few ranges, chosen from the length so that the run is deterministic.
        let m = n.scalars.count
        for (a, b) in [(0, m), (0, 0), (m / 3, m / 2), (m / 2, m), (m, m)] where a <= b {
            let r = n.originalRange(a..<b)
            FuzzCheck.require(r.lowerBound >= 0 && r.upperBound <= count, "originalRange(\(a)..<\(b)) = \(r) leaves 0...\(count)")
            FuzzCheck.require(a == b || !r.isEmpty, "originalRange(\(a)..<\(b)) is empty")
        }
        let key = n.string
        FuzzCheck.require(ArabicNormalizer.key(key) == key, "key is not idempotent: key(key(x)) != key(x)")
    }
}
