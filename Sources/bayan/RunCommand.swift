import ArgumentParser
import Daemon
import Foundation
import Glossary
import Logging
import Review
import ServiceLifecycle
import Workspace
import Translation

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the daemon in the foreground (systemd-friendly): watch the inbox and publish results.",
        discussion: """
            Drop .txt files into <spool.root>/inbox/; results appear in <spool.root>/out/<name>/, originals \
            move to done/ (or to failed/ with a <name>.reason.txt). Reviewed XLIFF or TMX files dropped into \
            reviewed/ are imported (see bayan review import). SIGTERM or SIGINT stops claiming, lets \
            documents in flight finish within shutdown_grace and exits 0. SIGHUP reloads the configuration \
            (a broken file keeps the running one).

            Example: bayan run --config config/bayan.yaml --log-format json
            """)

    @OptionGroup var options: ConfigOption
    @Option(name: .long, help: "Log line format: text or json (overrides log.format).")
    var logFormat: LogFormatOption?

    func run() async throws {
        // A SIGHUP before the reload service traps it must not kill the daemon (its default action).
        signal(SIGHUP, SIG_IGN)
        Self.raiseOpenFileLimit()
        let loaded = try options.loadOrExit()
        Logs.bootstrap(format: logFormat?.rawValue ?? loaded.config.log.format, level: loaded.config.log.level)
        let logger = Logger(label: "bayan")
        let layout = SpoolLayout(root: loaded.config.spool.root)
        do {
            try layout.create()
        } catch {
            Stderr.print("bayan: cannot create the spool at \(layout.root): \(error)")
            throw ExitCode(73)
        }
        let database: JobDatabase?
        do {
            database = try JobDatabase(path: layout.database)
        } catch {
            logger.error("the job database cannot be opened; running without history", metadata: ["error": "\(error)"])
            database = nil
        }
        let glossary = GlossaryStore(files: loaded.config.glossary.files, logger: logger)
        let counters = TranslatorStats()
        let stages = try StageFactory.make(loaded, glossary: glossary, logger: logger, stats: counters)
        let holder = StagesHolder(config: loaded.config, stages: stages)
        let status = StatusReporter(layout: layout, engineKind: loaded.config.engine.kind, engineURL: loaded.config.engine.url)
        let glossaryService = GlossaryWatchService(
            watcher: GlossaryWatcher(store: glossary, interval: .milliseconds(Int(loaded.config.glossary.reloadInterval * 1000))),
            status: status)
        let spool = SpoolService(layout: layout, holder: holder, database: database, status: status, logger: logger)
        // One review desk serves the workspace and reviewed files dropped into reviewed/ alike.
        let desk: ReviewDesk
        do {
            desk = try WorkspaceFactory.desk(
                loaded.config, checks: { ReviewChecks(stages: holder.snapshot.pipeline.stages) }, logger: logger)
        } catch {
            Stderr.print("bayan: review state: \(error)")
            throw ExitCode(78)
        }
        let reviewed = ReviewedFolderService(
            layout: layout, holder: holder, importer: ReviewWiring.importer(layout: layout, desk: desk), logger: logger)
        let reload = ReloadService(
            configPath: options.resolvedPath, holder: holder, status: status, glossary: glossary, logger: logger,
            factory: { try StageFactory.make($0, glossary: glossary, logger: logger, stats: counters) },
            onReload: {
                glossary.reload()
                spool.poke()
            })
        logger.info(
            "bayan started",
            metadata: ["spool": "\(layout.root)", "glossary_entries": "\(glossary.snapshot.entryCount)", "engine": "\(loaded.config.engine.kind)", "url": "\(loaded.config.engine.url)", "workers": "\(loaded.config.workers)", "pid": "\(getpid())"])
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = [
            .init(service: spool, successTerminationBehavior: .gracefullyShutdownGroup, failureTerminationBehavior: .gracefullyShutdownGroup),
            .init(service: reload),
            .init(service: glossaryService),
            .init(service: reviewed),
        ]
        // The review workspace: one more service, stopped first on shutdown (reverse order).
        if loaded.config.review.enabled {
            do {
                let settings = try WorkspaceFactory.settings(loaded.config)
                let app = try Workspace.application(
                    desk: desk, settings: settings, logger: logger,
                    glossary: WorkspaceFactory.glossary(loaded.config, store: glossary, logger: logger))
                services.append(.init(
                    service: WorkspaceService(app: app, listen: loaded.config.review.listen, logger: logger),
                    successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
            } catch {
                Stderr.print("bayan: review workspace: \(error)")
                throw ExitCode(78)
            }
        }
        let group = ServiceGroup(
            configuration: .init(
                services: services,
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
    }

    /// Each document in flight holds its claimed file open (its lock), and a publishing one six
    /// more: lift the soft open-file limit (often 1024) to the hard one, up to 65,536.
    static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return }
        let wanted = min(limit.rlim_max, 65_536)
        guard limit.rlim_cur < wanted else { return }
        limit.rlim_cur = wanted
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
