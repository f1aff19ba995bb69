import ArgumentParser
import Daemon
import Foundation

struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Work with the configuration.",
        discussion: "Example: bayan config check --config config/bayan.yaml",
        subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the configuration and print every problem with its key path.",
            discussion: """
                Reads the file and the BAYAN_… environment overrides exactly as `bayan run` would. Exits 0 \
                when the configuration is valid, 78 otherwise.

                Example: bayan config check --config config/bayan.yaml
                """)

        @OptionGroup var options: ConfigOption

        func run() async throws {
            let loaded = ConfigLoader.load(path: options.resolvedPath)
            Redactor.shared.register(loaded.apiKey)
            let source = options.resolvedPath ?? "(built-in defaults)"
            guard loaded.problems.isEmpty else {
                for problem in loaded.problems { print("\(source): \(Redactor.shared.redact(problem.description))") }
                print("\(loaded.problems.count) problem(s) found")
                throw ExitCode(78)
            }
            let c = loaded.config
            print("\(source): OK")
            print("spool.root=\(c.spool.root) workers=\(c.workers) engine.kind=\(c.engine.kind) engine.url=\(c.engine.url)")
            print("engine.concurrency=\(c.engine.concurrency) engine.batch_size=\(c.engine.batchSize) api key: \(loaded.apiKey == nil ? "none" : "set (<redacted>)")")
        }
    }
}
