import BayanCore
import Foundation
import Logging
import Outputs
import ReviewImport
import ServiceLifecycle

#if canImport(Glibc)
import Glibc
#endif

/// Watches `reviewed/` the way the spool service watches the inbox (inotify as a hint, scans as
/// the truth, a file is taken once it has settled or arrived by rename) and imports each file
/// through `ReviewImportRun`: a file applied (or already applied) moves to `done/`, a refused
/// one to `failed/` with a reason file listing every problem. A file is claimed into
/// `.state/reviewing/` first, so a crash leaves it there to be imported again at the next
/// start; importing twice changes nothing, so that is safe.
public final class ReviewedFolderService: Service, Sendable {
    private let layout: SpoolLayout
    private let holder: StagesHolder
    private let importer: ReviewImportRun
    private let logger: Logger
    private let wake = WakeSignal()

    public init(layout: SpoolLayout, holder: StagesHolder, importer: ReviewImportRun, logger: Logger) {
        self.layout = layout
        self.holder = holder
        self.importer = importer
        self.logger = logger
    }

    public func run() async throws {
        try layout.create()
        let watcher = try? InotifyWatcher(folder: layout.reviewed)
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
                await self.loop(hints: hints, stopping: stopping)
                watcher?.stop()
            }
        } onGracefulShutdown: {
            stopping.set()
            self.wake.signal()
        }
    }

    private func loop(hints: HintInbox, stopping: StopFlag) async {
        var folder = DropFolder(path: layout.reviewed)
        let start = Claimer(layout: layout, maxInputBytes: holder.snapshot.config.spool.maxInputBytes, queue: .reviewed)
        for job in start.recoverOrphans() where !stopping.isSet {
            logger.info("importing a reviewed file left by the previous run", metadata: ["file": "\(FinalMove.printable(job.originalName))"])
            await process(job)
        }
        while !stopping.isSet {
            let config = holder.snapshot.config
            let now = SpoolService.now()
            folder.refresh(hints.drain(), now: now, settle: config.spool.settle, rescanInterval: config.spool.rescanInterval)
            let claimer = Claimer(layout: layout, maxInputBytes: config.spool.maxInputBytes, queue: .reviewed)
            while !stopping.isSet, let name = folder.queue.popReady() {
                guard let entry = folder.entry(name) else { continue }
                switch claimer.claim(entry) {
                case .claimed(let job): await process(job)
                case .rejected(let original, _, let reason):
                    logger.warning("reviewed file refused", metadata: ["file": "\(FinalMove.printable(original))", "reason": "\(reason)"])
                case .skipped: continue
                }
            }
            let next = folder.nextLook(settle: config.spool.settle, rescanInterval: config.spool.rescanInterval, now: now)
            await wake.wait(timeout: max(0.005, next - SpoolService.now()))
        }
    }

    /// Imports one claimed file and moves it to done/ or failed/.
    func process(_ job: ClaimedJob) async {
        defer { job.release() }
        var log = logger
        log[metadataKey: "file"] = "\(FinalMove.printable(job.originalName))"
        let reason: String
        do {
            let bytes = try job.readAll(limit: holder.snapshot.config.spool.maxInputBytes)
            let report = try await importer.run(bytes, fileName: job.originalName)
            CrashPoint.afterReviewImportBeforeMove.hit()
            _ = try FinalMove.move(from: job.path, name: job.originalName, to: layout.done)
            rmdir(job.folder)
            try? DurableFS.fsyncDirectory(layout.reviewing)
            log.info("reviewed file imported", metadata: ["format": "\(report.plan.format)", "reviewer": "\(report.plan.reviewer)", "result": "\(report.lines.joined(separator: "; "))"])
            return
        } catch let refusal as ReviewImportRefusal {
            reason = refusal.description
        } catch {
            reason = "it could not be imported: \(error)"
        }
        do {
            _ = try FinalMove.moveToFailed(from: job.path, name: job.originalName, failed: layout.failed, reason: reason)
            rmdir(job.folder)
            try DurableFS.fsyncDirectory(layout.reviewing)
        } catch {
            log.error("cannot move the refused reviewed file to failed/", metadata: ["error": "\(error)"])
        }
        log.warning("reviewed file refused", metadata: ["reason": "\(reason)"])
    }
}
