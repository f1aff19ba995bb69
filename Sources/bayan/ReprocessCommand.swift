import ArgumentParser
import Daemon
import Foundation
import Outputs

struct ReprocessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprocess",
        abstract: "Send processed originals from done/ through the pipeline again (after a glossary fix).",
        discussion: """
            Moves each named file from <spool>/done/ back into the inbox with one rename, so the \
            daemon takes it at once. Its new result replaces the old one in out/<stem>/ (same content, \
            same folder). With the translation memory on, only the sentences whose glossary terms \
            changed are sent to the engine again.

            Example: bayan reprocess 000_62ba54d9c0d0bfaf.txt
            """)

    @OptionGroup var options: ConfigOption
    @Argument(help: "Names of files in done/.")
    var names: [String]

    func validate() throws {
        guard !names.isEmpty else { throw ValidationError("name at least one file from done/") }
        for name in names where name.contains("/") || name == "." || name == ".." {
            throw ValidationError("\(name): give the file name as it appears in done/, without a folder")
        }
    }

    func run() async throws {
        let loaded = try options.loadOrExit()
        let layout = SpoolLayout(root: loaded.config.spool.root)
        var failures = 0
        for name in names {
            do {
                let outcome = try Reprocess.requeue(name, layout: layout)
                if outcome == .queued {
                    print(outcome.message(name, layout: layout))
                } else {
                    failures += 1
                    Stderr.print("bayan: " + outcome.message(name, layout: layout))
                }
            } catch {
                failures += 1
                Stderr.print("bayan: \(name): \(error)")
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
