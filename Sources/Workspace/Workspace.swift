import Daemon
import Foundation
import Hummingbird
import Logging
import Review
import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The review workspace: a Hummingbird `Application` (a `Service`) over a `ReviewDesk`. `bayan
/// run` adds it to the daemon's ServiceGroup; `bayan review serve` runs it alone.
public enum Workspace {
    /// Builds the application. `onListening` gets the bound address's URL once the socket is
    /// open (port 0 picks a free port); by default it is printed and stdout flushed.
    public static func application(
        desk: ReviewDesk, settings: WorkspaceSettings, logger: Logger, glossary: WorkspaceGlossary? = nil,
        onListening: @escaping @Sendable (String) -> Void = Workspace.printAddress
    ) throws -> some ApplicationProtocol {
        try settings.validate()
        let boundPort = Atomic<Int>(settings.port)
        let sessions = SessionStore()
        let router = Router(context: WorkspaceContext.self)
        // First, so it covers every route below and the not-found answer.
        router.add(middleware: SecurityMiddleware(settings: settings, sessions: sessions, port: { boundPort.load(ordering: .relaxed) }))
        let routes = WorkspaceRoutes(
            desk: desk, queue: SpoolQueue(layout: desk.layout), drop: InboxDrop(layout: desk.layout, maxBytes: settings.maxUploadBytes),
            sessions: sessions, settings: settings, metrics: WorkspaceMetrics(), glossary: glossary)
        routes.register(on: router)
        let host = settings.host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? settings.port
                boundPort.store(port, ordering: .relaxed)
                await desk.recover()
                let shown = host.contains(":") ? "[\(host)]" : host
                onListening("http://\(shown):\(port)/")
            },
            logger: logger)
    }

    /// Prints the workspace's address on its own line and flushes (stdout is block-buffered
    /// when it is a pipe or a file, and people and scripts read this line).
    @Sendable public static func printAddress(_ url: String) {
        // Unbuffered: written at once even when stdout is a pipe.
        FileHandle.standardOutput.write(Data("bayan: review workspace at \(url)\n".utf8))
    }
}

/// Runs the workspace inside the daemon's ServiceGroup without tying the pipeline to it: if the
/// server cannot start (the port is taken), the error is logged with what to do and the
/// daemon keeps translating.
public struct WorkspaceService<App: ApplicationProtocol>: Service {
    let app: App
    let logger: Logger
    let listen: String

    public init(app: App, listen: String, logger: Logger) {
        self.app = app
        self.listen = listen
        self.logger = logger
    }

    public func run() async throws {
        do {
            try await app.run()
        } catch {
            logger.error(
                "the review workspace could not start; the daemon keeps translating without it",
                metadata: ["listen": "\(listen)", "error": "\(error)", "fix": "free the port or set review.listen to another address, then restart"])
            try? await gracefulShutdown()
        }
    }
}
