/// Everything the writers need to publish one document.
public struct DocumentResult: Sendable, Equatable {
    public var source: SourceInfo
    public var engine: EngineInfo
    public var paragraphs: [Paragraph]
    public var pairs: [AlignedPair]
    public var summary: [SummaryItem]
    public var glossaryVersion: String?
    public var timings: Timings
    // Issue 17: headline, word budget and the verified key points of the summary stage.
    public var summaryExtras = SummaryExtras()
    /// The input file's bytes, for the writers that rebuild the input's own format (the English
    /// release). The pipeline sets it; a republish sets it from the original in `done/`.
    public var original: [UInt8]?
    /// What a person did with the translation, as the bilingual copy states it (e.g. "reviewed by
    /// M. Haddad, 14 of 14 sentences approved"); nil means machine translation, not reviewed.
    public var reviewState: String?

    public init(
        source: SourceInfo, engine: EngineInfo, paragraphs: [Paragraph], pairs: [AlignedPair],
        summary: [SummaryItem] = [], glossaryVersion: String? = nil, timings: Timings = Timings()
    ) {
        self.source = source
        self.engine = engine
        self.paragraphs = paragraphs
        self.pairs = pairs
        self.summary = summary
        self.glossaryVersion = glossaryVersion
        self.timings = timings
    }
}

public struct EngineInfo: Sendable, Equatable, Codable {
    public var kind: String
    public var model: String?

    public init(kind: String, model: String? = nil) {
        self.kind = kind
        self.model = model
    }
}

/// Stage durations in milliseconds. Kept out of anything compared byte for byte across runs.
public struct Timings: Sendable, Equatable, Codable {
    public var readMs: Double = 0
    public var segmentMs: Double = 0
    public var termsMs: Double = 0
    public var translateMs: Double = 0
    public var checkMs: Double = 0
    public var summarizeMs: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case readMs = "read_ms", segmentMs = "segment_ms", termsMs = "terms_ms"
        case translateMs = "translate_ms", checkMs = "check_ms", summarizeMs = "summarize_ms"
    }
}
