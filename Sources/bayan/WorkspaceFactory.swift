import Daemon
import Foundation
import Glossary
import Logging
import Review
import Translation
import Workspace

/// Builds the review desk and the workspace application from the configuration.
enum WorkspaceFactory {
    static func settings(_ config: BayanConfig, listenOverride: String? = nil) throws -> WorkspaceSettings {
        let listen = try ReviewListen.parse(listenOverride ?? config.review.listen)
        var settings = WorkspaceSettings(host: listen.host, port: listen.port, extraHosts: config.review.hosts, maxUploadBytes: config.spool.maxInputBytes)
        if let file = config.review.tokenFile { settings.tokens = try WorkspaceSettings.readTokens(path: file) }
        try settings.validate()
        return settings
    }

    static func desk(_ config: BayanConfig, checks: @escaping @Sendable () -> ReviewChecks, logger: Logger) throws -> ReviewDesk {
        let layout = SpoolLayout(root: config.spool.root)
        try layout.create()
        var memory: TranslationMemory? = nil
        if config.engine.memory {
            do {
                memory = try TranslationMemory.shared(path: layout.state + "/memory.sqlite")
            } catch {
                logger.error("the translation memory cannot be opened; approvals stay in the review only", metadata: ["error": "\(error)"])
            }
        }
        return try ReviewDesk(
            layout: layout, memory: memory, checks: checks, languages: (config.engine.source, config.engine.target),
            fuzzyThreshold: config.review.fuzzyThreshold, logger: logger)
    }

    /// The glossary page over the daemon's live store (an edit goes live at once). Without its
    /// history database the page is left out and the workspace still serves the review.
    static func glossary(_ config: BayanConfig, store: GlossaryStore, logger: Logger) -> WorkspaceGlossary? {
        do {
            return try WorkspaceGlossary(store: store, spoolRoot: config.spool.root)
        } catch {
            logger.error("the glossary history cannot be opened; the workspace runs without its glossary page", metadata: ["error": "\(error)"])
            return nil
        }
    }
}
