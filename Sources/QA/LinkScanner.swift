/// Finds URLs and e-mail addresses by scanning, with trailing sentence punctuation removed.
enum LinkScanner {
    struct Found: Equatable {
        var range: Range<Int>
        var text: String
    }

    private static let topLevel: Set<String> = [
        "com", "org", "net", "gov", "edu", "int", "ae", "sa", "qa", "kw", "om", "bh", "eg", "jo", "ma", "uk", "io",
        "info", "biz", "us", "eu", "fr", "de",
    ]

    static func emails(_ scalars: [Unicode.Scalar]) -> [Found] {
        var out: [Found] = []
        for (at, s) in scalars.enumerated() where s == "@" {
            var a = at
            while a > 0, isLocal(scalars[a - 1]) { a -= 1 }
            var b = at + 1
            while b < scalars.count, isHost(scalars[b]) { b += 1 }
            while b > at + 1, scalars[b - 1] == "." || scalars[b - 1] == "-" { b -= 1 }
            let host = TextScan.string(scalars[(at + 1)..<b])
            guard a < at, host.contains("."), host.split(separator: ".").last.map({ $0.count >= 2 }) == true else { continue }
            out.append(Found(range: a..<b, text: TextScan.string(scalars[a..<b])))
        }
        return out
    }

    static func urls(_ scalars: [Unicode.Scalar], excluding: [Range<Int>] = []) -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < scalars.count {
            guard isHost(scalars[i]), i == 0 || !isURLChar(scalars[i - 1]), !excluding.contains(where: { $0.contains(i) })
            else { i += 1; continue }
            var j = i
            while j < scalars.count, isURLChar(scalars[j]) { j += 1 }
            while j > i, ".,;:!?)]'\"".unicodeScalars.contains(scalars[j - 1]) { j -= 1 }
            // Every URL looksLikeURL accepts has a dot or a colon; plain words are skipped
            // before any string is built.
            guard scalars[i..<j].contains(where: { $0 == "." || $0 == ":" }) else { i = max(j, i + 1); continue }
            let candidate = TextScan.string(scalars[i..<j])
            if looksLikeURL(candidate) { out.append(Found(range: i..<j, text: candidate)) }
            i = max(j, i + 1)
        }
        return out
    }

    private static func looksLikeURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("www.") { return lower.count > 8 }
        if lower.contains("@") { return false }
        let host = lower.split(separator: "/", maxSplits: 1).first.map(String.init) ?? lower
        let labels = host.split(separator: ".")
        guard labels.count >= 2, let tld = labels.last, topLevel.contains(String(tld)) else { return false }
        return labels.dropLast().allSatisfy { label in label.unicodeScalars.contains { TextScan.isLatinLetter($0) } }
    }

    private static func isLocal(_ s: Unicode.Scalar) -> Bool {
        isASCIILetterOrDigit(s) || "._%+-".unicodeScalars.contains(s)
    }

    private static func isHost(_ s: Unicode.Scalar) -> Bool {
        isASCIILetterOrDigit(s) || s == "." || s == "-"
    }

    /// In ASCII, the alphabetic scalars are the letters and the numeric ones the digits.
    private static func isASCIILetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
    }

    private static func isURLChar(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && !s.properties.isWhitespace && s.value > 0x20 && !"<>\"{}|\\^`".unicodeScalars.contains(s)
    }
}
