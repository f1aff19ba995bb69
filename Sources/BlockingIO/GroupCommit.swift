import Foundation

/// Group commit (as databases do for their logs): threads hand in work and block; the first to
/// find no batch running becomes the leader and runs everything handed in so far as one batch
/// (one transaction, one fsync), then hands each caller its result. Work handed in meanwhile
/// waits for the next batch, led by one of its own callers. A caller therefore returns only
/// after a batch that started after its call has finished: it gets the same guarantee as
/// running its work alone, at a fraction of the cost when many callers arrive together.
public final class GroupCommit<Work, Output>: @unchecked Sendable {
    /// Runs one batch; returns one result per work item, in order.
    public typealias Perform = ([Work]) -> [Result<Output, any Error>]

    private let condition = NSCondition()
    private let perform: Perform
    private var pending: [(ticket: UInt64, work: Work)] = []
    private var finished: [UInt64: Result<Output, any Error>] = [:]
    private var leading = false
    private var nextTicket: UInt64 = 0

    public init(perform: @escaping Perform) { self.perform = perform }

    /// Blocks until `work` has run in a batch, and returns its result.
    public func submit(_ work: Work) throws -> Output {
        condition.lock()
        nextTicket += 1
        let ticket = nextTicket
        pending.append((ticket, work))
        while true {
            if let result = finished.removeValue(forKey: ticket) {
                condition.unlock()
                return try result.get()
            }
            if leading {
                condition.wait()
                continue
            }
            leading = true
            let batch = pending
            pending.removeAll(keepingCapacity: true)
            condition.unlock()
            var results = perform(batch.map(\.work))
            if results.count != batch.count {
                results = Array(repeating: .failure(GroupCommitError()), count: batch.count)
            }
            condition.lock()
            for (item, result) in zip(batch, results) { finished[item.ticket] = result }
            leading = false
            condition.broadcast()
        }
    }
}

/// A batch's perform returned the wrong number of results (a programming error).
public struct GroupCommitError: Error, CustomStringConvertible {
    public var description: String { "a group commit returned the wrong number of results" }
}

/// fsync(2) of a folder, shared: callers asking at the same time for the same folder share one
/// fsync that started after each of them asked, which is all each needs (its rename or create is
/// in the folder before that fsync begins).
public final class SharedFolderSync: @unchecked Sendable {
    public static let shared = SharedFolderSync()

    private let lock = NSLock()
    /// Folders being synced now, with how many callers use each (dropped at zero, so per-job
    /// folders do not pile up).
    private var groups: [String: (group: GroupCommit<Void, Void>, users: Int)] = [:]

    public init() {}

    /// `fsync` is the plain per-folder sync (open, fsync, close) that throws on failure.
    public func sync(_ path: String, using fsync: @escaping (String) throws -> Void) throws {
        lock.lock()
        var entry = groups[path] ?? (GroupCommit<Void, Void> { batch in
            let result = Result { try fsync(path) }
            return Array(repeating: result, count: batch.count)
        }, 0)
        entry.users += 1
        groups[path] = entry
        lock.unlock()
        defer {
            lock.lock()
            if let left = groups[path], left.users > 1 {
                groups[path]?.users -= 1
            } else {
                groups[path] = nil
            }
            lock.unlock()
        }
        try entry.group.submit(())
    }
}
