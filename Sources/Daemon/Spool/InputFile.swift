import BayanCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a file named on the command line the way the spool reads a claimed one: no link
/// following, regular files only, within the size limit.
public enum InputFile {
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { throw BayanError.badInput("\(path) is a symbolic link; give the file itself") }
            throw BayanError.badInput("cannot open \(path): \(String(cString: strerror(errno)))")
        }
        let job = ClaimedJob(id: "cli", originalName: (path as NSString).lastPathComponent, folder: (path as NSString).deletingLastPathComponent, fd: fd)
        defer { job.release() }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { throw BayanError.badInput("\(path) is not a regular file") }
        return try job.readAll(limit: limit)
    }
}
