import ArgumentParser
import Daemon
import Foundation
import Glossary
import Logging
import Review
import ServiceLifecycle
import Workspace

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "The review workspace: correct and approve translations in the browser.",
        subcommands: [ServeCommand.self])

    struct ServeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve",
            abstract: "Serve the review workspace alone over an existing spool (no translating).",
            discussion: """
                `bayan run` serves the workspace itself (review.enabled); use this to review a spool while \
                no daemon runs, or on another port. Prints the address, then serves until SIGTERM or SIGINT.

                Example: bayan review serve --config config/bayan.yaml --listen 127.0.0.1:8711
                """)

        @OptionGroup var options: ConfigOption
        @Option(help: "Address to listen on (overrides review.listen), e.g. 127.0.0.1:8711; port 0 picks a free port.")
        var listen: String?

        func run() async throws {
            let loaded = try options.loadOrExit()
            Logs.bootstrap(format: loaded.config.log.format, level: loaded.config.log.level)
            let logger = Logger(label: "bayan")
            let settings: WorkspaceSettings
            do {
                settings = try WorkspaceFactory.settings(loaded.config, listenOverride: listen)
            } catch {
                Stderr.print("bayan: \(error)")
                throw ExitCode(78)
            }
            let glossary = GlossaryStore(files: loaded.config.glossary.files, logger: logger)
            let stages = try StageFactory.make(loaded, glossary: glossary, logger: logger)
            let desk = try WorkspaceFactory.desk(loaded.config, checks: { ReviewChecks(stages: stages) }, logger: logger)
            let app = try Workspace.application(desk: desk, settings: settings, logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            try await group.run()
        }
    }
}
