import BayanCore
import BlockingIO
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
        let io = BlockingPool.shared
        let layout = layout, database = database
        let sync = DurableFS.SyncMode(rawValue: config.spool.sync) ?? .fileSystem
        let bytes: [UInt8], sha: String, starts: Int
        do {
            // The claim is made durable (the dispatcher only renames), the file read and its
            // start recorded, in one trip to the I/O threads. With `spool.sync: fsync` the claim
            // is fsynced here, sharing the fsyncs of active/ and inbox/ with the claims of the
            // moment; with syncfs, the sync before the result is renamed into out/ (or before
            // the file moves to failed/) covers it: until then a power cut can only put the file
            // back in the inbox, where it is taken again.
            (bytes, sha, starts) = try await io.run {
                if sync == .perFile { try Claimer.makeDurable(job, layout: layout) }
                let bytes = try job.readAll(limit: config.spool.maxInputBytes)
                let sha = SHA256.hex(bytes)
                return (bytes, sha, (try? database?.started(job, sha256: sha)) ?? 1)
            }
        } catch let error as BayanError where error.code == .badInput {
            return await fail(job, reason: error.message, log: log)
        } catch {
            log.error("cannot read the claimed file; it stays queued", metadata: ["error": "\(error)"])
            return .deferred(reason: "\(error)", hold: false)
        }
        if starts > config.spool.maxAttempts {
            return await fail(job, reason: "processing this document was started \(starts - 1) times without finishing (the daemon may have crashed on it); it was set aside so the rest of the queue can move. Report it with this file attached", log: log)
        }
        log.info("claimed", metadata: ["bytes": "\(bytes.count)", "sha256": "\(sha.prefix(12))"])
        status.stage(job, "translate")
        let result: DocumentResult
        do {
            result = try await current.pipeline.run(bytes: bytes, fileName: job.originalName, slots: slots)
        } catch {
            if Task.isCancelled {
                await io.run { try? database?.startEndedCleanly(sha256: sha) }  // a shutdown, not a crash
                return .requeued
            }
            guard let error = error as? BayanError else {
                return await fail(job, reason: "an unexpected error stopped it: \(error)", log: log)
            }
            switch error.code {
            case .badInput, .engineRejected:
                return await fail(job, reason: error.description, log: log)
            case .engineQuota:
                await io.run { try? database?.startEndedCleanly(sha256: sha) }
                return .deferred(reason: error.description, hold: true)
            default:
                await io.run { try? database?.startEndedCleanly(sha256: sha) }
                return .deferred(reason: error.description, hold: false)
            }
        }
        if Task.isCancelled { return .requeued }
        log.info("translated", metadata: ["segments": "\(result.pairs.count)", "translate_ms": "\(Int(result.timings.translateMs))"])
        status.stage(job, "publish")
        let stem: String
        do {
            // Rendering uses the CPU and holds a worker slot; the disk work runs on the I/O
            // threads without one, so documents publishing at the same time share their syncs.
            let publisher = AtomicPublisher(outDirectory: layout.out, tmpDirectory: layout.tmp, sync: sync)
            let writers = current.pipeline.stages.writers
            let chosen = await io.run { publisher.chooseStem(StemNaming.stem(for: job.originalName), sha256: result.source.sha256) }
            let files = try await slots.with {
                var files: [AtomicPublisher.RenderedFile] = []
                for writer in writers {
                    files += try AtomicPublisher.render(result, writers: [writer], stem: chosen)
                    await Task.yield()  // the engine's request hops go first (RequestBatcher.pump)
                }
                return files
            }
            let jobLog = log
            // Publishing and moving the original to done/ in one trip to the I/O threads.
            stem = try await io.run {
                let stem = try publisher.publish(files, stem: chosen, sha256: result.source.sha256, jobID: job.id)
                CrashPoint.afterPublishBeforeMovingOriginal.hit()
                do {
                    _ = try FinalMove.move(from: job.path, name: job.originalName, to: layout.done)
                    rmdir(job.folder)
                    try DurableFS.fsyncDirectory(layout.active)
                } catch {
                    jobLog.error("the result is published but the original could not be moved to done/", metadata: ["error": "\(error)"])
                }
                try? database?.finished(job, state: "done", stem: stem, sha256: sha)
                return stem
            }
        } catch {
            log.error("publishing failed; the document stays queued", metadata: ["error": "\(error)"])
            return .deferred(reason: "\(error)", hold: false)
        }
        let ms = Int((ContinuousClock.now - started) / .milliseconds(1))
        log.info("published", metadata: ["out": "out/\(stem)", "duration_ms": "\(ms)"])
        return .done(stem: stem)
    }

    /// Moves the original to failed/ with a reason file a person can read.
    func fail(_ job: ClaimedJob, reason: String, log: Logger) async -> Outcome {
        let layout = layout, database = database
        let sync = DurableFS.SyncMode(rawValue: holder.snapshot.config.spool.sync) ?? .fileSystem
        await BlockingPool.shared.run {
            do {
                // The claim first (see `process`), so that a power cut cannot leave the file
                // both in the inbox and in failed/.
                if sync == .fileSystem { try DurableFS.syncFileSystem(job.folder) }
                _ = try FinalMove.moveToFailed(from: job.path, name: job.originalName, failed: layout.failed, reason: reason)
                rmdir(job.folder)
                try DurableFS.fsyncDirectory(layout.active)
            } catch {
                log.error("cannot move the rejected file to failed/", metadata: ["error": "\(error)"])
            }
            try? database?.finished(job, state: "failed", error: reason)
        }
        log.warning("failed", metadata: ["reason": "\(reason)"])
        return .failed(reason: reason)
    }
}
