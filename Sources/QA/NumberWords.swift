/// Numbers written as words: English (to accept "three" for ٣) and Arabic (to accept "3" in the
/// English for «ثلاثة»), plus month names on both sides (dates written with a month name).
enum NumberWords {
    static let english: [String: Double] = {
        var table: [String: Double] = [:]
        let units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        for (i, w) in units.enumerated() { table[w] = Double(i) }
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (i, w) in tens.enumerated() { table[w] = Double((i + 2) * 10) }
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
            "nineteenth"]
        for (i, w) in ordinals.enumerated() { table[w] = Double(i + 1) }
        let tenOrdinals = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
        for (i, w) in tenOrdinals.enumerated() { table[w] = Double((i + 2) * 10) }
        // "the eighties" for «الثمانينيات».
        let decades = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]
        for (i, w) in decades.enumerated() { table[w] = Double((i + 2) * 10) }
        table["hundred"] = 100; table["hundredth"] = 100
        table["thousand"] = 1e3; table["million"] = 1e6; table["billion"] = 1e9; table["trillion"] = 1e12
        table["dozen"] = 12; table["twice"] = 2; table["double"] = 2; table["once"] = 1
        table["half"] = 0.5; table["quarter"] = 0.25
        return table
    }()

    static let englishMonths: [String: Double] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "july": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// Normalized keys (ArabicNormalizer.key: أإآ→ا, ى→ي, ة→ه).
    static let arabic: [String: Double] = {
        var t: [String: Double] = [:]
        let forms: [(Double, [String])] = [
            (1, ["واحد", "واحده", "احد", "احدي", "اول", "اولي"]),
            (2, ["اثنان", "اثنين", "اثنا", "اثني", "اثنتان", "اثنتين", "ثاني", "ثانيه"]),
            (3, ["ثلاث", "ثلاثه", "ثالث", "ثالثه"]), (4, ["اربع", "اربعه", "رابع", "رابعه"]),
            (5, ["خمس", "خمسه", "خامس", "خامسه"]), (6, ["ست", "سته", "سادس", "سادسه"]),
            (7, ["سبع", "سبعه", "سابع", "سابعه"]), (8, ["ثمان", "ثماني", "ثمانيه", "ثامن", "ثامنه"]),
            (9, ["تسع", "تسعه", "تاسع", "تاسعه"]), (10, ["عشر", "عشره", "عاشر", "عاشره"]),
            (11, ["حادي", "حاديه"]),
            (20, ["عشرون", "عشرين"]), (30, ["ثلاثون", "ثلاثين"]), (40, ["اربعون", "اربعين"]),
            (50, ["خمسون", "خمسين"]), (60, ["ستون", "ستين"]), (70, ["سبعون", "سبعين"]),
            (80, ["ثمانون", "ثمانين"]), (90, ["تسعون", "تسعين"]),
            (100, ["مائه", "مئه", "مئات"]), (200, ["مائتان", "مائتين", "مئتان", "مئتين", "مائتي", "مئتي"]),
            (1e3, ["الف", "الاف"]), (2e3, ["الفان", "الفين", "الفي"]), (1e6, ["مليون", "ملايين"]),
            (2e6, ["مليونان", "مليونين", "مليوني"]), (1e9, ["مليار", "مليارات", "بليون"]), (2e9, ["ملياران", "مليارين", "ملياري"]),
            (0.5, ["نصف"]), (0.25, ["ربع"]), (2, ["ضعف", "ضعفين"]),
        ]
        for (value, words) in forms { for w in words { t[w] = value } }
        // "the eleventh" is الحادي عشر: الحادي alone counts as 1 when composed with عشر.
        t["حادي"] = 1; t["حاديه"] = 1
        let hundredsStems = ["ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع"]
        for (i, stem) in hundredsStems.enumerated() {
            t[stem + "مائه"] = Double((i + 3) * 100)
            t[stem + "مئه"] = Double((i + 3) * 100)
        }
        return t
    }()

    static let arabicMonths: [String: Double] = [
        "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7,
        "اغسطس": 8, "سبتمبر": 9, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
        "كانون": 1, "شباط": 2, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7, "اب": 8, "ايلول": 9,
        "تشرين": 10,
    ]

    /// Values named by words in `tokens`: each word's value and the value of each run of number
    /// words ("خمسة وعشرون" → 25, "three hundred" → 300, "ثلاثة آلاف" → 3000).
    static func values(tokens: [String], lexicon: [String: Double], variants: (String) -> [String]) -> [Double] {
        values(tokens: tokens, forms: tokens.map(variants), lexicon: lexicon)
    }

    /// `values` with each token's lexicon keys already found (`forms[i]` for `tokens[i]`).
    static func values(tokens: [String], forms: [[String]], lexicon: [String: Double]) -> [Double] {
        var out: [Double] = []
        var total = 0.0, current = 0.0, inRun = false
        func close() {
            if inRun { out.append(total + current) }
            total = 0; current = 0; inRun = false
        }
        var previous: Double? = nil
        for (token, keys) in zip(tokens, forms) {
            if token == "and" || token == "و" { previous = nil; continue }
            guard let value = keys.lazy.compactMap({ lexicon[$0] }).first else { close(); previous = nil; continue }
            out.append(value)
            // «الثانية عشرة», «أحد عشر»: a unit right before «عشر» is a teen (12, 11), whatever
            // the run it sits in («بين التاسعة والثانية عشرة» is 9 and 12).
            if value == 10, let unit = previous, unit >= 1, unit <= 9, !token.hasPrefix("و"), out.count >= 2 {
                // Not also the unit and ten alone: «الثانية عشرة» does not say 2.
                out.removeLast(2)
                out.append(unit + 10)
            }
            previous = value
            inRun = true
            if value >= 1000 {
                let unit = value == 2e3 || value == 2e6 || value == 2e9 ? value / 2 : value
                let factor = value == unit ? 1.0 : 2.0
                total += (current > 0 ? current : 1) * unit * factor
                current = 0
            } else if value == 100 && current > 0 && current < 10 {
                current *= 100
            } else {
                current += value
            }
        }
        close()
        return out
    }
}
