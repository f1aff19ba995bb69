import Glossary
import Logging
import ServiceLifecycle
import UnixSignals

/// SIGHUP: reload the configuration. Validate first, build the new stages, then swap; a bad
/// file keeps the running configuration and says why (in the log and in `bayan status`).
/// A new `glossary.files` list is read and validated with the rest, and goes live with it.
public final class ReloadService: Service, Sendable {
    public typealias Factory = @Sendable (LoadedConfig) throws -> PipelineStages

    private let configPath: String?
    private let holder: StagesHolder
    private let factory: Factory
    private let status: StatusReporter
    private let glossary: GlossaryStore?
    private let logger: Logger
    private let onReload: @Sendable () -> Void

    public init(
        configPath: String?, holder: StagesHolder, status: StatusReporter, glossary: GlossaryStore? = nil, logger: Logger,
        factory: @escaping Factory, onReload: @escaping @Sendable () -> Void = {}
    ) {
        self.configPath = configPath
        self.glossary = glossary
        self.holder = holder
        self.factory = factory
        self.status = status
        self.logger = logger
        self.onReload = onReload
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        for await _ in signals.cancelOnGracefulShutdown() {
            reload()
        }
    }

    /// Loads, validates and swaps; returns whether the new configuration is now in force.
    @discardableResult
    public func reload() -> Bool {
        SystemdNotifier().notify("RELOADING=1")
        defer { SystemdNotifier().notify("READY=1") }
        let loaded = ConfigLoader.load(path: configPath)
        var problems = loaded.problems.map(\.description)
        if problems.isEmpty && loaded.config.spool.root != holder.snapshot.config.spool.root {
            problems.append("spool.root: changing the spool folder needs a restart; the running daemon keeps \(holder.snapshot.config.spool.root)")
        }
        var newGlossary: GlossaryStore.Prepared?
        if problems.isEmpty, let glossary, loaded.config.glossary.files != glossary.files {
            do {
                newGlossary = try glossary.prepare(files: loaded.config.glossary.files)
            } catch let rejected as GlossaryStore.Rejected {
                problems.append("glossary.files: the new glossary files have errors; the running glossary stays")
                problems += rejected.problems.map(\.description)
            } catch {
                problems.append("glossary.files: \(error)")
            }
        }
        if problems.isEmpty {
            do {
                let stages = try factory(loaded)
                Redactor.shared.register(loaded.apiKey)
                if let newGlossary { glossary?.adopt(newGlossary) }
                holder.swap(config: loaded.config, stages: stages)
                status.reloaded(ok: true, problems: [])
                logger.notice("configuration reloaded", metadata: ["file": "\(configPath ?? "(defaults)")"])
                onReload()
                return true
            } catch {
                problems.append("\(error)")
            }
        }
        for problem in problems { logger.error("configuration reload refused; keeping the running configuration", metadata: ["problem": "\(problem)"]) }
        status.reloaded(ok: false, problems: problems)
        return false
    }
}
