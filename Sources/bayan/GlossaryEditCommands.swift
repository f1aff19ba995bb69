import ArgumentParser
import BayanCore
import Daemon
import Foundation
import Glossary
import GlossaryWorkbench

/// What the glossary editing commands share: the configuration (glossary files, spool), the
/// history and the editor, the same `GlossaryFileEditor` the workspace uses.
struct GlossaryEditOptions: ParsableArguments {
    @OptionGroup var configOption: ConfigOption

    @Option(name: .long, help: "The spool folder whose .state/glossary.sqlite keeps the history (default: spool.root of the configuration).")
    var spool: String?

    @Option(name: .long, help: "Who makes the change, for the history (default: cli:$USER).")
    var actor: String?

    @Flag(name: .long, help: "add/edit/delete: print the result or the refusal as one JSON object on stdout (the workspace API's shape).")
    var json = false

    var who: String {
        if let actor { return actor }
        if let user = ProcessInfo.processInfo.environment["USER"], !user.isEmpty { return "cli:" + user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return "cli:" + String(cString: name) }
        return "cli:\(getuid())"
    }

    func loaded() throws -> LoadedConfig? {
        guard configOption.resolvedPath != nil else { return nil }
        return try configOption.loadOrExit()
    }

    func spoolRoot() throws -> String {
        if let spool { return spool }
        return try loaded()?.config.spool.root ?? BayanConfig().spool.root
    }

    func glossaryFiles() throws -> [String] {
        try loaded()?.config.glossary.files ?? [GlossaryCommand.defaultFile]
    }

    func history() throws -> GlossaryHistory {
        let root = try spoolRoot()
        do {
            return try GlossaryHistory(spoolRoot: root)
        } catch {
            Stderr.print("bayan: cannot open the glossary history in \(root)/.state: \(error)")
            throw ExitCode(74)
        }
    }

    /// The file to change: `file`, or the only configured file.
    func target(_ file: String?) throws -> String {
        if let file { return file }
        let files = try glossaryFiles()
        guard files.count == 1, let only = files.first else {
            Stderr.print("bayan: name the file to change with --file (glossary.files lists \(files.count): \(files.joined(separator: ", ")))")
            throw ExitCode(64)
        }
        return only
    }
}

