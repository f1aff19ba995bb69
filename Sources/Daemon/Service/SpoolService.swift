import BayanCore
import Foundation
import Logging
import Outputs
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// The daemon: recovers what a previous run left in active/, watches the inbox (inotify as a
/// hint, scans as the truth), claims settled files while a worker is free, and runs up to
/// up to `documents_in_flight` documents at once, `workers` of them in the CPU stages (both
/// follow a reload). On graceful shutdown it stops claiming, lets in-flight documents
/// finish within `shutdown_grace`, and leaves the rest in active/ for the next start.
public final class SpoolService: Service, Sendable {
    private let layout: SpoolLayout
    private let holder: StagesHolder
    private let database: JobDatabase?
    private let status: StatusReporter
    private let logger: Logger
    private let wake = WakeSignal()
    private let systemd = SystemdNotifier()
    /// Set by a reload: documents waiting for the engine are tried again at once.
    private let retryDeferredNow = StopFlag()

    public init(layout: SpoolLayout, holder: StagesHolder, database: JobDatabase?, status: StatusReporter, logger: Logger) {
        self.layout = layout
        self.holder = holder
        self.database = database
        self.status = status
        self.logger = logger
    }

    /// Wakes the dispatcher after a config reload, and tells systemd the reload is over.
    public func poke() {
        systemd.notify("READY=1")
        retryDeferredNow.set()
        wake.signal()
    }

    public func run() async throws {
        try layout.create()
        TempCleaner.clean(layout, logger: logger)
        let watcher: InotifyWatcher?
        do {
            watcher = try InotifyWatcher(folder: layout.inbox)
        } catch {
            watcher = nil
            logger.warning("inotify is unavailable; relying on periodic scans", metadata: ["error": "\(error)"])
        }
        let hints = HintInbox()
        let stopping = StopFlag()
        await withGracefulShutdownHandler {
            await withTaskGroup(of: Void.self) { group in
                if let watcher {
                    group.addTask {
                        for await hint in watcher.hints {
                            hints.add(hint)
                            self.wake.signal()
                        }
                    }
                }
                group.addTask { await self.statusLoop(stopping: stopping) }
                if let interval = self.systemd.watchdogInterval {
                    group.addTask {
                        while !stopping.isSet {
                            self.systemd.notify("WATCHDOG=1")
                            try? await Task.sleep(for: .seconds(interval))
                        }
                    }
                }
                self.systemd.notify("READY=1\nSTATUS=watching \(self.layout.inbox)")
                await self.dispatch(hints: hints, stopping: stopping)
                watcher?.stop()
                stopping.set()
                self.wake.signal()
            }
        } onGracefulShutdown: {
            self.systemd.notify("STOPPING=1")
            stopping.set()
            self.wake.signal()
        }
        status.write(running: false)
        logger.info("stopped")
    }

    private func statusLoop(stopping: StopFlag) async {
        while !stopping.isSet {
            status.engineHealth(holder.snapshot.pipeline.stages.translator.state)
            status.translatorStats(holder.snapshot.pipeline.stages.translator.stats.snapshot)
            status.write()
            try? await Task.sleep(for: .seconds(holder.snapshot.config.statusInterval))
        }
    }

