import ArabicText

/// Word keys for lexicon look-ups: the shared normalization, then (on request) one proclitic
/// chain stripped when enough of the word remains. Keys are compared by their scalars (they
/// are normalized, so canonical equivalence has nothing left to do, and Character-based
/// `hasPrefix`/`count` on Arabic text was a fifth of the number check's time).
enum ArabicKey {
    static func of(_ word: String) -> String { ArabicNormalizer.key(word) }

    static let proclitics = ["وبال", "وال", "بال", "فال", "كال", "ولل", "لل", "ال", "و", "ب", "ل", "ف"]
        .map { Array($0.unicodeScalars) }

    static func stripClitics(_ key: String) -> String {
        let scalars = Array(key.unicodeScalars)
        return stripClitics(scalars).map(TextScan.string) ?? key
    }

    /// The key without its first proclitic chain ("لل" + stem: the article's alef was dropped),
    /// or nil when none applies.
    private static func stripClitics(_ key: [Unicode.Scalar]) -> ArraySlice<Unicode.Scalar>? {
        for prefix in proclitics where key.count >= prefix.count + 2 && key.starts(with: prefix) {
            return key[prefix.count...]
        }
        return nil
    }

    /// Candidate lexicon keys for a surface word: as written, without clitics, and without the
    /// article after a stripped conjunction/preposition.
    static func variants(_ word: String) -> [String] { variants(ofKey: of(word)) }

    /// `variants` of a word that is already a key (`of`).
    static func variants(ofKey key: String) -> [String] {
        var out = [key]
        let scalars = Array(key.unicodeScalars)
        // Accusative tanween alef: «أربعاً» is «أربع».
        if scalars.count >= 4, scalars.last == "\u{0627}" { out.append(TextScan.string(scalars.dropLast())) }
        var current = scalars
        for _ in 0..<2 {
            guard let stripped = stripClitics(current) else { break }
            current = Array(stripped)
            out.append(TextScan.string(current))
        }
        return out
    }
}
