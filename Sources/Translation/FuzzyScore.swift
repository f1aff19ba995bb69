/// How close two normalized sentences are, as CAT tools score fuzzy memory matches: 100 minus
/// the word-level edit distance as a percentage of the longer sentence.
public enum FuzzyScore {
    public static func percent(_ a: [Substring], _ b: [Substring]) -> Int {
        let longest = max(a.count, b.count)
        guard longest > 0 else { return 100 }
        let distance = editDistance(a, b)
        return Int((Double(longest - distance) * 100 / Double(longest)).rounded(.down))
    }

    static func editDistance(_ a: [Substring], _ b: [Substring]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
