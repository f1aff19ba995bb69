import BayanCore
import Foundation

/// The JSON Lines protocol of `bayan segment --jsonl`, in the library so it is testable:
/// `{"doc_id": S, "text": S}` in, `{"doc_id": S, "sentences": [S...]}` out, one line each.
/// A line that cannot be read gives `{"doc_id": S|null, "error": S}` on that line; it never
/// stops the stream.
public enum SegmentJSONL {
    struct Output: Encodable {
        var doc_id: String
        var sentences: [String]
    }

    struct Failure: Encodable {
        var doc_id: String?
        var error: String

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(doc_id, forKey: .doc_id)  // null when unknown, not missing
            try c.encode(error, forKey: .error)
        }

        enum CodingKeys: String, CodingKey { case doc_id, error }
    }

    /// Processes one input line and returns one output line (without the newline).
    public static func process(line: String, segmenter: some SentenceSegmenter = ArabicSentenceSegmenter()) -> String {
        // The common line, read and answered without Foundation's coders (JSONLine).
        if let members = JSONLine.flatObject(line), let id = members["doc_id"]?.text, case .string(let text)? = members["text"] {
            return "{\"doc_id\":\(JSONLine.quote(id)),\"sentences\":\(JSONLine.array(segment(text, segmenter)))}"
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            return encode(Failure(doc_id: nil, error: "the line is not valid JSON; send one object per line: {\"doc_id\": \"...\", \"text\": \"...\"}"))
        }
        guard let dict = object as? [String: Any] else {
            return encode(Failure(doc_id: nil, error: "the line is not a JSON object; send {\"doc_id\": \"...\", \"text\": \"...\"}"))
        }
        var docID: String?
        switch dict["doc_id"] {
        case let s as String: docID = s
        case let n as NSNumber: docID = n.stringValue
        default: docID = nil
        }
        guard let id = docID else {
            return encode(Failure(doc_id: nil, error: "\"doc_id\" is missing or not a string"))
        }
        guard let text = dict["text"] as? String else {
            return encode(Failure(doc_id: id, error: "\"text\" is missing or not a string"))
        }
        let sentences = segment(text, segmenter)
        return encode(Output(doc_id: id, sentences: sentences))
    }

    static func segment(_ text: String, _ segmenter: some SentenceSegmenter) -> [String] {
        if let arabic = segmenter as? ArabicSentenceSegmenter { return arabic.segment(text: text).map(\.text) }
        let document = Document(
            source: SourceInfo(file: "", sha256: "", encoding: "utf-8", format: "text"), text: text,
            paragraphs: PlainTextReader.lineParagraphs(text))
        return segmenter.segment(document).map(\.text)
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{\"doc_id\":null,\"error\":\"internal encoding error\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}
