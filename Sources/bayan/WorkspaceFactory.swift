import Daemon
import Foundation
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
}
