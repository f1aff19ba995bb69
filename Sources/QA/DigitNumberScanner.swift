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
    /// `masked` ranges (URLs, e-mail addresses) are skipped. `decimalComma`: a comma followed by
    /// one or two digits is a decimal point («2,5 مليار» is 2.5 billion), as much Arabic news
    /// writes it; a comma before three digits stays a thousands separator.
    static func scan(_ scalars: [Unicode.Scalar], masked: [Range<Int>] = [], decimalComma: Bool = false) -> [NumberMention] {
        var out: [NumberMention] = []
        var i = 0
        let n = scalars.count
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < n && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        while i < n {
            guard isDigit(i), !masked.contains(where: { $0.contains(i) }) else { i += 1; continue }
            let start = i
            var digits = ""
            while isDigit(i) { digits.unicodeScalars.append(scalars[i]); i += 1 }
            if let time = clockTime(scalars, start: start, hourEnd: i, isDigit: isDigit) {
                out.append(time)
                i += 3
                continue
            }
            // Thousands groups: a comma followed by exactly three digits.
            while i < n, scalars[i] == ",", isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), !isDigit(i + 4) {
                for k in (i + 1)...(i + 3) { digits.unicodeScalars.append(scalars[k]) }
                i += 4
            }
            var decimals = ""
            if decimalComma, let end = decimalCommaEnd(scalars, comma: i, isDigit: isDigit) {
                for k in (i + 1)..<end { decimals.unicodeScalars.append(scalars[k]) }
                i = end
            } else if i < n, scalars[i] == ".", isDigit(i + 1) {
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

    /// The end of "," + one or two digits read as a decimal part: "2,5" and "2,75", but not a
    /// list "1,2,3" nor a thousands group (three digits, taken before this is asked).
    private static func decimalCommaEnd(_ scalars: [Unicode.Scalar], comma: Int, isDigit: (Int) -> Bool) -> Int? {
        guard comma < scalars.count, scalars[comma] == ",", isDigit(comma + 1) else { return nil }
        var end = comma + 1
        while isDigit(end) { end += 1 }
        guard end - comma - 1 <= 2 else { return nil }
        if end < scalars.count, scalars[end] == "," || scalars[end] == ".", isDigit(end + 1) { return nil }
        if comma >= 2, isDigit(comma - 1), scalars[comma - 2] == "," { return nil }
        return end
    }

    /// A clock time "H:MM" (hour up to 24, two-digit minutes), read as H.MM so that the English
    /// "10.30" or "9.30am" matches «10:30» and "10 a.m." matches «10:00»; a 24-hour time also
    /// matches its 12-hour reading ("15:30" → "3.30 pm") and a 12-hour one its 24-hour reading.
    private static func clockTime(_ scalars: [Unicode.Scalar], start: Int, hourEnd: Int, isDigit: (Int) -> Bool) -> NumberMention? {
        guard hourEnd - start <= 2, hourEnd < scalars.count, scalars[hourEnd] == ":", isDigit(hourEnd + 1), isDigit(hourEnd + 2),
            !isDigit(hourEnd + 3), start == 0 || (scalars[start - 1] != ":" && scalars[start - 1] != "."),
            let hour = Int(TextScan.string(scalars[start..<hourEnd])),
            let minute = Int(TextScan.string(scalars[(hourEnd + 1)...(hourEnd + 2)])), hour <= 24, minute <= 59
        else { return nil }
        // "10:30:15" or "3:45:2" is not a clock time of this shape.
        if hourEnd + 3 < scalars.count, scalars[hourEnd + 3] == ":", isDigit(hourEnd + 4) { return nil }
        let fraction = Double(minute) / 100
        let other = hour > 12 ? hour - 12 : (hour < 12 ? hour + 12 : 0)
        return NumberMention(value: Double(hour) + fraction, scaled: nil, percent: false,
            text: TextScan.string(scalars[start..<(hourEnd + 3)]), alternatives: [Double(other) + fraction])
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
