/// One sentence of the source, with its exact span in the decoded text.
public struct Segment: Sendable, Equatable, Codable {
    /// 1-based, in document order.
    public var id: Int
    /// Index of the paragraph that holds the sentence.
    public var paragraph: Int
    public var start: Int
    public var end: Int
    /// The substring of the source at `start..<end`.
    public var text: String
    /// When a long sentence was split for an engine's limits: the id of its first part.
    public var partOf: Int?

    public init(id: Int, paragraph: Int, start: Int, end: Int, text: String, partOf: Int? = nil) {
        self.id = id
        self.paragraph = paragraph
        self.start = start
        self.end = end
        self.text = text
        self.partOf = partOf
    }
}

/// A glossary term found in a segment; `ok` is set once the translation has been verified.
public struct TermHit: Sendable, Equatable, Codable, Hashable {
    public var ar: String
    public var en: String
    /// Scalar offsets into the decoded source text (the whole surface words, clitics included).
    public var start: Int
    public var end: Int
    public var ok: Bool?

    public init(ar: String, en: String, start: Int, end: Int, ok: Bool? = nil) {
        self.ar = ar
        self.en = en
        self.start = start
        self.end = end
        self.ok = ok
    }
}

/// One finding of a check on a sentence pair.
public struct QAIssue: Sendable, Equatable, Codable, Hashable {
    public var check: String
    public var message: String

    public init(check: String, message: String) {
        self.check = check
        self.message = message
    }
}

/// A source sentence with its translation and what the checks found.
public struct AlignedPair: Sendable, Equatable {
    public var segment: Segment
    public var en: String
    public var terms: [TermHit]
    public var qa: [QAIssue]
    /// How the translation was obtained when it was not the plain first request
    /// (e.g. "protected": terms replaced by placeholders after the engine missed them).
    public var strategy: String?
    /// Where `en` came from: the engine, the translation memory, or a person's review.
    public var origin: TranslationOrigin
    /// The machine English (engine or memory) when a reviewer replaced it; nil when `en` is it.
    public var mt: String?
    /// Set once a person has edited or approved the pair.
    public var review: ReviewMark?

    public init(
        segment: Segment, en: String, terms: [TermHit] = [], qa: [QAIssue] = [], strategy: String? = nil,
        origin: TranslationOrigin = .engine, mt: String? = nil, review: ReviewMark? = nil
    ) {
        self.segment = segment
        self.en = en
        self.terms = terms
        self.qa = qa
        self.strategy = strategy
        self.origin = origin
        self.mt = mt
        self.review = review
    }

    /// The English the machine produced (kept in result.json as `mt` so nothing is lost).
    public var machineEnglish: String { mt ?? en }
}

/// Where a sentence's English came from.
public enum TranslationOrigin: String, Sendable, Codable, CaseIterable {
    /// Sent to the translation engine.
    case engine
    /// An exact match in the translation memory (a machine translation or an imported approved one).
    case memory
    /// Written or approved by a reviewer (in this document, or reused from the memory).
    case reviewed
}

/// A person's mark on a pair: who, when (ISO 8601, UTC), and whether they approved it.
public struct ReviewMark: Sendable, Equatable, Codable {
    public var by: String
    public var at: String
    public var approved: Bool

    public init(by: String, at: String, approved: Bool) {
        self.by = by
        self.at = at
        self.approved = approved
    }
}

/// A sentence chosen for the bilingual summary.
public struct SummaryItem: Sendable, Equatable, Codable {
    public var id: Int
    public var ar: String
    public var en: String

    public init(id: Int, ar: String, en: String) {
        self.id = id
        self.ar = ar
        self.en = en
    }
}
