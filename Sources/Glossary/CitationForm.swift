/// Citation forms of written Arabic words by the matcher's own clitic rules (`CliticRules`):
/// what "add term" offers for a selected span, and the key the suggestion miner groups words by.
///
/// The matcher keeps a split only when the stem is a glossary form; here there is no glossary, so
/// a split is certain only when the proclitics stand before the article (وبالجمارك → الجمارك:
/// nothing else can start و ب ال). Any other split (و or ب before a bare stem, a pronoun suffix) is
/// taken only when `isKnown` says the remaining word exists (a glossary form, a word seen
/// elsewhere), the same lexical check the matcher makes — so «وزارة» and «بيان» keep their letters.
public enum CitationForm {
    /// The span as a glossary would list it: the proclitic chain before its first word removed
    /// (the article kept, as the shipped glossary writes terms), the other words as selected,
    /// whitespace collapsed. Example: «وبالتخليص الجمركي» → «التخليص الجمركي».
    public static func suggest(for span: String, isKnown: (String) -> Bool = { _ in false }) -> String {
        let words = span.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            .map { $0.trimmingCharacters(in: .punctuationCharacters) }
            .filter { !$0.isEmpty }
        guard let first = words.first else { return "" }
        var out = [strip(first, first: true, isKnown: isKnown).citation]
        for word in words.dropFirst() { out.append(strip(word, first: false, isKnown: isKnown).citation) }
        return out.joined(separator: " ")
    }

    /// The normalized stem of one written word (proclitics and the article removed, folded as the
    /// matcher folds): words that differ only in clitics, hamza seats, ة/ه or diacritics share it.
    public static func stemKey(_ word: String, first: Bool = true, isKnown: (String) -> Bool = { _ in false }) -> String {
        strip(word, first: first, isKnown: isKnown).key
    }

    /// The folded form of a word or phrase as the matcher compares it (no clitics removed).
    public static func folded(_ text: String) -> String {
        GlossaryValidator.matchKey(text)
    }

    /// One word split: the citation form (original letters, article kept) and the folded stem key.
    static func strip(_ word: String, first: Bool, isKnown: (String) -> Bool) -> (citation: String, key: String) {
        let folded = MatchFolding.fold(word)
        let original = Array(word.unicodeScalars)
        let b = folded.scalars
        guard b.count >= 2, b.allSatisfy({ CliticTermMatcher.isWord($0) }) else {
            return (word, String(String.UnicodeScalarView(b.compactMap(Unicode.Scalar.init))))
        }
        func originalText(fromFolded i: Int) -> String {
            guard i < b.count else { return "" }
            return String(String.UnicodeScalarView(original[Int(folded.origin[i])...]))
        }
        func key(_ lo: Int, _ hi: Int) -> String {
            String(String.UnicodeScalarView(b[lo..<hi].compactMap(Unicode.Scalar.init)))
        }
        var options: [(skip: Int, clitic: Int, article: Bool)] = []
        b.withUnsafeBufferPointer { buffer in
            _ = CliticRules.starts(buffer, 0, buffer.count, first: first) { skip, clitic, article in
                options.append((skip, clitic, article))
                return false
            }
        }
        // The article is certain: prefer the longest chain ending in it.
        if let best = options.filter(\.article).max(by: { $0.skip < $1.skip }) {
            let stemStart = best.skip
            return ("ال" + originalText(fromFolded: stemStart), key(stemStart, b.count))
        }
        // A bare proclitic only where the rest is a known word.
        for option in options.sorted(by: { $0.skip > $1.skip }) where option.skip > 0 {
            let rest = originalText(fromFolded: option.skip)
            if isKnown(rest) { return (rest, key(option.skip, b.count)) }
        }
        return (word, key(0, b.count))
    }
}
