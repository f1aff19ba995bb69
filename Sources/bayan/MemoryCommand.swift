import ArgumentParser
import Daemon
import Foundation
import Translation

struct MemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Export or import the translation memory (.state/memory.sqlite) as TMX 1.4b.",
        subcommands: [Export.self, Import.self])

    static func open(_ options: ConfigOption) throws -> TranslationMemory {
        let loaded = try options.loadOrExit()
        let path = SpoolLayout(root: loaded.config.spool.root).state + "/memory.sqlite"
        do {
            return try TranslationMemory(path: path)
        } catch {
            Stderr.print("bayan: \(error)")
            throw ExitCode(74)
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every remembered sentence pair as TMX 1.4b (to standard output, or --out FILE).",
            discussion: """
                Each unit carries its origin (mt or approved), engine, model and glossary terms as \
                x-bayan-* props, so an export can be imported back unchanged.

                Example: bayan memory export --format tmx --out memory.tmx
                """)

        @OptionGroup var options: ConfigOption
        @Option(help: "Output format (tmx).") var format: String = "tmx"
        @Option(help: "File to write (default: standard output).") var out: String?

        func validate() throws {
            guard format == "tmx" else { throw ValidationError("--format must be tmx") }
        }

        func run() async throws {
            let memory = try MemoryCommand.open(options)
            let text = MemoryTMX.write(try memory.allUnits())
            if let out {
                do {
                    try text.write(toFile: out, atomically: true, encoding: .utf8)
                } catch {
                    Stderr.print("bayan: cannot write \(out): \(error)")
                    throw ExitCode(73)
                }
                Stderr.print("bayan: wrote \(try memory.count()) unit(s) to \(out)")
            } else {
                FileHandle.standardOutput.write(Data(text.utf8))
            }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load Arabic–English pairs from a TMX file as approved translations (they win over machine translation).",
            discussion: """
                Units need an Arabic (ar…) and an English (en…) variant; others are skipped and counted. \
                Units exported by Bayan as machine translations stay machine translations unless \
                --approve is given.

                Example: bayan memory import reviewed.tmx
                """)

        @OptionGroup var options: ConfigOption
        @Flag(help: "Treat every unit as approved, even those Bayan exported as machine translations.") var approve = false
        @Argument(help: "The TMX file.") var file: String

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                Stderr.print("bayan: cannot read \(file)")
                throw ExitCode(66)
            }
            let memory = try MemoryCommand.open(options)
            do {
                let result = try MemoryTMX.read(data, keepOrigin: !approve)
                let written = try memory.insert(result.units)
                let approved = result.units.filter { $0.origin == .approved }.count
                print("\(file): imported \(written) unit(s) (\(approved) approved), skipped \(result.skipped) without Arabic and English text")
            } catch {
                Stderr.print("bayan: \(file): \(error)")
                throw ExitCode(65)
            }
        }
    }
}
