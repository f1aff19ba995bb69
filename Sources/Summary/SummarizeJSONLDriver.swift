import ArabicText
import BayanCore
import Foundation

/// `bayan summarize --jsonl`: one `{"doc_id": S, "text": S, "sentences"?: N}` per line in, one
/// `{"doc_id": S, "summary": [S...]}` per line out, in the same order. Summary sentences are
/// exactly the segmenter's sentences, in document order.
///
/// A line that cannot be read gives `{"doc_id": …, "error": S}` so the output still lines up.
public struct SummarizeJSONLDriver: Sendable {
    public var reader: any DocumentReader
    public var segmenter: any SentenceSegmenter
    public var summarizer: any Summarizer

    public init(reader: any DocumentReader = PlainTextReader(), segmenter: any SentenceSegmenter,
        summarizer: any Summarizer = ExtractiveSummarizer())
    {
        self.reader = reader
        self.segmenter = segmenter
        self.summarizer = summarizer
    }

    struct Input: Decodable {
        var doc_id: String
        var text: String
        /// This line's summary length, overriding the driver's options (for benchmarks whose
        /// references differ in length).
        var sentences: Int?
    }

    struct Output: Encodable {
        var doc_id: String
        var summary: [String]
    }

    struct Failure: Encodable {
        var doc_id: String?
        var error: String
    }

    /// The summary sentences of one text.
    public func summarize(_ text: String, name: String = "text", sentences: Int? = nil) throws -> [String] {
        let document = try reader.read(Array(text.utf8), fileName: name)
        let segments = segmenter.segment(document)
        var summarizer = self.summarizer
        if let sentences, var extractive = summarizer as? ExtractiveSummarizer {
            extractive.options.sentences = max(1, sentences)
            extractive.options.ratio = nil
            extractive.options.maxSentences = max(extractive.options.maxSentences, sentences)
            summarizer = extractive
        }
        let chosen = Set(summarizer.select(from: segments, paragraphs: document.paragraphs, terms: [:]))
        return segments.filter { chosen.contains($0.id) }.map(\.text)
    }

    /// Processes one input line; returns the output line without its newline, or nil for a blank line.
    public func process(line: String) -> String? {
        guard !line.allSatisfy(\.isWhitespace) else { return nil }
        guard let input = try? JSONDecoder().decode(Input.self, from: Data(line.utf8)) else {
            let id = (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["doc_id"] as? String
            return Self.encode(Failure(doc_id: id, error: "expected {\"doc_id\": string, \"text\": string}"))
        }
        do {
            return Self.encode(Output(doc_id: input.doc_id, summary: try summarize(input.text, name: input.doc_id, sentences: input.sentences)))
        } catch {
            return Self.encode(Failure(doc_id: input.doc_id, error: String(describing: error)))
        }
    }

    public func run(readLine: () -> String?, write: (String) -> Void) {
        while let line = readLine() {
            if let out = process(line: line) { write(out) }
        }
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{\"error\":\"internal: could not encode the result\"}" }
        return String(decoding: data, as: UTF8.self)
    }
}
