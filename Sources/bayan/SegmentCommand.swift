import ArabicText
import ArgumentParser
import BayanCore
import Foundation

/// `bayan segment`: the daemon's readers and segmenter from the command line.
struct SegmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split Arabic documents into sentences, one per line.",
        discussion: """
            Reads each FILE (.txt/.md in UTF-8, UTF-16 or Windows-1256, .docx, .html) with the same \
            readers and segmenter as the daemon and prints one sentence per line.

            With --jsonl, reads JSON Lines from standard input and writes one line per input line, \
            flushed at once, so other programs can drive it:
              echo '{"doc_id": "a", "text": "وصل الوفد. وبدأ الاجتماع."}' | bayan segment --jsonl
              {"doc_id":"a","sentences":["وصل الوفد.","وبدأ الاجتماع."]}
            A line that cannot be read gives {"doc_id": ..., "error": "..."} and the stream goes on.
            """)

    @Flag(name: .long, help: "Read {\"doc_id\", \"text\"} JSON Lines on stdin; write {\"doc_id\", \"sentences\"} per line.")
    var jsonl = false

    @Flag(name: .long, help: "Also end sentences at «؛» and «;».")
    var breakAtSemicolon = false

    @Option(name: .long, help: "Split sentences longer than this many characters at clause boundaries.")
    var maxSentenceChars: Int?

    @Option(name: .long, help: "A file of extra abbreviations, one per line (a leading ~ marks one that may end a sentence).")
    var abbreviations: String?

    @Argument(help: "Documents to segment.")
    var files: [String] = []

    func validate() throws {
        if !jsonl && files.isEmpty { throw ValidationError("Give one or more files, or --jsonl to read JSON Lines from stdin.") }
        if jsonl && !files.isEmpty { throw ValidationError("--jsonl reads standard input; do not also give files.") }
        if let max = maxSentenceChars, max < 20 { throw ValidationError("--max-sentence-chars must be at least 20.") }
    }

    func run() async throws {
        var options = SegmenterOptions(breakAtSemicolon: breakAtSemicolon, maxSentenceScalars: maxSentenceChars)
        if let path = abbreviations {
            guard let list = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ValidationError("Cannot read the abbreviation list \(path) as UTF-8 text.")
            }
            options.addAbbreviations(fromList: list)
        }
        let segmenter = ArabicSentenceSegmenter(options: options)
        if jsonl {
            JSONLinesIO.run { line in
                // A line is blank only if it does not start an object (checking every character is slow).
                line.utf8.first != UInt8(ascii: "{") && line.allSatisfy(\.isWhitespace) ? nil : SegmentJSONL.process(line: line, segmenter: segmenter)
            }
            return
        }
        let reader = SniffingDocumentReader()
        var failed = false
        for path in files {
            do {
                // Read at most one byte over the limit, so a huge file costs no memory to refuse.
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    throw BayanError(.io, "Cannot open \(path): check that it exists and is readable.")
                }
                defer { try? handle.close() }
                let data = try handle.read(upToCount: reader.limits.maxFileBytes + 1) ?? Data()
                let name = (path as NSString).lastPathComponent
                let document = try reader.read(Array(data), fileName: name)
                var out = ""
                for segment in segmenter.segment(document) { out += segment.text + "\n" }
                FileHandle.standardOutput.write(Data(out.utf8))
            } catch {
                FileHandle.standardError.write(Data("bayan segment: \(error)\n".utf8))
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}
