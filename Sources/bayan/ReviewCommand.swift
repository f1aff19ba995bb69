import ArgumentParser
import BayanCore
import Daemon
import Foundation
import Glossary
import Logging
import Review
import ReviewImport
import ServiceLifecycle
import Workspace

struct ReviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review translations: the workspace in the browser, and reviewed files from CAT tools.",
        subcommands: [ServeCommand.self, Import.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import reviewed XLIFF 2.1, XLIFF 1.2 or TMX files from CAT tools into the spool's documents.",
            discussion: """
                Each file is matched to a document published under the spool's out/ (by the document id \
                Bayan wrote into it: XLIFF <file original>, TMX prop x-bayan-document; else by the file \
                name, <document>.xlf), every unit's Arabic is checked against the document, and the \
                reviewed English is applied: XLIFF 2 reviewed/final and XLIFF 1.2 approved="yes", \
                signed-off or final approve; translated (2.x) or another non-empty target (1.2) edits; \
                initial, new or an empty target leaves the sentence alone. TMX units approve the \
                sentences they match; the rest go to the memory as reviewed pairs. A file with any \
                problem changes nothing and every problem is listed. Importing a file twice changes \
                nothing the second time. The daemon does the same for files dropped into reviewed/.

                Example: bayan review import --config config/bayan.yaml pr-2025-001.xlf
                """)

        @OptionGroup var options: ConfigOption
        @Argument(help: "The reviewed files (.xlf, .xliff, .tmx).") var files: [String]

        func run() async throws {
            let loaded = try options.loadOrExit()
            Logs.bootstrap(format: loaded.config.log.format, level: loaded.config.log.level)
            let logger = Logger(label: "bayan")
            let layout = SpoolLayout(root: loaded.config.spool.root)
            let glossary = GlossaryStore(files: loaded.config.glossary.files, logger: logger)
            let stages = try StageFactory.make(loaded, glossary: glossary, logger: logger)
            let desk = try WorkspaceFactory.desk(loaded.config, checks: { ReviewChecks(stages: stages) }, logger: logger)
            let importer = ReviewWiring.importer(layout: layout, desk: desk)
            var failures = 0
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else {
                    Stderr.print("bayan: cannot read \(file)")
                    failures += 1
                    continue
                }
                do {
                    let report = try await importer.run([UInt8](data), fileName: (file as NSString).lastPathComponent)
                    print("\(file) (\(report.plan.format), reviewer \(report.plan.reviewer)):")
                    for line in report.lines { print("  " + line) }
                } catch let refusal as ReviewImportRefusal {
                    Stderr.print("bayan: \(file): \(refusal)")
                    failures += 1
                } catch {
                    Stderr.print("bayan: \(file): \(error)")
                    failures += 1
                }
            }
            if failures > 0 { throw ExitCode(65) }
        }
    }

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
            let app = try Workspace.application(
                desk: desk, settings: settings, logger: logger,
                glossary: WorkspaceFactory.glossary(loaded.config, store: glossary, logger: logger))
            let group = ServiceGroup(
                configuration: .init(
                    services: [.init(service: app)], gracefulShutdownSignals: [.sigterm, .sigint],
                    logger: logger))
            try await group.run()
        }
    }
}
