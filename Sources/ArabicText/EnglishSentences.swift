/// Where English sentences end, for carrying a sentence's bold or italic from the Arabic: after
/// «.», «!» or «?» (and closing quotes or brackets), white space, then a capital letter, a digit
/// or an opening quote. Each piece keeps the white space that follows it, so the pieces joined
/// are the text. Abbreviations are not handled: a wrong count makes the caller use none.
enum EnglishSentences {
    static func split(_ text: String) -> [String] {
        let s = Array(text.unicodeScalars)
        var out: [String] = []
        var start = 0
        var k = 0
        while k < s.count {
            if s[k] == "." || s[k] == "!" || s[k] == "?" {
                var end = k + 1
                while end < s.count, "\"'”’)]»".unicodeScalars.contains(s[end]) { end += 1 }
                var next = end
                while next < s.count, s[next] == " " || s[next] == "\t" || s[next] == "\n" { next += 1 }
                if next > end, next < s.count,
                    s[next].properties.isUppercase || s[next].properties.numericType != nil || "\"'“‘«(".unicodeScalars.contains(s[next])
                {
                    out.append(String(String.UnicodeScalarView(s[start..<next])))
                    start = next
                    k = next
                    continue
                }
            }
            k += 1
        }
        if start < s.count { out.append(String(String.UnicodeScalarView(s[start...]))) }
        return out
    }
}
