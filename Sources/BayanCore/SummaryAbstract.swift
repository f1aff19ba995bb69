/// One key point of the abstractive summary, in both languages, with the segment ids it rests on.
public struct KeyPoint: Sendable, Equatable, Codable {
    public var en: String
    public var ar: String
    public var cites: [Int]

    public init(en: String, ar: String, cites: [Int]) {
        self.en = en
        self.ar = ar
        self.cites = cites
    }
}

/// A key point the verifier refused, and why (kept for the reviewer: never a silent hole).
public struct DroppedPoint: Sendable, Equatable, Codable {
    public var point: KeyPoint
    public var reason: String

    public init(point: KeyPoint, reason: String) {
        self.point = point
        self.reason = reason
    }
}

/// The one-line English headline of a release.
public struct Headline: Sendable, Equatable, Codable {
    public enum Source: String, Sendable, Codable {
        /// The translation of the document's own heading.
        case heading
        /// Written by the engine with the key points and verified like one.
        case abstract
    }

    public var en: String
    public var ar: String
    public var source: Source
    /// The segments it rests on (the heading's own segments for `heading`).
    public var cites: [Int]

    public init(en: String, ar: String, source: Source, cites: [Int]) {
        self.en = en
        self.ar = ar
        self.source = source
        self.cites = cites
    }
}

/// The abstractive part of the summary (`summary.mode: abstractive | both`): the points that
/// passed verification, those that did not, and, when none is usable, why the extractive
/// summary stands in.
public struct SummaryAbstract: Sendable, Equatable {
    public var points: [KeyPoint]
    public var dropped: [DroppedPoint]
    /// Set when the extractive summary is used instead: the engine failed or no point survived.
    public var fallback: String?
    /// The engine's headline when it was asked for one and passed verification.
    public var headline: KeyPoint?
    /// Why the engine's headline was refused, when it was.
    public var headlineDropped: String?

    public init(points: [KeyPoint] = [], dropped: [DroppedPoint] = [], fallback: String? = nil,
        headline: KeyPoint? = nil, headlineDropped: String? = nil)
    {
        self.points = points
        self.dropped = dropped
        self.fallback = fallback
        self.headline = headline
        self.headlineDropped = headlineDropped
    }
}

/// What the summary stage produced besides the extractive sentences (issue 17). Kept in its own
/// value so that `DocumentResult` gains one field.
public struct SummaryExtras: Sendable, Equatable {
    /// `extractive`, `abstractive` or `both`.
    public var mode: String
    /// The English word budget the extractive summary was held to (nil: none).
    public var maxWords: Int?
    /// English words of the extractive summary.
    public var words: Int
    public var headline: Headline?
    /// Present when the mode asked for points (abstractive or both).
    public var abstract: SummaryAbstract?

    public init(mode: String = "extractive", maxWords: Int? = nil, words: Int = 0, headline: Headline? = nil,
        abstract: SummaryAbstract? = nil)
    {
        self.mode = mode
        self.maxWords = maxWords
        self.words = words
        self.headline = headline
        self.abstract = abstract
    }
}
