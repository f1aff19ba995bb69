import BayanCore

/// result.json's `summary_info`: how the summary was made. `mode` is what was configured;
/// `used` is what the summary shown is (`abstractive` only when key points survived);
/// `fallback` says why the extractive summary stands in. Every dropped point is listed with its
/// reason, so nothing the engine wrote disappears without a word.
struct SummaryRecord: Encodable {
    struct Point: Encodable {
        var en: String
        var ar: String
        var cites: [Int]
    }
    struct Dropped: Encodable {
        var en: String
        var ar: String
        var cites: [Int]
        var reason: String
    }
    struct HeadlineRecord: Encodable {
        var en: String
        var ar: String
        var source: String
        var cites: [Int]
    }

    var mode: String
    var used: String
    var maxWords: Int?
    var words: Int
    var headline: HeadlineRecord?
    var points: [Point]?
    var dropped: [Dropped]?
    var fallback: String?
    var headlineDropped: String?

    enum CodingKeys: String, CodingKey {
        case mode, used, maxWords = "max_words", words, headline, points, dropped, fallback, headlineDropped = "headline_dropped"
    }

    init(_ extras: SummaryExtras) {
        mode = extras.mode
        maxWords = extras.maxWords
        words = extras.words
        headline = extras.headline.map { HeadlineRecord(en: $0.en, ar: $0.ar, source: $0.source.rawValue, cites: $0.cites) }
        if let abstract = extras.abstract {
            points = abstract.points.map { Point(en: $0.en, ar: $0.ar, cites: $0.cites) }
            dropped = abstract.dropped.map { Dropped(en: $0.point.en, ar: $0.point.ar, cites: $0.point.cites, reason: $0.reason) }
            fallback = abstract.fallback
            headlineDropped = abstract.headlineDropped
        }
        used = extras.abstract.map { $0.points.isEmpty ? "extractive" : (extras.mode == "both" ? "both" : "abstractive") } ?? "extractive"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mode, forKey: .mode)
        try c.encode(used, forKey: .used)
        try c.encode(maxWords, forKey: .maxWords)
        try c.encode(words, forKey: .words)
        try c.encode(headline, forKey: .headline)
        try c.encodeIfPresent(points, forKey: .points)
        try c.encodeIfPresent(dropped, forKey: .dropped)
        try c.encodeIfPresent(fallback, forKey: .fallback)
        try c.encodeIfPresent(headlineDropped, forKey: .headlineDropped)
    }
}
