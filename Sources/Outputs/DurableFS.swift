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
    /// Creates `path` exclusively (mode 0644, no link following), writes `bytes`, fsyncs, closes.
    /// With `mode`, the file gets exactly that mode (not masked by the umask).
    public static func writeNewFile(_ path: String, _ bytes: [UInt8], mode: mode_t? = nil) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ioError("create \(path)") }
        defer { close(fd) }
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
        guard fsync(fd) == 0 else { throw ioError("fsync \(path)") }
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
