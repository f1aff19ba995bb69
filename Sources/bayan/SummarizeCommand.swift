import ArabicText
import ArgumentParser
import Foundation
import Summary

/// `bayan summarize --jsonl`: extractive summaries of Arabic texts, one JSON object per line.
struct SummarizeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Choose the key Arabic sentences of each text (extractive summary).",
        discussion: """
            Reads one JSON object per line on standard input and writes one per line on standard \
            output, flushed after each line, in the same order:

              in:  {"doc_id": "pr-1", "text": "<Arabic text, one paragraph per line>"}
              out: {"doc_id": "pr-1", "summary": ["<sentence>", "<sentence>"]}

            Summary sentences are exactly the sentences `bayan segment` gives, in document \
            order. A line that cannot be read gives {"doc_id": ..., "error": "..."}.

            Example:
              echo '{"doc_id":"a","text":"..."}' | bayan summarize --jsonl --sentences 2
            """)

    @Flag(name: .long, help: "Read and write JSON Lines (the only mode).")
    var jsonl = false

    @Option(name: .long, help: "Sentences per summary.")
    var sentences: Int = 3

    @Option(name: .long, help: "Summary length as a fraction of the text's sentences (overrides --sentences).")
    var ratio: Double?

    func validate() throws {
        guard jsonl else { throw ValidationError("Pass --jsonl: summarize reads JSON Lines on standard input.") }
        guard sentences >= 1 else { throw ValidationError("--sentences must be at least 1 (got \(sentences)).") }
        if let ratio, !(ratio > 0 && ratio <= 1) {
            throw ValidationError("--ratio must be above 0 and at most 1 (got \(ratio)).")
        }
    }

    func run() async throws {
        let options = SummaryOptions(sentences: sentences, ratio: ratio, maxSentences: max(sentences, 8))
        // The same reader and segmenter as `bayan segment --jsonl`, so sentences match exactly.
        let driver = SummarizeJSONLDriver(
            reader: PlainTextReader(), segmenter: ArabicSentenceSegmenter(), summarizer: ExtractiveSummarizer(options: options))
        driver.run(readLine: { Swift.readLine(strippingNewline: true) }) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
