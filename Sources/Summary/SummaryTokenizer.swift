import ArabicText

/// Content tokens for scoring: normalized, split on anything that is not a letter or digit,
/// stop words dropped, and a light stem (one proclitic, a few suffixes) so that «الجمارك»,
/// «والجمارك» and «للجمارك» count as one word. Scoring only: never shown.
enum SummaryTokenizer {
    static func tokens(_ text: String) -> [String] {
        let key = ArabicNormalizer.key(text)
        var out: [String] = []
        for w in KeyText.words(key) {
            if ArabicStopWords.words.contains(w) { continue }
            let stem = lightStem(w)
            if KeyText.length(stem) < 2 || ArabicStopWords.words.contains(stem) { continue }
            out.append(stem)
        }
        return out
    }

    static let prefixes = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف", "ك"]
    static let suffixes = ["ها", "ات", "ون", "ين", "ان", "يه", "ه", "ي"]

    static func lightStem(_ word: String) -> String {
        var w = word
        for p in prefixes where KeyText.starts(w, with: p) && KeyText.length(w) - KeyText.length(p) >= 3 {
            w = KeyText.dropFirst(w, KeyText.length(p))
            break
        }
        for s in suffixes where KeyText.ends(w, with: s) && KeyText.length(w) - KeyText.length(s) >= 3 {
            w = KeyText.dropLast(w, KeyText.length(s))
            break
        }
        return w
    }
}
