import ArgumentParser
import Foundation
import Glossary
import QA

/// `bayan qa --jsonl`: checks Arabic–English sentence pairs, one JSON object per line.
struct QACommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qa",
        abstract: "Check Arabic–English sentence pairs (numbers, untranslated text, brackets, ...).",
        discussion: """
            Reads one JSON object per line on standard input and writes one per line on standard \
            output, flushed after each line, in the same order:

              in:  {"id": "1", "source": "<Arabic sentence>", "target": "<English sentence>"}
              out: {"id": "1", "issues": [{"check": "numbers", "message": "..."}]}

            Checks: \(StandardChecks.names.joined(separator: ", ")). An empty issues list means \
            the pair passed. A line that cannot be read gives {"id": ..., "error": "..."}.

            With --glossary FILE (TSV/CSV), the glossary terms found in each source are verified \
            in its target, and every miss is a `glossary` issue.

            Example:
              echo '{"id":"1","source":"ارتفع بنسبة ١٥٪","target":"It rose by 15%."}' | bayan qa --jsonl
            """)

    @Flag(name: .long, help: "Read and write JSON Lines (the only mode).")
    var jsonl = false

    @Option(name: .long, help: "Glossary file (TSV/CSV) for the glossary check.")
    var glossary: String?

    @Option(name: .long, parsing: .upToNextOption, help: "Checks to leave out, e.g. --disable length endpunc.")
    var disable: [String] = []

    func validate() throws {
        guard jsonl else { throw ValidationError("Pass --jsonl: qa reads JSON Lines on standard input.") }
        let unknown = disable.filter { !StandardChecks.names.contains($0) }
        guard unknown.isEmpty else {
            throw ValidationError("Unknown check(s) \(unknown.joined(separator: ", ")); known: \(StandardChecks.names.joined(separator: ", ")).")
        }
    }

    func run() async throws {
        var termHits: QAJSONLDriver.TermHitsProvider? = nil
        if let glossary {
            let loaded = GlossaryLoader.load([glossary])
            guard let terms = loaded.glossary else {
                for problem in loaded.errors { FileHandle.standardError.write(Data("bayan qa: \(problem.description)\n".utf8)) }
                throw ExitCode(1)
            }
            let snapshot = GlossarySnapshot(glossary: terms)
            termHits = { source, target in snapshot.verifier.verify(snapshot.matcher.matches(in: source), translation: target).hits }
        }
        let driver = QAJSONLDriver(checker: StandardChecks.suite(QAOptions(disabled: Set(disable))), termHits: termHits)
        driver.run(readLine: { Swift.readLine(strippingNewline: true) }) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
