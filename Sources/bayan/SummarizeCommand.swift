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

    @Option(name: .long, help: ArgumentHelp(
        "Tuning: score weights as name=value pairs (lead, centrality, term, figure, formula, decay, paragraph, redundancy), e.g. lead=1,figure=0.2.",
        visibility: .hidden))
    var weights: String?

    @Option(name: .long, help: "Budget in English words, estimated from the Arabic (×\(WordCount.englishPerArabicWord)): the summary never runs past it.")
    var maxWords: Int?

    func validate() throws {
        if let maxWords, maxWords < 1 { throw ValidationError("--max-words must be at least 1 (got \(maxWords)).") }
        guard jsonl else { throw ValidationError("Pass --jsonl: summarize reads JSON Lines on standard input.") }
        guard sentences >= 1 else { throw ValidationError("--sentences must be at least 1 (got \(sentences)).") }
        if let ratio, !(ratio > 0 && ratio <= 1) {
            throw ValidationError("--ratio must be above 0 and at most 1 (got \(ratio)).")
        }
    }

    func run() async throws {
        var options = SummaryOptions(sentences: sentences, ratio: ratio, maxSentences: max(sentences, 8))
        options.maxWords = maxWords
        for pair in (weights ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=")
            guard parts.count == 2, let value = Double(parts[1]) else { throw ValidationError("--weights: expected name=value, got \(pair)") }
            switch parts[0] {
            case "lead": options.leadWeight = value
            case "centrality": options.centralityWeight = value
            case "term": options.termWeight = value
            case "figure": options.figureWeight = value
            case "formula": options.formulaPenalty = value
            case "decay": options.leadDecay = value
            case "paragraph": options.paragraphLead = value
            case "redundancy": options.redundancy = value
            case "length": options.lengthWeight = value
            default: throw ValidationError("--weights: unknown weight \(parts[0])")
            }
        }
        // The same reader and segmenter as `bayan segment --jsonl`, so sentences match exactly.
        let driver = SummarizeJSONLDriver(
            reader: PlainTextReader(), segmenter: ArabicSentenceSegmenter(), summarizer: ExtractiveSummarizer(options: options))
        driver.run(readLine: { Swift.readLine(strippingNewline: true) }) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
