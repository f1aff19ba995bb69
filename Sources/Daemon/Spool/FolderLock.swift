import BayanCore
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive flock on a folder, held by every process that moves files into it, so their
/// multi-step moves never interleave. The kernel drops it if the holder dies.
struct FolderLock {
    private let fd: Int32

    init(_ folder: String) throws {
        fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw BayanError(.io, "cannot open \(folder) to lock it (errno \(errno)); check that it exists and is readable") }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let e = errno
                close(fd)
                throw BayanError(.io, "cannot lock \(folder) (errno \(e))")
            }
        }
    }

    func unlock() { close(fd) }
}