extension GlossaryCommand {
    static func printJSON<T: Encodable>(_ value: T) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        if let data = try? encoder.encode(value) { write(String(decoding: data, as: UTF8.self)) }
    }

    /// Applies one edit and reports it; exit 1 for an invalid change, 75 for a conflict.
    static func apply(_ edit: GlossaryEdit, file: String, revision: String?, options: GlossaryEditOptions) throws {
        let editor = GlossaryFileEditor(history: try options.history())
        do throws(GlossaryEditError) {
            let current: String
            if let revision { current = revision } else { current = try editor.read(file).revision }
            let result = try editor.apply(edit, to: file, revision: current, actor: options.who)
            if options.json { printJSON(result) }
            for p in result.otherProblems where p.severity == .error { write(p.description, to: .standardError) }
            if let historyError = result.historyError { write("warning: \(historyError)", to: .standardError) }
            switch edit {
            case _ where options.json: break
            case .add: write("added \(result.after.map { "\($0.location): \(GlossaryEntryFields($0).summary)" } ?? "")")
            case .edit: write("changed \(result.after.map { "\($0.location): \(GlossaryEntryFields($0).summary)" } ?? "")")
            case .delete: write("deleted \(result.before.map { "\($0.location): \(GlossaryEntryFields($0).summary)" } ?? "")")
            }
            write("revision \(result.revision)", to: .standardError)
        } catch {
            if options.json { printJSON(error) }
            write(error.description, to: .standardError)
            switch error {
            case .conflict: throw ExitCode(75)
            case .invalid: throw ExitCode(1)
            default: throw ExitCode(66)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the entries of glossary files with their lines and the file's revision.",
            discussion: """
            Each entry is printed as FILE:LINE, then ar, en, note, avoid and match TAB-separated; with --jsonl one JSON object per entry. The revision (SHA-256 of the file) is printed on stderr: pass it to add, edit or delete with --revision to refuse a change if the file changed meanwhile.

            Example: bayan glossary list Glossary/customs.tsv
            """)

        @Argument(help: "Glossary files (default: glossary.files of the configuration).")
        var files: [String] = []

        @OptionGroup var options: GlossaryEditOptions

        @Flag(name: .long, help: "One JSON object per entry.")
        var jsonl = false

        func run() async throws {
            let editor = GlossaryFileEditor()
            for file in files.isEmpty ? try options.glossaryFiles() : files {
                do throws(GlossaryEditError) {
                    let contents = try editor.read(file)
                    GlossaryCommand.write("\(file): revision \(contents.revision)\(contents.editable ? "" : " (read-only)")", to: .standardError)
                    for e in contents.entries {
                        if jsonl {
                            GlossaryCommand.printJSON(e)
                        } else {
                            GlossaryCommand.write([e.location, e.ar, e.en, e.note.replacingOccurrences(of: "\n", with: " / "), e.avoid.joined(separator: "|"), e.exact ? "exact" : ""].joined(separator: "\t"))
                        }
                    }
                } catch {
                    GlossaryCommand.write(error.description, to: .standardError)
                    throw ExitCode(66)
                }
            }
        }
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add an entry to a glossary file, validated as a load validates it.",
            discussion: """
            The row is appended the file's own way (its delimiter, quoting, line breaks, extra columns left empty); nothing else in the file changes. An entry the file's check would refuse is refused with the same message. The change is recorded in <spool>/.state/glossary.sqlite; a running daemon picks it up at its next glossary poll.

            Example: bayan glossary add --file Glossary/local.tsv --ar "التخليص الجمركي" --en "customs clearance" --avoid "customs release"
            """)

        @OptionGroup var options: GlossaryEditOptions
        @Option(name: .long, help: "The glossary file (default: the only file in glossary.files).") var file: String?
        @Option(name: .long, help: "The Arabic term.") var ar: String
        @Option(name: .long, help: "The approved English.") var en: String
        @Option(name: .long, help: "A note (source, usage).") var note: String = ""
        @Option(name: .long, help: "An English rendering to flag; repeat for several.") var avoid: [String] = []
        @Flag(name: .long, help: "Match exactly (no clitic or inflection tolerance).") var exact = false
        @Option(name: .long, help: "The file revision you read (from `list`); refuse if it changed.") var revision: String?

        func run() async throws {
            let file = try options.target(self.file)
            try GlossaryCommand.apply(.add(GlossaryEntryFields(ar: ar, en: en, note: note, avoid: avoid, exact: exact)),
                                      file: file, revision: revision, options: options)
        }
    }

    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the entry that starts on a line of a glossary file.",
            discussion: """
            Fields not given keep their value. Only that row changes (its extra columns kept).

            Example: bayan glossary edit --file Glossary/local.tsv --line 12 --en "customs clearance" --avoid "customs release"
            """)

        @OptionGroup var options: GlossaryEditOptions
        @Option(name: .long, help: "The glossary file (default: the only file in glossary.files).") var file: String?
        @Option(name: .long, help: "The line the entry starts on (see `list`).") var line: Int
        @Option(name: .long) var ar: String?
        @Option(name: .long) var en: String?
        @Option(name: .long) var note: String?
        @Option(name: .long, help: "Replaces the avoid renderings; repeat for several.") var avoid: [String] = []
        @Flag(name: .long, help: "Clear the avoid renderings.") var clearAvoid = false
        @Flag(inversion: .prefixedNo, help: "Match exactly, or not.") var exact: Bool?
        @Option(name: .long, help: "The file revision you read (from `list`); refuse if it changed.") var revision: String?

        func run() async throws {
            let file = try options.target(self.file)
            let contents: GlossaryFileContents
            do throws(GlossaryEditError) { contents = try GlossaryFileEditor().read(file) } catch {
                GlossaryCommand.write(error.description, to: .standardError)
                throw ExitCode(66)
            }
            guard let old = contents.entries.first(where: { $0.line == line }) else {
                GlossaryCommand.write(GlossaryEditError.noEntry(file: file, line: line).description, to: .standardError)
                throw ExitCode(66)
            }
            var fields = GlossaryEntryFields(old)
            if let ar { fields.ar = ar }
            if let en { fields.en = en }
            if let note { fields.note = note }
            if !avoid.isEmpty || clearAvoid { fields.avoid = avoid }
            if let exact { fields.exact = exact }
            try GlossaryCommand.apply(.edit(line: line, fields), file: file, revision: revision ?? contents.revision, options: options)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the entry that starts on a line of a glossary file.",
            discussion: "Example: bayan glossary delete --file Glossary/local.tsv --line 12")

        @OptionGroup var options: GlossaryEditOptions
        @Option(name: .long, help: "The glossary file (default: the only file in glossary.files).") var file: String?
        @Option(name: .long, help: "The line the entry starts on (see `list`).") var line: Int
        @Option(name: .long, help: "The file revision you read (from `list`); refuse if it changed.") var revision: String?

        func run() async throws {
            try GlossaryCommand.apply(.delete(line: line), file: try options.target(file), revision: revision, options: options)
        }
    }

    struct History: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the changes made through Bayan (workspace or CLI), newest first.",
            discussion: """
            Each change: when (UTC), who, the action, FILE:LINE, and the entry before and after. Changes made to the files by hand are not in it (the file's own history is your version control).

            Example: bayan glossary history --limit 20
            """)

        @OptionGroup var options: GlossaryEditOptions
        @Option(name: .long, help: "Only the changes of this file.") var file: String?
        @Option(name: .long, help: "At most this many.") var limit: Int = 50
        @Flag(name: .long, help: "One JSON object per change.") var jsonl = false

        func run() async throws {
            let changes = try options.history().changes(file: file, limit: limit)
            let format = ISO8601DateFormatter()
            for c in changes {
                if jsonl {
                    GlossaryCommand.printJSON(c)
                    continue
                }
                var line = "\(format.string(from: c.at))  \(c.actor)  \(c.action.rawValue)  \(c.file):\(c.line)"
                if let before = c.before { line += "\n    before: \(before.summary)" }
                if let after = c.after { line += "\n    after:  \(after.summary)" }
                if let origin = c.origin { line += "\n    from:   \(origin)" }
                GlossaryCommand.write(line)
            }
            if changes.isEmpty { GlossaryCommand.write("no changes recorded", to: .standardError) }
        }
    }

    struct Suggest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Propose glossary entries learned from reviewers' corrections; accept or reject them.",
            discussion: """
            Reads the published out/*/result.json of the spool: segments with origin "reviewed" and both mt (machine English) and en (reviewed English). Where the reviewers replaced the engine's words with the same English in at least two segments sharing an Arabic word or phrase (1–4 words, clitics stripped as the matcher strips them), that phrase is proposed with avoid = the engine's rendering and the segments as evidence. --accept ID writes a proposal into --file (it becomes an entry whose note names its evidence); --reject ID remembers that it is not wanted, so it is not proposed again.

            Example: bayan glossary suggest --jsonl
            Example: bayan glossary suggest --accept 3f2a9c01b7de --file Glossary/local.tsv
            """)

        @OptionGroup var options: GlossaryEditOptions
        @Flag(name: .long, help: "One JSON object per proposal.") var jsonl = false
        @Option(name: .long, help: "Accept the proposal with this id.") var accept: String?
        @Option(name: .long, help: "Reject the proposal with this id.") var reject: String?
        @Option(name: .long, help: "With --accept: the file to write to (default: the file of the entry it corrects, or the only configured file).") var file: String?
        @Option(name: .long, help: "With --accept: use this English instead of the proposal's.") var en: String?
        @Option(name: .long, help: "A glossary file to compare against; repeat for several (default: glossary.files).") var glossary: [String] = []

        func run() async throws {
            let root = try options.spoolRoot()
            let files = glossary.isEmpty ? try options.glossaryFiles() : glossary
            let loaded = GlossaryLoader.load(files)
            let glossary = loaded.glossary ?? .empty
            if loaded.glossary == nil {
                GlossaryCommand.write("warning: the glossary files have errors (bayan glossary check); proposing against an empty glossary", to: .standardError)
            }
            let history = try options.history()
            let review = SuggestionReview(editor: GlossaryFileEditor(history: history), history: history)
            let suggestions = try review.pending(outDirectory: root + "/out", glossary: glossary)
            if let id = accept ?? reject {
                guard let s = suggestions.first(where: { $0.id == id }) else {
                    GlossaryCommand.write("no open proposal has the id \(id); list them with `bayan glossary suggest`", to: .standardError)
                    throw ExitCode(66)
                }
                if reject != nil {
                    try review.reject(s, actor: options.who)
                    GlossaryCommand.write("rejected \(s.id): «\(s.ar)» → \"\(s.en)\"; it will not be proposed again")
                    return
                }
                let target = try file ?? s.replaces?.file ?? options.target(nil)
                var fields = s.fields
                if let en { fields.en = en }
                do throws(GlossaryEditError) {
                    let revision = try review.editor.read(target).revision
                    let result = try review.accept(s, edited: fields, into: target, revision: revision, actor: options.who)
                    GlossaryCommand.write("accepted \(s.id): \(result.after.map { "\($0.location): \(GlossaryEntryFields($0).summary)" } ?? "")")
                } catch {
                    GlossaryCommand.write(error.description, to: .standardError)
                    if case .conflict = error { throw ExitCode(75) }
                    throw ExitCode(1)
                }
                return
            }
            for s in suggestions {
                if jsonl {
                    struct Line: Encodable {
                        var id: String, ar: String, en: String, avoid: [String], support: Int
                        var evidence: [GlossarySuggestion.Evidence]
                        var replaces: String?
                    }
                    GlossaryCommand.printJSON(Line(id: s.id, ar: s.ar, en: s.en, avoid: s.avoid, support: s.support, evidence: s.evidence,
                                                   replaces: s.replaces.map { "\($0.location): \($0.en)" }))
                } else {
                    var line = "\(s.id)  «\(s.ar)» → \"\(s.en)\"  (engine: \(s.avoid.joined(separator: " | ")); \(s.support) segments)"
                    if let old = s.replaces { line += "\n    corrects \(old.location): \"\(old.en)\"" }
                    line += "\n    evidence: " + s.evidenceSummary
                    GlossaryCommand.write(line)
                }
            }
            if suggestions.isEmpty { GlossaryCommand.write("no proposals", to: .standardError) }
        }
    }

    struct Occurrences: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the segments of published and queued documents a term matches.",
            discussion: """
            The term is matched as the pipeline matches it, over the configured glossary with the term in it. Published segments whose English lacks the term's English are the ones a reprocess would change (`bayan reprocess`). --citation prints the citation form Bayan suggests for a selected span instead.

            Example: bayan glossary occurrences --ar "التخليص الجمركي" --en "customs clearance"
            """)

        @OptionGroup var options: GlossaryEditOptions
        @Option(name: .long, help: "The Arabic term (or, with --citation, a selected span).") var ar: String
        @Option(name: .long, help: "The English of the term.") var en: String = ""
        @Flag(name: .long, help: "Print the suggested citation form of --ar and stop.") var citation = false
        @Flag(name: .long, help: "One JSON object per segment.") var jsonl = false

        func run() async throws {
            let glossary = GlossaryLoader.load(try options.glossaryFiles()).glossary ?? .empty
            if citation {
                GlossaryCommand.write(TermOccurrences.citationForm(for: ar, glossary: glossary))
                return
            }
            let found = TermOccurrences.find(GlossaryEntryFields(ar: ar, en: en.isEmpty ? "-" : en), in: glossary, spoolRoot: try options.spoolRoot())
            for o in found {
                if jsonl {
                    GlossaryCommand.printJSON(o)
                } else {
                    let mark = o.englishHasTerm == false ? "  (English lacks \"\(en)\")" : ""
                    GlossaryCommand.write("\(o.place.rawValue)  \(o.document) #\(o.segment)  «\(o.surface)»\(mark)")
                }
            }
            if found.isEmpty { GlossaryCommand.write("no segment matches «\(ar)»", to: .standardError) }
        }
    }
}
