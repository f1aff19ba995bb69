import BayanCore

/// Finds glossary terms in Arabic text. Offsets are Unicode-scalar offsets into the text passed
/// in, end exclusive, and cover whole surface words (clitics included).
public protocol TermMatcher: Sendable {
    func matches(in text: String) -> [TermHit]
}

/// A hit with how it was found: which entry, and the clitics and suffix that were peeled off.
public struct TermMatch: Sendable, Equatable {
    public var hit: TermHit
    /// Index into `Glossary.entries`.
    public var entryIndex: Int
    /// End (original scalar offset) of the conjunction/preposition proclitics (و ف ب ك ل) that
    /// precede the term in its first word; equals `hit.start` when there are none. The article
    /// is part of the term, not of this prefix.
    public var procliticEnd: Int
    /// The normalized proclitic chain on the first word (e.g. "وبال", "لل", "") and the suffix on
    /// the last word (e.g. "ها", "ات", "") that fired: the variant, for reports and tests.
    public var prefix: String
    public var suffix: String

    public init(hit: TermHit, entryIndex: Int, procliticEnd: Int, prefix: String, suffix: String) {
        self.hit = hit
        self.entryIndex = entryIndex
        self.procliticEnd = procliticEnd
        self.prefix = prefix
        self.suffix = suffix
    }
}
