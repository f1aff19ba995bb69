import BayanCore
import Foundation

/// `bayan qa --jsonl`: one `{"id": S, "source": S, "target": S}` per line in, one
/// `{"id": S, "issues": [{"check": S, "message": S}]}` per line out, in the same order.
///
/// A line that cannot be read gives `{"id": …, "error": S}` (id null when unknown) so the output
/// still lines up with the input. `termHits` lets the caller add verified glossary hits (offsets
/// relative to `source`) for the `glossary` check.
public struct QAJSONLDriver: Sendable {
    public typealias TermHitsProvider = @Sendable (_ source: String, _ target: String) -> [TermHit]

    public var checker: any PairChecker
    public var termHits: TermHitsProvider?

    public init(checker: any PairChecker = StandardChecks.suite(), termHits: TermHitsProvider? = nil) {
        self.checker = checker
        self.termHits = termHits
    }

    struct Input: Decodable {
        var id: String
        var source: String
        var target: String
    }

    struct Output: Encodable {
        var id: String
        var issues: [QAIssue]
    }

    /// Processes one input line; returns the output line without its newline, or nil for a blank line.
    public func process(line: String) -> String? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: Data(line.utf8))
        } catch {
            return JSONLines.error(id: JSONLines.peekString(line, key: "id"), idKey: "id",
                message: "expected {\"id\": string, \"source\": string, \"target\": string}: \(JSONLines.describe(error))")
        }
        let count = input.source.unicodeScalars.count
        let segment = Segment(id: 1, paragraph: 0, start: 0, end: count, text: input.source)
        let pair = AlignedPair(segment: segment, en: input.target, terms: termHits?(input.source, input.target) ?? [])
        return JSONLines.encode(Output(id: input.id, issues: checker.check(pair)))
    }

    /// Reads lines until `readLine` returns nil, writing (and flushing, in `write`) each result.
    public func run(readLine: () -> String?, write: (String) -> Void) {
        while let line = readLine() {
            if let out = process(line: line) { write(out) }
        }
    }
}

/// JSON Lines helpers shared by the drivers: stable key order, no escaped slashes, UTF-8 as is.
enum JSONLines {
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{\"error\":\"internal: could not encode the result\"}" }
        return String(decoding: data, as: UTF8.self)
    }

    static func error(id: String?, idKey: String, message: String) -> String {
        struct ErrorLine: Encodable {
            var id: String?
            var idKey: String
            var error: String
            func encode(to encoder: any Encoder) throws {
                var c = encoder.container(keyedBy: DynamicKey.self)
                try c.encode(id, forKey: DynamicKey(idKey))
                try c.encode(error, forKey: DynamicKey("error"))
            }
        }
        return encode(ErrorLine(id: id, idKey: idKey, error: message))
    }

    /// The string at `key` when the line is a JSON object but otherwise invalid for us.
    static func peekString(_ line: String, key: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
        return object[key] as? String
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "wrong type at \"\(path)\""
        case DecodingError.dataCorrupted: return "not valid JSON"
        default: return "not valid JSON"
        }
    }

    struct DynamicKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
