import Glossary
import Logging
import ServiceLifecycle

/// Live glossary editing: polls the glossary files, validates on change and swaps atomically;
/// a broken edit keeps the previous glossary, and `bayan status` shows each problem.
public final class GlossaryWatchService: Service, Sendable {
    private let watcher: GlossaryWatcher
    private let status: StatusReporter

    public init(watcher: GlossaryWatcher, status: StatusReporter) {
        self.watcher = watcher
        self.status = status
        Self.report(watcher.store, to: status)
    }

    public func run() async throws {
        // The watcher polls until cancelled, then ends its outcome stream.
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.watcher.run() }
                group.addTask {
                    for await _ in self.watcher.outcomes { Self.report(self.watcher.store, to: self.status) }
                }
            }
        }
    }

    static func report(_ store: GlossaryStore, to status: StatusReporter) {
        let snapshot = store.snapshot
        status.glossary(
            version: snapshot.entryCount > 0 ? snapshot.version : nil, entries: snapshot.entryCount,
            problems: store.lastProblems.map(\.description))
    }
}
