import BayanCore

/// result.json's `summary_info`: how the summary was made. `mode` is what was configured;
/// `used` is what the summary shown is (`abstractive` only when key points survived);
/// `fallback` says why the extractive summary stands in. Every dropped point is listed with its
/// reason, so nothing the engine wrote disappears without a word.
struct SummaryRecord: Codable {
    struct Point: Codable {
        var en: String
        var ar: String
        var cites: [Int]
    }
    struct Dropped: Codable {
        var en: String
        var ar: String
        var cites: [Int]
        var reason: String
    }
    struct HeadlineRecord: Codable {
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

    /// Back to the value the writers render, for a republish after review (which must not lose
    /// the key points or the reasons points were dropped).
    var extras: SummaryExtras {
        let headlineValue = headline.map {
            Headline(en: $0.en, ar: $0.ar, source: Headline.Source(rawValue: $0.source) ?? .heading, cites: $0.cites)
        }
        var abstract: SummaryAbstract?
        if points != nil || dropped != nil || fallback != nil || headlineDropped != nil {
            abstract = SummaryAbstract(
                points: (points ?? []).map { KeyPoint(en: $0.en, ar: $0.ar, cites: $0.cites) },
                dropped: (dropped ?? []).map { DroppedPoint(point: KeyPoint(en: $0.en, ar: $0.ar, cites: $0.cites), reason: $0.reason) },
                fallback: fallback,
                headline: headlineValue.flatMap { $0.source == .abstract ? KeyPoint(en: $0.en, ar: $0.ar, cites: $0.cites) : nil },
                headlineDropped: headlineDropped)
        }
        return SummaryExtras(mode: mode, maxWords: maxWords, words: words, headline: headlineValue, abstract: abstract)
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
