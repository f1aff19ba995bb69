import Foundation

/// A fixed set of threads for blocking system calls (fsync, SQLite commits). Run there, they
/// neither stall Swift's cooperative pool (as many threads as cores: two on our machines) nor
/// queue behind each other: fsyncs issued at the same time are committed together by the file
/// system's journal (ext4 here: 60 fsyncs of new files took 53–78 ms on one thread, 12–25 ms
/// on eight).
public final class BlockingPool: @unchecked Sendable {
    /// The daemon's pool. Its threads start on first use.
    public static let shared = BlockingPool(threads: 12, name: "bayan-io")

    private let condition = NSCondition()
    private var jobs: [() -> Void] = []
    private var head = 0

    public init(threads: Int, name: String) {
        for i in 0..<max(1, threads) {
            let thread = Thread { [unowned self] in self.loop() }
            thread.name = "\(name)-\(i)"
            thread.start()
        }
    }

    /// Runs `body` on one of the pool's threads and returns what it returns.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            submit { continuation.resume(with: Result { try body() }) }
        }
    }

    /// Runs `body` on one of the pool's threads (it cannot throw).
    public func run<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            submit { continuation.resume(returning: body()) }
        }
    }

    private func submit(_ job: @escaping () -> Void) {
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while head == jobs.count { condition.wait() }
            let job = jobs[head]
            head += 1
            if head == jobs.count {
                jobs.removeAll(keepingCapacity: true)
                head = 0
            }
            condition.unlock()
            job()
        }
    }
}
