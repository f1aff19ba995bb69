import BayanCore

/// The glossary as one document sees it: taken once when the document starts, so a glossary
/// edited meanwhile applies to the next document, never to half of this one.
public struct TermStage: Sendable {
    /// SHA-256 of the merged entries; nil when no glossary is loaded.
    public var version: String?
    /// Hits in one sentence, offsets relative to the sentence.
    public var find: @Sendable (String) -> [TermHit]
    /// Hits with `ok` set against the translation, and one `glossary` issue per failed term.
    public var verify: @Sendable ([TermHit], String) -> (hits: [TermHit], issues: [QAIssue])
    /// The stronger strategy for sentences whose terms the engine missed: the source with
    /// placeholders, and how to put the approved English back. Nil when not available.
    public var protect: (@Sendable (String) -> (text: String, restore: @Sendable (String) -> String))?

    public init(
        version: String?, find: @escaping @Sendable (String) -> [TermHit],
        verify: @escaping @Sendable ([TermHit], String) -> (hits: [TermHit], issues: [QAIssue]),
        protect: (@Sendable (String) -> (text: String, restore: @Sendable (String) -> String))? = nil
    ) {
        self.version = version
        self.find = find
        self.verify = verify
        self.protect = protect
    }

    public static let none = TermStage(version: nil, find: { _ in [] }, verify: { hits, _ in (hits, []) })
}
