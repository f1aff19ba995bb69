import ArgumentParser
import BayanCore
import Foundation
import Glossary

/// `bayan glossary …`: check, match, import and export the term base.
struct GlossaryCommand: AsyncParsableCommand {
    static let defaultFile = "Glossary/customs.tsv"

    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Check, edit, match, import and export the customs glossary; learn terms from reviews.",
        discussion: """
        Glossary files are UTF-8 TSV with a header row `ar<TAB>en<TAB>note` and optional columns `avoid` (English renderings to flag, separated by |) and `match` (`exact`); `#` starts a comment line. CSV as Excel and LibreOffice write it (BOM, `;`, quoted line breaks), UTF-16 text and TBX are read too; a two-column file without a header (DeepL's format) is read as Arabic, English; unknown columns are kept and ignored with a warning. Several files are merged in order; later files win. Without files, \(defaultFile) is used. add, edit and delete change one entry through the same validator and record it in the history (TBX files are read-only).

        Example: bayan glossary check Glossary/customs.tsv local.tsv
        """,
        subcommands: [Check.self, Match.self, Import.self, Export.self,
                      // Editing, history, suggestions, occurrences: GlossaryEditCommands.swift.
                      List.self, Add.self, Edit.self, Delete.self, History.self, Suggest.self, Occurrences.self])

    static func write(_ line: String, to handle: FileHandle = .standardOutput) {
        handle.write(Data((line + "\n").utf8))
    }

    /// Loads and validates `files`, printing every problem on stderr; throws on errors.
    static func loadOrFail(_ files: [String]) throws -> Glossary {
        let result = GlossaryLoader.load(files.isEmpty ? [defaultFile] : files)
        for problem in result.problems { write(problem.description, to: .standardError) }
        guard let glossary = result.glossary else {
            write("glossary invalid: \(result.errors.count) problem(s); fix them and run `bayan glossary check`", to: .standardError)
            throw ExitCode(1)
        }
        return glossary
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate glossary files: exit 0 when valid, else one line per problem.",
            discussion: """
            Each problem is printed as FILE:LINE: message, and the message names the fix (wrong column count, empty field, one Arabic term with two English terms, a source that is not Arabic, invisible or direction characters, stray spaces, duplicates). Overrides between files are printed as warnings and do not fail the check.

            Example: bayan glossary check Glossary/customs.tsv
            """)

        @Argument(help: "Glossary files (TSV, CSV or TBX), merged in order.")
        var files: [String] = []

        func run() async throws {
            let files = self.files.isEmpty ? [GlossaryCommand.defaultFile] : self.files
            let result = GlossaryLoader.load(files)
            for problem in result.problems { GlossaryCommand.write(problem.description) }
            guard let glossary = result.glossary else { throw ExitCode(1) }
            GlossaryCommand.write("ok: \(glossary.entries.count) entries, version \(glossary.version)", to: .standardError)
        }
    }

    struct Match: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find glossary terms in Arabic text read from stdin.",
            discussion: """
            With --jsonl, each input line is {"id": S, "text": S} and each output line is {"id": S, "matches": [{"start": N, "end": N, "ar": S, "en": S}]}, flushed per line; offsets are Unicode-scalar offsets into text, end exclusive. Without --jsonl the whole input is one text and each hit is printed as start, end, surface, ar, en (TAB-separated).

            Example: echo '{"id":"1","text":"وبالجمارك"}' | bayan glossary match --glossary Glossary/customs.tsv --jsonl
            """)

        @Option(name: .long, help: "A glossary file; repeat for several (later wins).")
        var glossary: [String] = []

        @Flag(name: .long, help: "Read and write JSON lines.")
        var jsonl = false

        func run() async throws {
            let matcher = CliticTermMatcher(glossary: try GlossaryCommand.loadOrFail(glossary))
            if jsonl {
                JSONLinesIO.run { GlossaryJSONL.answer($0, matcher: matcher) }
                return
            }
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(decoding: data, as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            for hit in matcher.matches(in: text) where hit.end <= scalars.count {
                var surface = String.UnicodeScalarView()
                surface.append(contentsOf: scalars[hit.start..<hit.end])
                GlossaryCommand.write("\(hit.start)\t\(hit.end)\t\(String(surface))\t\(hit.ar)\t\(hit.en)")
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a TBX file (TBX-Basic v3, or v2 martif) to the TSV glossary format.",
            discussion: """
            Deprecated or superseded English terms become `avoid` renderings. The result is validated; problems are printed on stderr and make the exit status non-zero.

            Example: bayan glossary import terms.tbx --out Glossary/imported.tsv
            """)

        @Argument(help: "The TBX file to read.")
        var file: String

        @Option(name: .long, help: "Where to write the TSV (default: stdout).")
        var out: String?

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                GlossaryCommand.write("\(file): cannot read the file; check the path", to: .standardError)
                throw ExitCode(1)
            }
            let parsed = GlossaryLoader.parse(data, file: file, format: .tbx)
            let problems = parsed.problems + GlossaryTSVWriter.problems(parsed.entries)
            let tsv = GlossaryTSVWriter.write(parsed.entries)
            if let out {
                try Data(tsv.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
                GlossaryCommand.write("wrote \(parsed.entries.count) entries to \(out)", to: .standardError)
            } else {
                FileHandle.standardOutput.write(Data(tsv.utf8))
            }
            for problem in problems { GlossaryCommand.write(problem.description, to: .standardError) }
            if problems.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
        }
    }

    struct Export: AsyncParsableCommand {
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case tbx, tsv
        }

        static let configuration = CommandConfiguration(
            abstract: "Write the merged glossary as TBX-Basic (for CAT tools) or as one TSV.",
            discussion: """
            The glossary must be valid. TBX output is TBX v3 (urn:iso:std:iso:30042:ed-2), with `avoid` renderings as deprecated English terms.

            Example: bayan glossary export --format tbx --glossary Glossary/customs.tsv --out customs.tbx
            """)

        @Option(name: .long, help: "tbx or tsv.")
        var format: Format

        @Option(name: .long, help: "A glossary file; repeat for several (later wins).")
        var glossary: [String] = []

        @Option(name: .long, help: "Where to write (default: stdout).")
        var out: String?

        func run() async throws {
            let merged = try GlossaryCommand.loadOrFail(glossary)
            if format == .tsv {
                // A TBX source can hold what a TSV cannot say; refuse rather than change it.
                let problems = GlossaryTSVWriter.problems(merged.entries)
                for problem in problems { GlossaryCommand.write(problem.description, to: .standardError) }
                if !problems.isEmpty { throw ExitCode(1) }
            }
            let text = format == .tbx ? TBXWriter.write(merged) : GlossaryTSVWriter.write(merged.entries)
            if let out {
                try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }
}
