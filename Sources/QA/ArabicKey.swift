import ArabicText

/// Word keys for lexicon look-ups: the shared normalization, then (on request) one proclitic
/// chain stripped when enough of the word remains.
enum ArabicKey {
    static func of(_ word: String) -> String { ArabicNormalizer.key(word) }

    static let proclitics = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف"]

    static func stripClitics(_ key: String) -> String {
        for prefix in proclitics where key.hasPrefix(prefix) && key.count >= prefix.count + 2 {
            let rest = String(key.dropFirst(prefix.count))
            // "لل" + stem: the article's alef was dropped.
            return rest
        }
        return key
    }

    /// Candidate lexicon keys for a surface word: as written, without clitics, and without the
    /// article after a stripped conjunction/preposition.
    static func variants(_ word: String) -> [String] {
        let key = of(word)
        var out = [key]
        // Accusative tanween alef: «أربعاً» is «أربع».
        if key.count >= 4, key.hasSuffix("ا") { out.append(String(key.dropLast())) }
        var current = key
        for _ in 0..<2 {
            let stripped = stripClitics(current)
            if stripped == current { break }
            out.append(stripped)
            current = stripped
        }
        return out
    }
}
