import Glossary

/// The glossary page's search: Arabic is compared the way the matcher compares it (normalized,
/// hamza seats and ة/ه folded, diacritics ignored, clitics of the query stripped by the matcher's
/// rules), English case-insensitively in `en`, `avoid` and `note`.
public enum GlossarySearch {
    /// The entries `query` finds, in their order. An empty query finds every entry.
    public static func filter(_ entries: [GlossaryEntry], query: String) -> [GlossaryEntry] {
        let q = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !q.isEmpty else { return entries }
        if q.unicodeScalars.contains(where: { (0x0600...0x06FF).contains($0.value) }) {
            let folded = CitationForm.folded(q)
            let words = q.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            let stems = words.enumerated().map { CitationForm.stemKey($0.element, first: $0.offset == 0) }.joined(separator: " ")
            return entries.filter { entry in
                let key = CitationForm.folded(entry.ar)
                let entryStems = entry.ar.split(whereSeparator: { $0.isWhitespace }).enumerated()
                    .map { CitationForm.stemKey(String($0.element), first: $0.offset == 0) }.joined(separator: " ")
                return key.contains(folded) || entryStems.contains(stems)
            }
        }
        let lower = q.lowercased()
        return entries.filter { entry in
            entry.en.lowercased().contains(lower) || entry.note.lowercased().contains(lower)
                || entry.avoid.contains { $0.lowercased().contains(lower) }
        }
    }
}
