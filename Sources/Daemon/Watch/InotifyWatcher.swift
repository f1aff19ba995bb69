import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What inotify reports about the inbox. Only a hint: the directory scan is the truth.
public enum WatchHint: Sendable, Equatable {
    case written(String)
    case renamedIn(String)
    case overflow
}

/// Watches one folder with inotify (create, close-write, moved-to, queue overflow) on a dedicated thread
/// (a blocking read must not occupy Swift's cooperative pool).
public final class InotifyWatcher: Sendable {
    public let hints: AsyncStream<WatchHint>
    private let continuation: AsyncStream<WatchHint>.Continuation
    private let inotifyFD: Int32
    private let wake: (read: Int32, write: Int32)

    public init(folder: String) throws {
        (hints, continuation) = AsyncStream.makeStream(of: WatchHint.self, bufferingPolicy: .bufferingNewest(4096))
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw WatcherError("inotify_init1 failed: \(String(cString: strerror(errno)))") }
        guard inotify_add_watch(fd, folder, UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE)) >= 0 else {
            close(fd)
            throw WatcherError("cannot watch \(folder): \(String(cString: strerror(errno)))")
        }
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        inotifyFD = fd
        wake = (fds[0], fds[1])
        let thread = Thread { [self] in self.loop() }
        thread.name = "inotify"
        thread.start()
    }

    public func stop() {
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private func loop() {
        defer {
            close(inotifyFD)
            close(wake.read)
            close(wake.write)
            continuation.finish()
        }
        let headerSize = MemoryLayout<inotify_event>.size
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var polls = [pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0), pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0)]
            if poll(&polls, 2, -1) < 0 {
                if errno == EINTR { continue }
                return
            }
            if polls[1].revents != 0 { return }
            let n = buffer.withUnsafeMutableBytes { read(inotifyFD, $0.baseAddress, $0.count) }
            if n <= 0 {
                if n < 0 && errno == EINTR { continue }
                return
            }
            var offset = 0
            buffer.withUnsafeBytes { raw in
                while offset + headerSize <= n {
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let nameStart = offset + headerSize
                    let nameEnd = min(nameStart + Int(event.len), n)
                    let nameBytes = raw[nameStart..<nameEnd].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        continuation.yield(.overflow)
                    } else if event.mask & UInt32(IN_MOVED_TO) != 0 {
                        continuation.yield(.renamedIn(name))
                    } else if event.mask & UInt32(IN_CLOSE_WRITE | IN_CREATE) != 0 {
                        continuation.yield(.written(name))
                    }
                    offset = nameEnd
                }
            }
        }
    }
}

public struct WatcherError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
