import BayanCore

/// A merged, validated term base. `version` identifies its content (SHA-256 hex of the
/// canonicalised entries) so results and caches can say which glossary they used.
public struct Glossary: Sendable, Equatable {
    public let entries: [GlossaryEntry]
    public let version: String
    /// Entries by their exact Arabic, for the verifier and for prompts.
    private let byArabic: [String: Int]

    public init(entries: [GlossaryEntry]) {
        self.entries = entries
        self.version = Glossary.version(of: entries)
        var index: [String: Int] = [:]
        for (i, e) in entries.enumerated() where index[e.ar] == nil { index[e.ar] = i }
        self.byArabic = index
    }

    public static let empty = Glossary(entries: [])

    public func entry(ar: String) -> GlossaryEntry? {
        guard let i = byArabic[ar], i < entries.count else { return nil }
        return entries[i]
    }

    /// The entries behind `hits`, once each, in order of first appearance (what an LLM prompt
    /// or a per-batch glossary needs).
    public func entries(for hits: [TermHit]) -> [GlossaryEntry] {
        var seen: Set<String> = []
        var out: [GlossaryEntry] = []
        for hit in hits where seen.insert(hit.ar).inserted {
            if let e = entry(ar: hit.ar) { out.append(e) }
        }
        return out
    }

    /// SHA-256 over what changes translations: ar, en, avoid and match of every entry, sorted.
    /// Notes and file positions are left out so that editing a comment keeps caches valid.
    public static func version(of entries: [GlossaryEntry]) -> String {
        let lines = entries.map { e in
            [e.ar, e.en, e.avoid.joined(separator: "|"), e.exact ? "exact" : ""].joined(separator: "\t")
        }.sorted()
        var hasher = SHA256()
        for line in lines {
            hasher.update(Array(line.utf8))
            hasher.update([0x0A])
        }
        return SHA256.hexString(hasher.finalize())
    }

    /// Merges files in order: for the same term (same normalized Arabic) the later file wins and
    /// the override is reported as a warning naming both places.
    public static func merge(_ files: [[GlossaryEntry]]) -> (glossary: Glossary, problems: [GlossaryProblem]) {
        var order: [String] = []
        var byKey: [String: GlossaryEntry] = [:]
        var problems: [GlossaryProblem] = []
        for entries in files {
            var seenInFile: Set<String> = []
            for entry in entries {
                let key = GlossaryValidator.matchKey(entry.ar)
                // Within one file the validator reports repeats; keep the first.
                guard seenInFile.insert(key).inserted else { continue }
                if let previous = byKey[key] {
                    if !GlossaryValidator.sameEnglish(previous.en, entry.en) {
                        problems.append(GlossaryProblem(
                            file: entry.file, line: entry.line,
                            message: "«\(entry.ar)» → \"\(entry.en)\" overrides \"\(previous.en)\" from \(previous.location); this file wins (delete one if that is not intended)",
                            severity: .warning))
                    }
                } else {
                    order.append(key)
                }
                byKey[key] = entry
            }
        }
        return (Glossary(entries: order.compactMap { byKey[$0] }), problems)
    }
}
