import BayanCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A document this process owns: its original sits in `.state/active/<id>/<name>` and is held
/// by an exclusive `flock`, which the kernel drops if the process dies, so another daemon (or
/// the next start) can tell an orphan from a document in progress.
public final class ClaimedJob: @unchecked Sendable {
    public let id: String
    public let originalName: String
    public let folder: String
    private let fd: Int32
    private var closed = false
    private let lock = NSLock()

    init(id: String, originalName: String, folder: String, fd: Int32) {
        self.id = id
        self.originalName = originalName
        self.folder = folder
        self.fd = fd
    }

    deinit { release() }

    public var path: String { folder + "/" + originalName }

    /// The claimed file's size now (0 if it cannot be read; reading it reports the error).
    var size: Int {
        var st = stat()
        return fstat(fd, &st) == 0 ? Int(st.st_size) : 0
    }

    /// Reads the whole file through the locked descriptor, refusing more than `limit` bytes.
    func readAll(limit: Int) throws -> [UInt8] {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw BayanError(.io, "cannot stat \(originalName)") }
        guard Int(st.st_size) <= limit else {
            throw BayanError.badInput("\(originalName) is \(st.st_size) bytes, over the \(limit)-byte limit (spool.max_input_bytes); split it or raise the limit")
        }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break }
            offset += n
        }
        guard offset == bytes.count else { throw BayanError(.io, "\(originalName) shrank while it was read; it will be retried") }
        return bytes
    }

    /// Closes the descriptor, which drops the lock.
    func release() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        close(fd)
    }
}