    private func dispatch(hints: HintInbox, stopping: StopFlag) async {
        let slots = WorkerSlots(holder.snapshot.config.workers)
        let processor = JobProcessor(layout: layout, holder: holder, database: database, status: status, logger: logger, slots: slots)
        var inbox = DropFolder(path: layout.inbox)
        var recovered = Claimer(layout: layout, maxInputBytes: holder.snapshot.config.spool.maxInputBytes).recoverOrphans()
        if !recovered.isEmpty { logger.info("recovered documents left in active/", metadata: ["count": "\(recovered.count)"]) }
        var deferred: [(job: ClaimedJob, due: Double)] = []
        var running = 0
        var bytesRunning = 0  // input bytes of the documents running, against bytes_in_flight
        let finished = FinishedJobs()

        // A discarding group: a plain TaskGroup keeps every finished child until next() takes
        // it, and this loop never does, so each document's task (~15 KiB) stayed for good.
        await withDiscardingTaskGroup { group in
            while true {
                let config = holder.snapshot.config
                if slots.capacity != config.workers {
                    // A reload changed `workers`: it takes effect now, for documents in flight too.
                    slots.resize(to: config.workers)
                    logger.info("workers changed", metadata: ["workers": "\(slots.capacity)"])
                }
                status.workers(slots.capacity)
                let now = Self.now()
                for outcome in finished.drain() {
                    running -= 1
                    if case .completed(let translated, let bytes) = outcome {
                        bytesRunning -= bytes
                        if translated { status.engine(state: "ok", error: nil) }
                    } else if case .deferred(let job, let reason, let hold, let bytes) = outcome {
                        bytesRunning -= bytes
                        var wait = hold ? max(config.engine.deferDelay, 60) : config.engine.deferDelay
                        // The engine's circuit breaker is open: no use trying before it closes.
                        if let until = holder.snapshot.pipeline.stages.translator.state.openUntil {
                            wait = max(wait, until - Date().timeIntervalSince1970)
                        }
                        let due = now + wait
                        deferred.append((job, due))
                        status.engine(state: hold ? "hold" : "deferred", error: reason)
                        logger.warning("deferred", metadata: ["job": "\(job.id)", "reason": "\(reason)", "retry_in_s": "\(Int(due - now))"])
                    }
                }
                if stopping.isSet { break }
                if retryDeferredNow.take() {
                    for i in deferred.indices { deferred[i].due = now }
                }
                // Hints: names to look at now. Overflow: the queue lost events, so scan everything.
                if inbox.refresh(hints.drain(), now: now, settle: config.spool.settle, rescanInterval: config.spool.rescanInterval) {
                    logger.notice("inotify queue overflowed; rescanning the inbox")
                }
                // Fill free workers: recovered first, then due deferred documents, then the inbox.
                let claimer = Claimer(layout: layout, maxInputBytes: config.spool.maxInputBytes)
                // Documents in flight: at most documents_in_flight, and claiming stops once their
                // input reaches bytes_in_flight (memory), but one document always runs.
                while running < config.documentsInFlight && (running == 0 || bytesRunning < config.bytesInFlight) {
                    var job: ClaimedJob? = nil
                    if !recovered.isEmpty {
                        job = recovered.removeFirst()
                    } else if let i = deferred.firstIndex(where: { $0.due <= now }) {
                        job = deferred.remove(at: i).job
                        status.engine(state: "retrying", error: nil)
                    } else if let name = inbox.queue.popReady() {
                        guard let entry = inbox.entry(name) else { continue }
                        switch claimer.claim(entry) {
                        case .claimed(let claimed): job = claimed
                        case .rejected(let original, let movedTo, let reason):
                            status.rejected(FinalMove.printable(original), reason: reason)
                            logger.warning("failed", metadata: ["file": "\(FinalMove.printable(original))", "failed_as": "\(FinalMove.printable(movedTo))", "reason": "\(reason)"])
                            continue
                        case .skipped: continue
                        }
                    }
                    guard let job else { break }
                    running += 1
                    let bytes = job.size
                    bytesRunning += bytes
                    group.addTask {
                        let outcome = await processor.process(job)
                        switch outcome {
                        case .done: self.status.ended(job, outcome: "done"); job.release()
                        case .failed(let reason): self.status.ended(job, outcome: "failed", error: reason); job.release()
                        case .requeued: self.status.ended(job, outcome: "requeued"); job.release()
                        case .deferred(let reason, let hold):
                            self.status.ended(job, outcome: "deferred", error: reason)
                            finished.add(.deferred(job, reason, hold, bytes: bytes))
                            self.wake.signal()
                            return
                        }
                        if case .done = outcome { finished.add(.completed(translated: true, bytes: bytes)) } else { finished.add(.completed(translated: false, bytes: bytes)) }
                        self.wake.signal()
                    }
                }
                var next = inbox.nextLook(settle: config.spool.settle, rescanInterval: config.spool.rescanInterval, now: now)
                for d in deferred { next = min(next, d.due) }
                if running < config.documentsInFlight && bytesRunning < config.bytesInFlight && inbox.queue.readyCount > 0 { next = now }
                await wake.wait(timeout: max(0.005, next - Self.now()))
            }
            // Shutdown: no more claims. Give in-flight documents the grace period, then cancel
            // them; their originals stay in active/ and are recovered at the next start.
            for d in deferred { d.job.release() }
            for job in recovered { job.release() }
            let grace = holder.snapshot.config.shutdownGrace
            logger.info("shutting down", metadata: ["in_flight": "\(running)", "grace_s": "\(grace)"])
            let deadline = Self.now() + grace
            while running > 0 && Self.now() < deadline {
                await wake.wait(timeout: deadline - Self.now())
                for _ in finished.drain() { running -= 1 }
            }
            if running > 0 {
                logger.warning("grace period over; leaving unfinished documents in active/ for the next start", metadata: ["count": "\(running)"])
                group.cancelAll()
            }
        }
        for case .deferred(let job, _, _, _) in finished.drain() { job.release() }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
