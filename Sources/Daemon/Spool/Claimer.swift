import BayanCore
import Foundation
import Outputs
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Takes files out of the inbox. Opens without following links and without blocking on FIFOs,
/// checks the descriptor (regular file, one link, within the size limit), locks it, then renames
/// it into `.state/active/<id>/`. Two daemons on one spool cannot both claim a file: the lock
/// and the rename each admit one winner.
struct Claimer: Sendable {
    enum Outcome {
        case claimed(ClaimedJob)
        case rejected(name: String, movedTo: String, reason: String)
        case skipped
    }

    let layout: SpoolLayout
    let maxInputBytes: Int
    /// inbox/ into active/ unless told otherwise.
    var queue: SpoolQueue = .inbox
    private static let counter = Atomic<Int>(0)

    func claim(_ entry: InboxEntry) -> Outcome {
        let path = queue.folder(layout) + "/" + entry.name
        switch entry.kind {
        case .regular: break
        case .symlink: return reject(entry.name, "it is a symbolic link; Bayan reads only regular files, so copy the file itself into the inbox")
        case .directory: return reject(entry.name, "it is a folder; Bayan reads only files dropped directly into the inbox")
        case .fifo: return reject(entry.name, "it is a named pipe (FIFO), not a file")
        case .socket: return reject(entry.name, "it is a socket, not a file")
        case .device: return reject(entry.name, "it is a device node, not a file")
        case .other: return reject(entry.name, "it is not a regular file")
        }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { return reject(entry.name, "it is a symbolic link; Bayan reads only regular files") }
            return .skipped  // vanished or taken by another daemon
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return reject(entry.name, "it is not a regular file")
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            return .skipped
        }
        // The name may have been replaced between lstat and open: claim only what we locked.
        guard let now = InboxEntry.stat(path, name: entry.name), now.inode == UInt64(st.st_ino) else {
            close(fd)
            return .skipped
        }
        if st.st_nlink > 1 {
            close(fd)
            return reject(entry.name, "it has \(st.st_nlink) hard links; Bayan refuses linked files so that nothing outside the inbox is read. Copy the file instead")
        }
        if Int(st.st_size) > maxInputBytes {
            close(fd)
            return reject(entry.name, "it is \(st.st_size) bytes, over the \(maxInputBytes)-byte limit (spool.max_input_bytes); split the document or raise the limit")
        }
        let id = Self.newID()
        let folder = queue.active(layout) + "/" + id
        do {
            try DurableFS.makeDirectory(folder)
            guard try DurableFS.renameNoReplace(path, folder + "/" + entry.name) == .done else {
                rmdir(folder)
                close(fd)
                return .skipped
            }
            // The inbox's claims are made durable by the job's own task (`makeDurable`), where the
            // fsyncs are shared; a reviewed file is rare and is made durable here.
            if queue != .inbox { try Self.makeDurable(folder: folder, queue: queue, layout: layout) }
        } catch {
            rmdir(folder)
            close(fd)
            return .skipped
        }
        return .claimed(ClaimedJob(id: id, originalName: entry.name, folder: folder, fd: fd))
    }

    /// Makes a claim durable: the job's folder, active/ and inbox/ fsynced. `claim` leaves this
    /// to the job's own task (before it does anything else with the document), where the fsyncs
    /// of active/ and inbox/ are shared with every claim made at the same time instead of costing
    /// three fsyncs per file in the dispatcher's loop. (With `spool.sync: syncfs` the job's
    /// later sync covers the claim; see JobProcessor.process.)
    static func makeDurable(_ job: ClaimedJob, layout: SpoolLayout) throws {
        try makeDurable(folder: job.folder, queue: .inbox, layout: layout)
    }

    static func makeDurable(folder: String, queue: SpoolQueue, layout: SpoolLayout) throws {
        try DurableFS.fsyncDirectory(folder)
        try DurableFS.fsyncDirectory(queue.active(layout))
        try DurableFS.fsyncDirectory(queue.folder(layout))
    }

    /// Jobs left in `.state/active/` by a process that is gone (their lock is free).
    func recoverOrphans() -> [ClaimedJob] {
        var jobs: [ClaimedJob] = []
        for id in ((try? DurableFS.listDirectory(queue.active(layout))) ?? []).sorted() {
            let folder = queue.active(layout) + "/" + id
            let names = ((try? DurableFS.listDirectory(folder)) ?? []).filter { !$0.hasPrefix(".") }
            guard let name = names.first else {
                rmdir(folder)  // a claim interrupted between mkdir and rename
                continue
            }
            let fd = open(folder + "/" + name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { continue }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                close(fd)  // another live daemon works on it
                continue
            }
            jobs.append(ClaimedJob(id: id, originalName: name, folder: folder, fd: fd))
        }
        return jobs
    }

    /// Moves an inbox entry to failed/ without opening it, with a reason file.
    private func reject(_ name: String, _ reason: String) -> Outcome {
        do {
            guard let moved = try FinalMove.moveToFailed(from: queue.folder(layout) + "/" + name, name: name, failed: layout.failed, reason: reason) else {
                return .skipped
            }
            try DurableFS.fsyncDirectory(queue.folder(layout))
            return .rejected(name: name, movedTo: moved, reason: reason)
        } catch {
            return .skipped
        }
    }

    static func newID() -> String {
        var t = time(nil)
        var parts = tm()
        gmtime_r(&t, &parts)
        let n = counter.wrappingAdd(1, ordering: .relaxed).newValue
        return String(
            format: "%04d%02d%02dT%02d%02d%02dZ-%d-%d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour,
            parts.tm_min, parts.tm_sec, Int(getpid()), n)
    }
}
