import ArabicText
import Foundation

/// Quantities Arabic says with words that the English writes in digits, beyond the plain number
/// words of `NumberWords`: duals («يومين» "2 days"), "and a half/quarter/third" («ساعة ونصف»
/// "1.5 hours", «ثلاث ساعات وربع» "3.25 hours"), decades («الثمانينيات» "the 1980s" / "the 80s")
/// and decades of a named century («تسعينيات القرن التاسع عشر» "the 1890s").
///
/// These only widen what the English may say (the values an English number is looked for in);
/// they never add numbers the English must contain.
enum ArabicNumberPhrases {
    /// Nouns counted in news whose dual («يومان/يومين», «ساعتان/ساعتين») means two; normalized keys
    /// (ة → ه). Feminine nouns are found by rule as well (…تان/…تين).
    static let countedNouns: Set<String> = [
        "يوم", "شهر", "عام", "سنه", "اسبوع", "ساعه", "دقيقه", "ثانيه", "قرن", "عقد", "مره", "ضعف", "فصل", "موسم",
        "جزء", "طرف", "بلد", "دوله", "شخص", "رجل", "امراه", "طفل", "ولد", "بنت", "كتاب", "مركز", "ميناء", "مطار",
        "منفذ", "مكتب", "فريق", "شحنه", "حاويه", "سياره", "طائره", "سفينه", "مليون", "مليار", "الف", "متر", "كيلو",
        "كيلومتر", "كيلوغرام", "طن", "لتر", "درهم", "دولار", "ريال", "دينار", "جنيه", "نقطه", "مرحله", "جولة", "دوره",
        "مادة", "ماده", "بند", "قرار", "اتفاقيه", "مذكره", "لغه", "كلمه", "صفحه", "عين", "يد", "رجل", "اخ", "اخت", "ابن",
    ]

    /// Fractions joined with «و» after a quantity.
    static let fractions: [String: Double] = ["نصف": 0.5, "نص": 0.5, "ربع": 0.25, "ثلث": 1.0 / 3]

    private enum Token {
        case word(String)  // normalized key
        case number(Double)
    }

    static func values(_ text: String) -> [Double] { analyze(text).values }

    /// The values, and the sums a written number is part of («4 ساعات وربع»: 4 → 4.25), so that
    /// the Arabic «4» counts as present when the English says 4.25.
    static func analyze(_ text: String) -> (values: [Double], sums: [(part: Double, total: Double)]) {
        let tokens = tokenize(TextScan.foldDigits(text))
        var out: [Double] = []
        var sums: [(part: Double, total: Double)] = []
        var decades: [Double] = []
        var centuries: [Double] = []
        for (k, token) in tokens.enumerated() {
            guard case .word(let key) = token else { continue }
            let forms = ArabicKey.variants(ofKey: key)
            if let decade = forms.lazy.compactMap(decade).first { decades.append(decade) }
            if forms.contains(where: isDual) { out.append(2) }
            if let (fraction, minutes) = joinedFraction(k, tokens), k > 0 {
                // «ساعة ونصف» 1.5, «ساعتين ونصف» 2.5, «3 ساعات ونصف» 3.5; a clock time «السادسة
                // والنصف» is 6:30, compared as 6.30 (as DigitNumberScanner reads "6:30").
                if let base = quantity(before: k, tokens) {
                    out += [base + fraction, base + minutes / 100]
                    sums += [(base, base + fraction), (base, base + minutes / 100)]
                }
            }
            if let time = clockMinutes(k, tokens) { out.append(time) }
            if forms.contains("قرن"), let c = quantity(after: k, tokens) { centuries.append(c) }
        }
        // A century named in digits («القرن الـ19») or any number 15–21 next to a decade.
        if !decades.isEmpty {
            for case .number(let v) in tokens where v >= 15 && v <= 21 && v == v.rounded() { centuries.append(v) }
        }
        for d in decades {
            out += [d, 1900 + d, 2000 + d]
            out += centuries.map { ($0 - 1) * 100 + d }
        }
        return (out, sums)
    }

    /// «الثمانينيات» / «الثمانينات» → 80: a tens word (…ين) with the plural …يات or …ات.
    static func decade(_ key: String) -> Double? {
        for suffix in ["يات", "ات"] where KeyText.ends(key, with: suffix) {
            let base = KeyText.dropLast(key, KeyText.length(suffix))
            if KeyText.ends(base, with: "ين"), let v = NumberWords.arabic[base], v >= 20, v <= 90, v.truncatingRemainder(dividingBy: 10) == 0 {
                return v
            }
        }
        return nil
    }

    /// A dual: a counted noun + ان/ين («يومين»), or a feminine noun whose ة became ت + ان/ين
    /// («ساعتين», «شحنتان»). Country names in …ستان are not duals.
    static func isDual(_ key: String) -> Bool {
        guard KeyText.length(key) >= 4, KeyText.ends(key, with: "ين") || KeyText.ends(key, with: "ان"), NumberWords.arabic[key] == nil else { return false }
        let stem = KeyText.dropLast(key, 2)
        if countedNouns.contains(stem) { return true }
        guard KeyText.ends(stem, with: "ت"), KeyText.length(stem) >= 3, !KeyText.ends(key, with: "ستان") else { return false }
        return countedNouns.contains(KeyText.dropLast(stem, 1) + "ه") || KeyText.length(stem) >= 4
    }

