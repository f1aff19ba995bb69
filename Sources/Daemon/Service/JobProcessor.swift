import BayanCore
import Foundation
import Logging
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// Carries one claimed document through the pipeline to its end state: published and moved to
/// done/, moved to failed/ with a reason, deferred (the engine is unavailable), or left in
/// active/ for the next start (shutdown).
struct JobProcessor: Sendable {
    enum Outcome: Sendable {
        case done(stem: String)
        case failed(reason: String)
        case deferred(reason: String, hold: Bool)
        case requeued
    }

    let layout: SpoolLayout
    let holder: StagesHolder
    let database: JobDatabase?
    let status: StatusReporter
    let logger: Logger
    let slots: WorkerSlots

    func process(_ job: ClaimedJob) async -> Outcome {
        let started = ContinuousClock.now
        let current = holder.snapshot
        let config = current.config
        var log = logger
        log[metadataKey: "job"] = "\(job.id)"
        log[metadataKey: "file"] = "\(FinalMove.printable(job.originalName))"
        status.started(job, stage: "read")
        try? database?.claimed(job)
        let bytes: [UInt8]
        do {
            bytes = try job.readAll(limit: config.spool.maxInputBytes)
        } catch let error as BayanError where error.code == .badInput {
            return fail(job, reason: error.message, log: log)
        } catch {
            log.error("cannot read the claimed file; it stays queued", metadata: ["error": "\(error)"])
            return .deferred(reason: "\(error)", hold: false)
        }
        let sha = SHA256.hex(bytes)
        let starts = (try? database?.started(job, sha256: sha)) ?? 1
        if starts > config.spool.maxAttempts {
            return fail(job, reason: "processing this document was started \(starts - 1) times without finishing (the daemon may have crashed on it); it was set aside so the rest of the queue can move. Report it with this file attached", log: log)
        }
        log.info("claimed", metadata: ["bytes": "\(bytes.count)", "sha256": "\(sha.prefix(12))"])
        status.stage(job, "translate")
        let result: DocumentResult
        do {
            result = try await current.pipeline.run(bytes: bytes, fileName: job.originalName, slots: slots)
        } catch {
            if Task.isCancelled {
                try? database?.startEndedCleanly(sha256: sha)  // a shutdown, not a crash
                return .requeued
            }
            guard let error = error as? BayanError else {
                return fail(job, reason: "an unexpected error stopped it: \(error)", log: log)
            }
            switch error.code {
            case .badInput, .engineRejected:
                return fail(job, reason: error.description, log: log)
            case .engineQuota:
                try? database?.startEndedCleanly(sha256: sha)
                return .deferred(reason: error.description, hold: true)
            default:
                try? database?.startEndedCleanly(sha256: sha)
                return .deferred(reason: error.description, hold: false)
            }
        }
        if Task.isCancelled { return .requeued }
        log.info("translated", metadata: ["segments": "\(result.pairs.count)", "translate_ms": "\(Int(result.timings.translateMs))"])
        status.stage(job, "publish")
        let stem: String
        do {
            let publisher = AtomicPublisher(outDirectory: layout.out, tmpDirectory: layout.tmp)
            stem = try await slots.with {
                try publisher.publish(
                    result, writers: current.pipeline.stages.writers,
                    preferredStem: StemNaming.stem(for: job.originalName), jobID: job.id)
            }
        } catch {
            log.error("publishing failed; the document stays queued", metadata: ["error": "\(error)"])
            return .deferred(reason: "\(error)", hold: false)
        }
        CrashPoint.afterPublishBeforeMovingOriginal.hit()
        do {
            _ = try FinalMove.move(from: job.path, name: job.originalName, to: layout.done)
            rmdir(job.folder)
            try DurableFS.fsyncDirectory(layout.active)
        } catch {
            log.error("the result is published but the original could not be moved to done/", metadata: ["error": "\(error)"])
        }
        try? database?.finished(job, state: "done", stem: stem, sha256: sha)
        let ms = Int((ContinuousClock.now - started) / .milliseconds(1))
        log.info("published", metadata: ["out": "out/\(stem)", "duration_ms": "\(ms)"])
        return .done(stem: stem)
    }

    /// Moves the original to failed/ with a reason file a person can read.
    func fail(_ job: ClaimedJob, reason: String, log: Logger) -> Outcome {
        do {
            _ = try FinalMove.moveToFailed(from: job.path, name: job.originalName, failed: layout.failed, reason: reason)
            rmdir(job.folder)
            try DurableFS.fsyncDirectory(layout.active)
        } catch {
            log.error("cannot move the rejected file to failed/", metadata: ["error": "\(error)"])
        }
        try? database?.finished(job, state: "failed", error: reason)
        log.warning("failed", metadata: ["reason": "\(reason)"])
        return .failed(reason: reason)
    }
}
