import BayanCore
import BlockingIO
import CBayanSys
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The file-system steps crash safety rests on (ALICE, OSDI 2014): write a new file, fsync it,
/// rename it into place, fsync the parent. Every path is a plain POSIX path.
public enum DurableFS {
    /// How new files and names are made durable (`spool.sync`).
    public enum SyncMode: String, Sendable, CaseIterable {
        /// One syncfs of the spool's file system, shared by the documents at the same step.
        case fileSystem = "syncfs"
        /// An fsync of each file and of each folder changed.
        case perFile = "fsync"
    }

    /// Creates `path` exclusively (mode 0644, no link following), writes `bytes`, fsyncs, closes.
    /// With `mode`, the file gets exactly that mode (not masked by the umask).
    public static func writeNewFile(_ path: String, _ bytes: [UInt8], mode: mode_t? = nil) throws {
        let fd = try createAndWrite(path, bytes, mode: mode)
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError("fsync \(path)") }
    }

    /// Creates `path` exclusively, writes `bytes` and returns the open descriptor, not synced:
    /// the caller makes it durable (`syncFileSystem`, then `checkWritten`) and closes it.
    public static func createAndWrite(_ path: String, _ bytes: [UInt8], mode: mode_t? = nil) throws -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError("create \(path)") }
        do {
            if let mode, fchmod(fd, mode) != 0 { throw ioError("set the permissions of \(path)") }
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw ioError("write \(path)")
                }
                offset += n
            }
        } catch {
            close(fd)
            throw error
        }
        return fd
    }

    /// syncfs(2) of the file system holding `path`: when it returns, every file written and every
    /// name created or renamed on that file system before the call is durable. Callers asking at
    /// the same time share one call that began after each asked (group commit), so documents
    /// published together cost one sync, where a fsync per file cost six per document (and on
    /// ext4 each fsync writes its inode block and flushes the disk cache on its own). It also
    /// flushes other programs' dirty data on that file system: `spool.sync: fsync`
    /// restores the per-file fsyncs where the spool shares its disk with heavy writers.
    public static func syncFileSystem(_ path: String) throws {
        // Keyed by device, so publishes (tmp/) and claims (.state/) of one spool share a sync.
        var st = stat()
        guard stat(path, &st) == 0 else { throw ioError("look at \(path)") }
        try SharedFolderSync.shared.sync("syncfs:\(st.st_dev)", using: { _ in try FileSystemSync.shared.sync(path, device: UInt64(st.st_dev)) })
    }

    /// After `syncFileSystem`: throws if writing this file's data back failed (the error
    /// syncfs reports belongs to the whole file system; this one is the file's own).
    public static func checkWritten(_ fd: Int32, _ path: String) throws {
        guard cbayan_wait_written(fd) == 0 else { throw ioError("write back \(path)") }
    }

    /// Writes `bytes` to `path` atomically: a temporary sibling, fsync, rename, fsync of the folder.
    /// `mode` (e.g. the replaced file's) is set on the new file before it takes the name;
    /// `crashPoint`, when given, is hit between the fsynced temporary file and the rename.
    public static func replaceFile(_ path: String, _ bytes: [UInt8], mode: mode_t? = nil, crashPoint: CrashPoint? = nil) throws {
        // A bare file name lives in the current folder (not in "/", where "" + "/." would put the temporary).
        let parent = (path as NSString).deletingLastPathComponent
        let dir = parent.isEmpty ? "." : parent
        let tmp = dir + "/." + ((path as NSString).lastPathComponent) + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        do {
            try writeNewFile(tmp, bytes, mode: mode)
        } catch {
            unlink(tmp)
            throw error
        }
        crashPoint?.hit()
        guard rename(tmp, path) == 0 else {
            let error = ioError("rename \(tmp) to \(path)")
            unlink(tmp)
            throw error
        }
        try fsyncDirectory(dir)
    }

    /// fsync(2) of a folder, after which every rename and create made in it before the call is
    /// durable. Threads asking for the same folder at the same time share one fsync that began
    /// after each asked (group commit): many documents published together cost one fsync of
    /// out/, not one each.
    public static func fsyncDirectory(_ path: String) throws {
        try SharedFolderSync.shared.sync(path, using: fsyncDirectoryAlone)
    }

    /// One long-lived descriptor per file system: syncfs reports a writeback error that
    /// happened since the previous call on the same descriptor, so a fresh one per call could
    /// miss an error from before it was opened.
    final class FileSystemSync: @unchecked Sendable {
        static let shared = FileSystemSync()
        private let lock = NSLock()
        private var descriptors: [UInt64: Int32] = [:]

        func sync(_ path: String, device: UInt64) throws {
            let fd: Int32 = try lock.withLock {
                if let fd = descriptors[device] { return fd }
                let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                guard fd >= 0 else { throw DurableFS.ioError("open folder \(path)") }
                descriptors[device] = fd
                return fd
            }
            guard cbayan_syncfs(fd) == 0 else { throw DurableFS.ioError("sync the file system of \(path)") }
        }
    }

    /// One fsync of one folder, not shared.
    static func fsyncDirectoryAlone(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw ioError("open folder \(path)") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ioError("fsync folder \(path)") }
    }

    public enum RenameResult: Equatable { case done, targetExists, sourceMissing }

    /// rename(2) that never replaces an existing target (renameat2 RENAME_NOREPLACE).
    public static func renameNoReplace(_ from: String, _ to: String) throws -> RenameResult {
        let rc = cbayan_rename_noreplace(from, to)
        if rc == 0 { return .done }
        switch errno {
        case EEXIST, ENOTEMPTY: return .targetExists
        case ENOENT: return .sourceMissing
        default: throw ioError("rename \(from) to \(to)")
        }
    }

    /// Atomically swaps two existing paths (renameat2 RENAME_EXCHANGE).
    public static func exchange(_ a: String, _ b: String) throws {
        guard cbayan_rename_exchange(a, b) == 0 else { throw ioError("exchange \(a) and \(b)") }
    }

    /// Removes a folder tree without following links.
    public static func removeTree(_ path: String) {
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? listDirectory(path)) ?? [] { removeTree(path + "/" + name) }
            rmdir(path)
        } else {
            unlink(path)
        }
    }

    /// Names in a folder (without "." and ".."), unsorted.
    public static func listDirectory(_ path: String) throws -> [String] {
        guard let dir = opendir(path) else { throw ioError("read folder \(path)") }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    public static func makeDirectory(_ path: String) throws {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw ioError("create folder \(path)") }
    }

    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    static func ioError(_ what: String) -> BayanError {
        let code = errno
        return BayanError(.io, "cannot \(what): \(String(cString: strerror(code)))")
    }
}