    /// «ونصف», «والنصف», «و النصف» (and ربع, ثلث) at token k: the fraction and its minutes.
    private static func joinedFraction(_ k: Int, _ tokens: [Token]) -> (Double, Double)? {
        guard case .word(let key) = tokens[k] else { return nil }
        var rest = key
        if KeyText.starts(key, with: "و") {
            rest = KeyText.dropFirst(key, 1)
        } else if k > 0, case .word("و") = tokens[k - 1] {
            rest = key
        } else {
            return nil
        }
        if KeyText.starts(rest, with: "ال"), KeyText.length(rest) > 3 { rest = KeyText.dropFirst(rest, 2) }
        guard let fraction = fractions[rest] else { return nil }
        return (fraction, (fraction * 60).rounded())
    }

    /// «الثالثة وعشرون دقيقة» / «الثالثة و20 دقيقة»: an hour word, «و», minutes and the word
    /// for minutes, compared as 3.20 (a clock time "3:20").
    private static func clockMinutes(_ k: Int, _ tokens: [Token]) -> Double? {
        guard k >= 2, case .word(let unit) = tokens[k], ["دقيقه", "دقائق", "دقيقا"].contains(KeyText.starts(unit, with: "ال") ? KeyText.dropFirst(unit, 2) : unit) else { return nil }
        var minutes: Double?
        var j = k - 1
        switch tokens[j] {
        case .number(let v): minutes = v
        case .word(let key):
            minutes = ArabicKey.variants(ofKey: key).lazy.compactMap { NumberWords.arabic[$0] }.first
        }
        guard let m = minutes, m < 60 else { return nil }
        // The «و» joined to the minutes word, or standing alone before it.
        if case .word(let key) = tokens[j], KeyText.starts(key, with: "و") {} else {
            j -= 1
            guard j >= 0, case .word("و") = tokens[j] else { return nil }
        }
        guard j >= 1, case .word(let hourWord) = tokens[j - 1],
            let hour = ArabicKey.variants(ofKey: hourWord).lazy.compactMap({ NumberWords.arabic[$0] }).first, hour >= 1, hour <= 12
        else { return nil }
        return hour + m / 100
    }

    /// The quantity just before token `k` (within two tokens): a number, a number word, a dual (2)
    /// or a counted noun alone (1: «ساعة ونصف»).
    private static func quantity(before k: Int, _ tokens: [Token]) -> Double? {
        for j in stride(from: k - 1, through: max(0, k - 2), by: -1) {
            switch tokens[j] {
            case .number(let v): return v
            case .word(let key):
                let forms = ArabicKey.variants(ofKey: key)
                if let v = forms.lazy.compactMap({ NumberWords.arabic[$0] }).first, v < 1000 { return v }
                if forms.contains(where: isDual) { return 2 }
                if j == k - 1, forms.contains(where: { countedNouns.contains($0) }) {
                    // «ثلاث ساعات ونصف»: the number comes before the noun.
                    if j > 0, case .word(let prev) = tokens[j - 1],
                        let v = ArabicKey.variants(ofKey: prev).lazy.compactMap({ NumberWords.arabic[$0] }).first { return v }
                    if j > 0, case .number(let v) = tokens[j - 1] { return v }
                    return 1
                }
                if j == k - 1, forms.contains(where: { KeyText.ends($0, with: "ات") }) { continue }  // «ساعات» after a number
            }
        }
        return nil
    }

    /// The number right after token `k`: digits, or a run of number words («التاسع عشر» 19).
    private static func quantity(after k: Int, _ tokens: [Token]) -> Double? {
        var total = 0.0
        var j = k + 1
        while j < tokens.count, j <= k + 3 {
            switch tokens[j] {
            case .number(let v): return total == 0 ? v : nil
            case .word(let key):
                guard let v = ArabicKey.variants(ofKey: key).lazy.compactMap({ NumberWords.arabic[$0] }).first, v < 100 else {
                    return total > 0 ? total : nil
                }
                total += v
            }
            j += 1
        }
        return total > 0 ? total : nil
    }

    private static func tokenize(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        let n = scalars.count
        func isDigit(_ k: Int) -> Bool { k < n && scalars[k].value >= 0x30 && scalars[k].value <= 0x39 }
        while i < n {
            if isDigit(i) {
                var j = i
                while isDigit(j) || (j < n && (scalars[j] == "." || scalars[j] == ",") && isDigit(j + 1)) { j += 1 }
                let digits = TextScan.string(scalars[i..<j]).replacingOccurrences(of: ",", with: "")
                tokens.append(.number(Double(digits) ?? 0))
                i = j
            } else if scalars[i].properties.isAlphabetic {
                var j = i
                while j < n, scalars[j].properties.isAlphabetic || scalars[j].properties.generalCategory == .nonspacingMark { j += 1 }
                tokens.append(.word(ArabicNormalizer.key(scalars: scalars[i..<j])))
                i = j
            } else {
                i += 1
            }
        }
        return tokens
    }
}
