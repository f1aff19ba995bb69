import Foundation
import Outputs

#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says of one name in the inbox. Nothing is opened or followed here.
struct InboxEntry: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case regular, symlink, directory, fifo, socket, device, other }

    let name: String
    let kind: Kind
    let size: Int64
    let mtimeNanos: Int64
    let inode: UInt64

    /// Names the daemon never touches: hidden files and names of files still being written.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix("~")
            || name.hasSuffix(".reason.txt")
    }

    static func scan(_ folder: String) throws -> [InboxEntry] {
        try DurableFS.listDirectory(folder).compactMap { name in
            isIgnored(name) ? nil : stat(folder + "/" + name, name: name)
        }
    }

    static func stat(_ path: String, name: String) -> InboxEntry? {
        var st = Glibc.stat()
        guard lstat(path, &st) == 0 else { return nil }
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFLNK: kind = .symlink
        case S_IFDIR: kind = .directory
        case S_IFIFO: kind = .fifo
        case S_IFSOCK: kind = .socket
        case S_IFCHR, S_IFBLK: kind = .device
        default: kind = .other
        }
        return InboxEntry(
            name: name, kind: kind, size: Int64(st.st_size),
            mtimeNanos: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec), inode: UInt64(st.st_ino))
    }
}
