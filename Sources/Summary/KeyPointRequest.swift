import BayanCore
import Foundation

/// What the engine is asked for in `summary.mode: abstractive | both`: 2–5 key points of the
/// release in English and Arabic, each citing the segment ids it rests on, as JSON (OpenAI
/// structured output), and a headline when the document has no heading of its own.
public struct KeyPointRequest: Sendable {
    public var segments: [(id: Int, ar: String)]
    /// The glossary entries found in the document, each once (from its term hits).
    public var glossary: [(ar: String, en: String)]
    public var minPoints: Int
    public var maxPoints: Int
    public var maxWords: Int
    public var wantsHeadline: Bool

    public init(segments: [(id: Int, ar: String)], terms: [TermHit], minPoints: Int = 2, maxPoints: Int = 5,
        maxWords: Int = 30, wantsHeadline: Bool)
    {
        var seen: Set<String> = []
        self.segments = segments
        self.glossary = terms.filter { seen.insert($0.ar + "\t" + $0.en).inserted }.map { ($0.ar, $0.en) }
        self.minPoints = minPoints
        self.maxPoints = maxPoints
        self.maxWords = maxWords
        self.wantsHeadline = wantsHeadline
    }

    public var system: String {
        """
        You write the key points of an Arabic press release of a customs administration, for its English and Arabic readers.
        Rules:
        - Write \(minPoints) to \(maxPoints) key points, most important first. Each point is one sentence of at most \(maxWords) words, in English ("en") and in Arabic ("ar") saying the same thing.
        - Every point cites the ids of the segments it rests on ("cites"); state nothing those segments do not say.
        - Copy every number, amount, percentage and date exactly as the cited segments give it (Western digits in English).
        - Where a glossary entry's Arabic term is used, write its approved English term.
        - \(wantsHeadline ? "Also write a headline of at most 15 words with the segments it rests on." : "Set the headline to empty strings and no cites.")
        - Answer with JSON only: {"headline": {"en": "...", "ar": "...", "cites": [ids]}, "points": [{"en": "...", "ar": "...", "cites": [ids]}]}.
        """
    }

    public var user: String {
        let object: [String: Any] = [
            "segments": segments.map { ["id": $0.id, "text": $0.ar] as [String: Any] },
            "glossary": glossary.map { ["ar": $0.ar, "en": $0.en] },
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// OpenAI's `response_format` (json_schema, strict) for the answer, as JSON text.
    public static let responseFormat: String = {
        let point: [String: Any] = [
            "type": "object", "additionalProperties": false, "required": ["en", "ar", "cites"],
            "properties": ["en": ["type": "string"], "ar": ["type": "string"], "cites": ["type": "array", "items": ["type": "integer"]]] as [String: Any],
        ]
        let format: [String: Any] = [
            "type": "json_schema",
            "json_schema": [
                "name": "key_points", "strict": true,
                "schema": [
                    "type": "object", "additionalProperties": false, "required": ["headline", "points"],
                    "properties": ["headline": point, "points": ["type": "array", "items": point] as [String: Any]],
                ] as [String: Any],
            ] as [String: Any],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: format, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }()
}

/// The engine's answer (the engine has already removed a reasoning block or code fence), read
/// from its outermost JSON object but never guessed: no object with `points` is nil.
public struct KeyPointAnswer: Sendable, Equatable {
    public var headline: KeyPoint?
    public var points: [KeyPoint]

    public static func parse(_ text: String) -> KeyPointAnswer? {
        guard let first = text.firstIndex(of: "{"), let last = text.lastIndex(of: "}"), first < last,
            let object = try? JSONSerialization.jsonObject(with: Data(text[first...last].utf8)) as? [String: Any],
            let list = object["points"] as? [Any]
        else { return nil }
        var points: [KeyPoint] = []
        for entry in list {
            // A malformed entry is kept as an empty point so that it is reported, not lost.
            points.append(point(entry as? [String: Any]) ?? KeyPoint(en: "", ar: "", cites: []))
        }
        var headline = point(object["headline"] as? [String: Any])
        if let h = headline, h.en.isEmpty && h.ar.isEmpty { headline = nil }
        return KeyPointAnswer(headline: headline, points: points)
    }

    static func point(_ object: [String: Any]?) -> KeyPoint? {
        guard let object else { return nil }
        let en = (object["en"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let ar = (object["ar"] as? String ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let raw = object["cites"] as? [Any] ?? []
        // Ids as the model wrote them: integers, or strings of digits ("3"); anything else is
        // an id no segment has (-1) so that the verifier names the fault.
        let cites = raw.map { value -> Int in
            if let i = value as? Int { return i }
            if let s = value as? String, let i = Int(s.trimmingCharacters(in: .whitespaces)) { return i }
            return -1
        }
        return KeyPoint(en: en, ar: ar, cites: cites)
    }
}
