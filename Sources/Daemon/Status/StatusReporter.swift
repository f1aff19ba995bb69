import Foundation
import Outputs
import Synchronization
import Translation

/// Collects what the daemon is doing and writes it to the status file (tmp + fsync + rename),
/// so `bayan status` can read a complete snapshot while the daemon runs.
public final class StatusReporter: Sendable {
    private let layout: SpoolLayout
    private let redactor: Redactor
    private let state: Mutex<StatusSnapshot>
    /// Documents that could not be translated yet (deferred at least once, not finished).
    private let waiting = Mutex<Set<String>>([])

    public init(layout: SpoolLayout, engineKind: String, engineURL: String, redactor: Redactor = .shared) {
        self.layout = layout
        self.redactor = redactor
        let now = Date().timeIntervalSince1970
        state = Mutex(StatusSnapshot(
            pid: getpid(), version: BayanVersion.string, startedAt: now, updatedAt: now, running: true, counts: [:],
            inFlight: [], lastErrors: [],
            engine: .init(kind: engineKind, url: engineURL, state: "ok", lastError: nil, deferredDocuments: 0),
            lastReload: nil, glossary: nil, processed: 0, failed: 0))
    }

    func started(_ job: ClaimedJob, stage: String) {
        state.withLock { s in
            s.inFlight.removeAll { $0.id == job.id }
            s.inFlight.append(.init(id: job.id, file: job.originalName, stage: stage, since: Date().timeIntervalSince1970))
        }
    }

    func stage(_ job: ClaimedJob, _ stage: String) {
        state.withLock { s in
            if let i = s.inFlight.firstIndex(where: { $0.id == job.id }) { s.inFlight[i].stage = stage }
        }
    }

    func ended(_ job: ClaimedJob, outcome: String, error: String? = nil) {
        let count = waiting.withLock { w -> Int in
            if outcome == "deferred" { w.insert(job.id) } else { w.remove(job.id) }
            return w.count
        }
        state.withLock { s in
            s.engine.deferredDocuments = count
            if outcome == "done", let started = s.inFlight.first(where: { $0.id == job.id })?.since {
                var histogram = s.documentSeconds ?? .init()
                histogram.observe(max(0, Date().timeIntervalSince1970 - started))
                s.documentSeconds = histogram
            }
            s.inFlight.removeAll { $0.id == job.id }
            if outcome == "done" { s.processed += 1 }
            if outcome == "failed" { s.failed += 1 }
            // A deferral is the engine's error, shown with the engine; it must not push real
            // document errors out of the list.
            if let error, outcome != "deferred" {
                s.lastErrors.insert(.init(time: Date().timeIntervalSince1970, file: job.originalName, message: error), at: 0)
                if s.lastErrors.count > 20 { s.lastErrors.removeLast() }
            }
        }
    }

    /// A file refused at the door (a link, a FIFO, too large...).
    func rejected(_ name: String, reason: String) {
        state.withLock { s in
            s.failed += 1
            s.lastErrors.insert(.init(time: Date().timeIntervalSince1970, file: name, message: reason), at: 0)
            if s.lastErrors.count > 20 { s.lastErrors.removeLast() }
        }
    }

    func engine(state newState: String, error: String?) {
        state.withLock { s in
            s.engine.state = newState
            if let error { s.engine.lastError = error }
        }
    }

    /// The engine's own view (breaker, quota hold, retries) overrides the daemon's when it is
    /// not healthy, so `bayan status` shows "open" or "hold" as soon as the engine knows it.
    /// The engine's own health is the truth about it; "deferred" means it answers again but
    /// documents that failed earlier still wait for their next try.
    func translatorStats(_ stats: TranslatorStats.Snapshot) {
        state.withLock { s in
            s.translation = .init(
                requests: stats.requests, requestsByOutcome: stats.outcomes, retries: stats.retries,
                sentencesTranslated: stats.sentencesTranslated, memoryHits: stats.memoryHits,
                charactersSent: stats.charactersSent)
        }
    }

    func engineHealth(_ health: EngineHealth.Snapshot) {
        let waitingCount = waiting.withLock { $0.count }
        state.withLock { s in
            if health.state != .ok {
                s.engine.state = health.state.rawValue
            } else {
                s.engine.state = waitingCount > 0 ? "deferred" : EngineState.ok.rawValue
            }
            if let error = health.lastError { s.engine.lastError = redactor.redact(error) }
        }
    }

    public func glossary(version: String?, entries: Int, problems: [String]) {
        state.withLock { $0.glossary = .init(version: version, entries: entries, problems: problems) }
    }

    /// The worker slots the dispatcher applies now (`workers`, after any reload).
    func workers(_ count: Int) {
        state.withLock { $0.workers = count }
    }

    public func reloaded(ok: Bool, problems: [String]) {
        state.withLock { $0.lastReload = .init(time: Date().timeIntervalSince1970, ok: ok, problems: problems) }
    }

    /// Writes the snapshot now.
    func write(running: Bool = true) {
        let snapshot = state.withLock { s -> StatusSnapshot in
            s.updatedAt = Date().timeIntervalSince1970
            s.running = running
            return s
        }
        var withCounts = snapshot
        withCounts.counts = FolderCounts.count(layout)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(withCounts) else { return }
        let text = redactor.redact(String(decoding: data, as: UTF8.self)) + "\n"
        try? DurableFS.replaceFile(layout.statusFile, Array(text.utf8))
        try? DurableFS.replaceFile(layout.metricsFile, Array(MetricsText.render(withCounts).utf8))
    }
}

/// Counts what is in each spool folder (files, not reason files).
public enum FolderCounts {
    public static func count(_ layout: SpoolLayout) -> [String: Int] {
        func files(_ path: String) -> Int {
            ((try? DurableFS.listDirectory(path)) ?? []).filter { !$0.hasPrefix(".") && !$0.hasSuffix(".reason.txt") }.count
        }
        return [
            "inbox": files(layout.inbox), "active": files(layout.active), "out": files(layout.out),
            "done": files(layout.done), "failed": files(layout.failed), "reviewed": files(layout.reviewed),
        ]
    }
}
