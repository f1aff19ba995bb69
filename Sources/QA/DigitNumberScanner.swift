/// Finds numbers written with digits (any digit system, folded first): thousands grouping with
/// `,` (or ٬), decimals with `.` (or ٫), a following percent sign or word, and a following scale
/// word in either language.
struct DigitNumberScanner {
    static let englishScales: [String: Double] = [
        "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9,
        "trillion": 1e12, "bn": 1e9, "mn": 1e6, "mln": 1e6, "k": 1e3,
    ]
    /// Normalized (ArabicNormalizer.key) Arabic scale words.
    static let arabicScales: [String: Double] = [
        "الف": 1e3, "الاف": 1e3, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9, "بليون": 1e9,
        "ترليون": 1e12, "تريليون": 1e12,
    ]
    /// `masked` ranges (URLs, e-mail addresses) are skipped.
    static func scan(_ scalars: [Unicode.Scalar], masked: [Range<Int>] = []) -> [NumberMention] {
        var out: [NumberMention] = []
        var i = 0
        let n = scalars.count
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        while i < n {
            guard isDigit(i), !masked.contains(where: { $0.contains(i) }) else { i += 1; continue }
            let start = i
            var digits = ""
            while isDigit(i) { digits.unicodeScalars.append(scalars[i]); i += 1 }
            // Thousands groups: a comma followed by exactly three digits.
            while i < n, scalars[i] == ",", isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                for k in (i + 1)...(i + 3) { digits.unicodeScalars.append(scalars[k]) }
                i += 4
            }
            var decimals = ""
            if i < n, scalars[i] == ".", isDigit(i + 1) {
                var j = i + 1
                while isDigit(j) { decimals.unicodeScalars.append(scalars[j]); j += 1 }
                // "8.9.2024" is a date, not a decimal: leave the dots as separators.
                if j < n, scalars[j] == ".", isDigit(j + 1) { decimals = "" } else { i = j }
            }
            let value = Double(decimals.isEmpty ? digits : "\(digits).\(decimals)") ?? 0
            let text = TextScan.string(scalars[start..<i])
            let (percent, scale) = lookAhead(scalars, from: i)
            let afterColon = start > 0 && scalars[start - 1] == ":"
            if afterColon && value == 0 { continue }  // "10:00" → "10 a.m."
            out.append(NumberMention(value: value, scaled: scale.map { value * $0 }, percent: percent, text: text))
        }
        return out
    }

    /// Percent sign or word, and scale word, right after a number.
    private static func lookAhead(_ scalars: [Unicode.Scalar], from: Int) -> (Bool, Double?) {
        var i = from
        var percent = false
        var scale: Double? = nil
        for _ in 0..<2 {
            while i < scalars.count, scalars[i] == " " || scalars[i] == "-" { i += 1 }
            if i < scalars.count, scalars[i] == "%" { percent = true; i += 1; continue }
            var word = ""
            while i < scalars.count, scalars[i].properties.isAlphabetic {
                word.unicodeScalars.append(scalars[i]); i += 1
            }
            guard !word.isEmpty else { break }
            let key = ArabicKey.of(word)
            if key == "percent" || key == "pct" || key == "بالمئه" || key == "بالمائه" { percent = true; continue }
            if key == "per" || key == "في" {
                // "per cent" / "في المئة"
                var j = i
                while j < scalars.count, scalars[j] == " " { j += 1 }
                var next = ""
                while j < scalars.count, scalars[j].properties.isAlphabetic { next.unicodeScalars.append(scalars[j]); j += 1 }
                let nextKey = ArabicKey.of(next)
                if nextKey == "cent" || nextKey == "المئه" || nextKey == "المائه" { percent = true; i = j; continue }
                break
            }
            if let s = englishScales[key] ?? arabicScales[key] ?? arabicScales[ArabicKey.stripClitics(key)] {
                scale = s
                continue
            }
            break
        }
        return (percent, scale)
    }
}
