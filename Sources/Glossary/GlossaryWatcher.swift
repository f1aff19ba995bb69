import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Notices edits to the glossary files by polling their inode, size and modification time
/// (robust across editors that rename a temp file over the original, and across network
/// mounts where inotify is silent) and asks the store to reload.
public final class GlossaryWatcher: Sendable {
    struct Signature: Equatable, Sendable {
        var exists: Bool
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int
    }

    public let store: GlossaryStore
    public let interval: Duration
    private let signatures: Mutexed<[Signature]>

    /// Every reload the watcher triggered, in order (for `bayan status` and for tests).
    public let outcomes: AsyncStream<GlossaryStore.Outcome>
    private let continuation: AsyncStream<GlossaryStore.Outcome>.Continuation

    public init(store: GlossaryStore, interval: Duration = .milliseconds(500)) {
        self.store = store
        self.interval = interval
        self.signatures = Mutexed(store.files.map(GlossaryWatcher.signature))
        (outcomes, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(64))
    }

    /// Reloads when any file changed since the last call; returns the outcome, or nil when
    /// nothing changed.
    @discardableResult
    public func poll() -> GlossaryStore.Outcome? {
        let now = store.files.map(GlossaryWatcher.signature)
        let changed = signatures.withLock { old -> Bool in
            guard old != now else { return false }
            old = now
            return true
        }
        guard changed else { return nil }
        let outcome = store.reload()
        continuation.yield(outcome)
        return outcome
    }

    /// Polls until the task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            poll()
            do { try await Task.sleep(for: interval) } catch { break }
        }
        continuation.finish()
    }

    static func signature(_ path: String) -> Signature {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return Signature(exists: false, inode: 0, size: 0, seconds: 0, nanoseconds: 0)
        }
        return Signature(
            exists: true, inode: UInt64(info.st_ino), size: Int64(info.st_size),
            seconds: Int(info.st_mtim.tv_sec), nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}

/// A value behind a lock (Synchronization.Mutex needs macOS 15; this builds everywhere).
final class Mutexed<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
