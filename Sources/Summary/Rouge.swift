import ArabicText

/// ROUGE-N by clipped n-gram overlap against one reference (Lin, 2004), on Arabic word tokens:
/// ArabicNormalizer.key (harakat and tatweel dropped, alef/yeh/teh marbuta folded, digits to
/// ASCII), split at every character that is not a letter or a digit, no stemming, no stop
/// words. The benchmark (bayan-bench summary, Benchmarks/summary/compare.py) and the tests
/// score with these same rules.
public enum Rouge {
    public static func tokens(_ text: String) -> [String] {
        ArabicNormalizer.key(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    public static func score(system: [String], reference: [String], n: Int) -> (recall: Double, precision: Double, f: Double) {
        func grams(_ t: [String]) -> [String: Int] {
            var out: [String: Int] = [:]
            guard t.count >= n else { return out }
            for i in 0...(t.count - n) { out[t[i..<(i + n)].joined(separator: " "), default: 0] += 1 }
            return out
        }
        let s = grams(system), r = grams(reference)
        let overlap = r.reduce(0) { $0 + min($1.value, s[$1.key] ?? 0) }
        let rTotal = r.values.reduce(0, +), sTotal = s.values.reduce(0, +)
        let recall = rTotal > 0 ? Double(overlap) / Double(rTotal) : 0
        let precision = sTotal > 0 ? Double(overlap) / Double(sTotal) : 0
        let f = recall + precision > 0 ? 2 * recall * precision / (recall + precision) : 0
        return (recall, precision, f)
    }
}
