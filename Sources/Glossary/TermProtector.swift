import BayanCore

/// Term protection for engines without glossary support: each term in the source becomes a
/// placeholder the engine copies through (`⟦T1⟧`), and the approved English replaces it in the
/// translation. Restoring is tolerant of what engines do to placeholders: spaces inside, other
/// brackets ([T1], (T1), «T1», [[T1]]), lower case, a hyphen (T-1), or the brackets dropped.
public enum TermProtector {
    public struct Protected: Sendable, Equatable {
        /// The source with placeholders.
        public var text: String
        /// Placeholder number → approved English (numbers start at 1).
        public var terms: [Int: String]

        public init(text: String, terms: [Int: String]) {
            self.text = text
            self.terms = terms
        }
    }

    public struct Restored: Sendable, Equatable {
        public var text: String
        /// Placeholder numbers the engine lost (their terms are not in the translation).
        public var missing: [Int]
    }

    public static func placeholder(_ number: Int) -> String { "⟦T\(number)⟧" }

    /// Replaces each match with a placeholder. The conjunction/preposition clitics stay in front
    /// (وب⟦T1⟧) so the engine still translates "and in"; one number per distinct English term.
    public static func protect(_ source: String, matches: [TermMatch]) -> Protected {
        protect(source, spans: matches.map { ($0.procliticEnd, $0.hit.end, $0.hit.en) })
    }

    /// The same with plain hits: the whole surface word is replaced, clitics included.
    public static func protect(_ source: String, hits: [TermHit]) -> Protected {
        protect(source, spans: hits.map { ($0.start, $0.end, $0.en) })
    }

    private static func protect(_ source: String, spans: [(Int, Int, String)]) -> Protected {
        let scalars = Array(source.unicodeScalars)
        var numbers: [String: Int] = [:]
        var terms: [Int: String] = [:]
        var out = String.UnicodeScalarView()
        var position = 0
        for (start, end, en) in spans.sorted(by: { $0.0 < $1.0 }) {
            guard start >= position, start <= end, end <= scalars.count else { continue }
            out.append(contentsOf: scalars[position..<start])
            let number: Int
            if let known = numbers[en] {
                number = known
            } else {
                number = numbers.count + 1
                numbers[en] = number
                terms[number] = en
            }
            out.append(contentsOf: placeholder(number).unicodeScalars)
            position = end
        }
        if position < scalars.count { out.append(contentsOf: scalars[position...]) }
        return Protected(text: String(out), terms: terms)
    }

    static let openers: Set<Unicode.Scalar> = ["⟦", "[", "(", "{", "<", "«", "【", "〚", "［", "\""]
    static let closers: Set<Unicode.Scalar> = ["⟧", "]", ")", "}", ">", "»", "】", "〛", "］", "\""]

    /// Puts the approved English back where the engine left the placeholders.
    public static func restore(_ translation: String, _ protected: Protected) -> Restored {
        let s = Array(translation.unicodeScalars)
        var out = String.UnicodeScalarView()
        var found: Set<Int> = []
        var i = 0
        var copied = 0
        while i < s.count {
            guard s[i] == "T" || s[i] == "t", i == 0 || !isLetterOrDigit(s[i - 1]) else {
                i += 1
                continue
            }
            // T, optional spaces / - / _, digits.
            var j = i + 1
            while j < s.count && (s[j] == " " || s[j] == "-" || s[j] == "_") { j += 1 }
            var digits = 0
            var value = 0
            while j < s.count, let d = asciiDigit(s[j]), digits < 4 {
                value = value * 10 + d
                digits += 1
                j += 1
            }
            guard digits > 0, j >= s.count || !isLetterOrDigit(s[j]), let en = protected.terms[value] else {
                i += 1
                continue
            }
            // Widen over spaces and brackets on both sides.
            var lo = i
            var opened = false
            while lo > copied {
                let c = s[lo - 1]
                if openers.contains(c) { opened = true; lo -= 1 } else if c == " " && lo - 1 > copied && openers.contains(s[lo - 2]) { lo -= 1 } else { break }
            }
            var hi = j
            var closed = false
            while hi < s.count {
                let c = s[hi]
                if closers.contains(c) { closed = true; hi += 1 } else if c == " " && hi + 1 < s.count && closers.contains(s[hi + 1]) { hi += 1 } else { break }
            }
            // Without any bracket, only an upper-case T counts (a lone "t1" is too likely to be text).
            guard opened || closed || s[i] == "T" else {
                i += 1
                continue
            }
            out.append(contentsOf: s[copied..<lo])
            // Engines sometimes glue a placeholder to the next word: keep words apart.
            if lo > 0 && isLetterOrDigit(s[lo - 1]) { out.append(" ") }
            out.append(contentsOf: en.unicodeScalars)
            if hi < s.count && isLetterOrDigit(s[hi]) { out.append(" ") }
            found.insert(value)
            copied = hi
            i = hi
        }
        out.append(contentsOf: s[copied...])
        let missing = protected.terms.keys.filter { !found.contains($0) }.sorted()
        return Restored(text: String(out), missing: missing)
    }

    private static func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    private static func asciiDigit(_ s: Unicode.Scalar) -> Int? {
        s.value >= 0x30 && s.value <= 0x39 ? Int(s.value - 0x30) : nil
    }
}
