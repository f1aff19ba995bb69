import BayanCore
import Foundation

/// The `bayan glossary match --jsonl` protocol: one request per line `{"id": S, "text": S}`,
/// one answer per line `{"id": S, "matches": [{"start": N, "end": N, "ar": S, "en": S}]}`
/// (Unicode-scalar offsets, end exclusive). A line that cannot be read gets
/// `{"id": S|null, "error": S}` so that answers stay aligned with requests.
public enum GlossaryJSONL {
    struct Request: Decodable {
        var id: String
        var text: String

        enum CodingKeys: String, CodingKey { case id, text }

        init(id: String, text: String) {
            self.id = id
            self.text = text
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let s = try? c.decode(String.self, forKey: .id) {
                id = s
            } else if let n = try? c.decode(Int.self, forKey: .id) {
                id = String(n)
            } else {
                throw DecodingError.dataCorruptedError(forKey: .id, in: c, debugDescription: "id must be a string")
            }
            text = try c.decode(String.self, forKey: .text)
        }
    }

    /// The answer line (without the newline) for one request line; nil for a blank line.
    public static func answer(_ line: String, matcher: some TermMatcher) -> String? {
        // Foundation's trimming costs more than matching the line: skip it when there is
        // nothing to trim (an object line starts with "{" and ends with "}").
        let trimmed = line.utf8.first == UInt8(ascii: "{") && line.utf8.last == UInt8(ascii: "}")
            ? line : line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        guard let request = request(trimmed) else {
            let id = (try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any])?["id"] as? String
            return "{\"id\":\(id.map(quote) ?? "null"),\"error\":\(quote("expected {\"id\": string, \"text\": string}"))}"
        }
        let hits = matcher.matches(in: request.text)
        var out = "{\"id\":\(quote(request.id)),\"matches\":["
        for (i, hit) in hits.enumerated() {
            if i > 0 { out += "," }
            out += "{\"start\":\(hit.start),\"end\":\(hit.end),\"ar\":\(quote(hit.ar)),\"en\":\(quote(hit.en))}"
        }
        return out + "]}"
    }

    /// The common line is read without Foundation's decoder (JSONLine); the rest through it.
    static func request(_ line: String) -> Request? {
        if let members = JSONLine.flatObject(line), let id = members["id"]?.text, case .string(let text)? = members["text"] {
            return Request(id: id, text: text)
        }
        return try? JSONDecoder().decode(Request.self, from: Data(line.utf8))
    }

    /// Reads request lines from `input` until it returns nil, writing each answer with `output`
    /// (which should flush: callers pipe line by line).
    public static func run(matcher: some TermMatcher, input: () -> String?, output: (String) -> Void) {
        while let line = input() {
            if let answer = answer(line, matcher: matcher) { output(answer) }
        }
    }

    static func quote(_ s: String) -> String { JSONLine.quote(s) }
}
