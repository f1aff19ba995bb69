import CCurl
import Foundation
import Synchronization

private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// HTTP over libcurl. `concurrency` dedicated threads ("lanes") each own one easy handle, so
/// connections are reused across requests (keep-alive) and blocking `curl_easy_perform` never
/// runs on Swift's small cooperative pool. The lane count is the engine's concurrency limit.
public final class CurlTransport: HTTPTransport {
    private let options: TransportOptions
    private let queue = LaneQueue()
    private let lanes: Int

    public init(options: TransportOptions) {
        _ = curlGlobalInit
        self.options = options
        self.lanes = max(1, options.concurrency)
        for index in 0..<lanes {
            let thread = Thread { [queue, options] in CurlLane(options: options).run(queue) }
            thread.name = "curl-lane-\(index)"
            thread.start()
        }
    }

    deinit { queue.close(lanes: lanes) }

    public nonisolated(nonsending) func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        let cancel = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPResponse, any Error>) in
                queue.push(LaneJob(request: request, cancel: cancel, continuation: continuation))
            }
        } onCancel: {
            cancel.set()
        }
    }
}

final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func set() { flag.store(true, ordering: .relaxed) }
    var isSet: Bool { flag.load(ordering: .relaxed) }
}

struct LaneJob: Sendable {
    let request: HTTPRequest
    let cancel: CancelFlag
    let continuation: CheckedContinuation<HTTPResponse, any Error>
}

/// A blocking FIFO the lanes take work from.
final class LaneQueue: Sendable {
    private let state = Mutex<(jobs: [LaneJob], closed: Bool)>(([], false))
    private let available = DispatchSemaphore(value: 0)

    func push(_ job: LaneJob) {
        let closed = state.withLock { s -> Bool in
            if !s.closed { s.jobs.append(job) }
            return s.closed
        }
        if closed {
            job.continuation.resume(throwing: TransportError(.cancelled, "the transport was shut down"))
        } else {
            available.signal()
        }
    }

    func pop() -> LaneJob? {
        available.wait()
        return state.withLock { s in s.jobs.isEmpty ? nil : s.jobs.removeFirst() }
    }

    func close(lanes: Int) {
        let pending = state.withLock { s -> [LaneJob] in
            s.closed = true
            defer { s.jobs.removeAll() }
            return s.jobs
        }
        for job in pending { job.continuation.resume(throwing: TransportError(.cancelled, "the transport was shut down")) }
        for _ in 0..<lanes { available.signal() }
    }
}
