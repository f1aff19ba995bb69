/// Finds an English term in a translation, tolerant of case, plural and possessive forms,
/// hyphen and space variants (e-commerce / e commerce / ecommerce). Spelling is not folded
/// (Organisation ≠ Organization): glossaries name the spelling each body uses and may `avoid` the other.
struct EnglishTermFinder: Sendable {
    /// Words that end in s without being plurals of a shorter word: never accept them without it.
    static let noSingular: Set<String> = [
        "customs", "goods", "arms", "means", "news", "headquarters", "affairs", "series", "species",
        "premises", "proceeds", "earnings", "savings", "thanks", "sales", "logistics", "statistics",
        "economics", "politics", "ethics", "emirates", "nations", "states", "services",
    ]

    /// Lower-cased words of `text`; apostrophes and the possessive 's are dropped.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        let scalars = Array(text.lowercased().unicodeScalars)
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                current.unicodeScalars.append(s)
            } else if s == "'" || s == "\u{2019}" {
                // Possessive: Dubai Customs' / Dubai's; the apostrophe itself never splits a word.
                if i + 1 < scalars.count && scalars[i + 1] == "s"
                    && (i + 2 >= scalars.count || !scalars[i + 2].properties.isAlphabetic) {
                    i += 1
                }
            } else if !current.isEmpty {
                out.append(current)
                current = ""
            }
            i += 1
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Whether text word `x` renders term word `y`; `head` allows the singular of a plural term.
    static func same(_ x: String, _ y: String, head: Bool) -> Bool {
        if x == y { return true }
        if plurals(of: y).contains(x) { return true }
        if head && !noSingular.contains(y) && plurals(of: x).contains(y) { return true }
        return false
    }

    static func plurals(of y: String) -> [String] {
        var out = [y + "s", y + "es"]
        if y.hasSuffix("y") && y.count > 2 { out.append(String(y.dropLast()) + "ies") }
        return out
    }

    /// Word ranges in `text` where `term` occurs.
    static func occurrences(of term: [String], in text: [String]) -> [Range<Int>] {
        guard !term.isEmpty else { return [] }
        var out: [Range<Int>] = []
        for j in text.indices {
            if let end = match(term, 0, text, j) { out.append(j..<end) }
        }
        return out
    }

    /// The end of a match of `term[i...]` starting at text word `j`, or nil.
    private static func match(_ term: [String], _ i: Int, _ text: [String], _ j: Int) -> Int? {
        if i == term.count { return j }
        if j == text.count { return nil }
        let last = term.count - 1
        if same(text[j], term[i], head: i == last), let end = match(term, i + 1, text, j + 1) { return end }
        // Several term words written as one (e-commerce → ecommerce).
        var k = 2
        while k <= 3 && i + k <= term.count {
            let joined = term[i..<(i + k)].joined()
            if same(text[j], joined, head: i + k - 1 == last), let end = match(term, i + k, text, j + 1) { return end }
            k += 1
        }
        // One term word written as several (ecommerce → e-commerce).
        k = 2
        while k <= 3 && j + k <= text.count {
            let joined = text[j..<(j + k)].joined()
            if same(joined, term[i], head: i == last), let end = match(term, i + 1, text, j + k) { return end }
            k += 1
        }
        return nil
    }
}
