import Synchronization

/// `workers` permits for the stages that use the CPU (read, segment, match terms, check,
/// summarize, render). A document waiting for the engine or the disk holds none, so many
/// documents can wait on translation — and share its requests — while only `workers` compute
/// at once. The count can change while documents hold permits (SIGHUP): a larger count admits
/// waiters at once, a smaller one admits no more until enough permits come back.
public final class WorkerSlots: Sendable {
    private struct State {
        var capacity: Int
        var inUse = 0
        var waiters: [CheckedContinuation<Void, Never>] = []
    }
    private let state: Mutex<State>

    public init(_ count: Int) { state = Mutex(State(capacity: max(1, count))) }

    /// The number of permits now.
    public var capacity: Int { state.withLock { $0.capacity } }

    public func acquire() async {
        await withCheckedContinuation { (c: CheckedContinuation<Void, Never>) in
            let now = state.withLock { s -> Bool in
                if s.inUse < s.capacity {
                    s.inUse += 1
                    return true
                }
                s.waiters.append(c)
                return false
            }
            if now { c.resume() }
        }
    }

    public func release() {
        let next = state.withLock { s -> CheckedContinuation<Void, Never>? in
            // Hand the permit straight to a waiter, unless the count was lowered below use.
            if !s.waiters.isEmpty && s.inUse <= s.capacity { return s.waiters.removeFirst() }
            s.inUse -= 1
            return nil
        }
        next?.resume()
    }

    /// Sets the number of permits (at least 1), admitting waiters the new count allows.
    public func resize(to count: Int) {
        let admitted = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.capacity = max(1, count)
            var admitted: [CheckedContinuation<Void, Never>] = []
            while s.inUse < s.capacity && !s.waiters.isEmpty {
                s.inUse += 1
                admitted.append(s.waiters.removeFirst())
            }
            return admitted
        }
        for c in admitted { c.resume() }
    }

    /// Runs `body` holding one permit.
    public func with<T>(_ body: () async throws -> T) async rethrows -> T {
        await acquire()
        defer { release() }
        return try await body()
    }
}
