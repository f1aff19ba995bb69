import ArabicText

/// Content tokens for scoring: normalized, split on anything that is not a letter or digit,
/// stop words dropped, and a light stem (one proclitic, a few suffixes) so that «الجمارك»,
/// «والجمارك» and «للجمارك» count as one word. Scoring only: never shown.
enum SummaryTokenizer {
    static func tokens(_ text: String) -> [String] {
        let key = ArabicNormalizer.key(text)
        var out: [String] = []
        for word in key.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) {
            let w = String(word)
            if ArabicStopWords.words.contains(w) { continue }
            let stem = lightStem(w)
            if stem.count < 2 || ArabicStopWords.words.contains(stem) { continue }
            out.append(stem)
        }
        return out
    }

    static let prefixes = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف", "ك"]
    static let suffixes = ["ها", "ات", "ون", "ين", "ان", "يه", "ه", "ي"]

    static func lightStem(_ word: String) -> String {
        var w = word
        for p in prefixes where w.hasPrefix(p) && w.count - p.count >= 3 {
            w = String(w.dropFirst(p.count))
            break
        }
        for s in suffixes where w.hasSuffix(s) && w.count - s.count >= 3 {
            w = String(w.dropLast(s.count))
            break
        }
        return w
    }
}
