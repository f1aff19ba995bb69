import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Synchronization
@testable import Translation

/// Shared helpers of the translation tests.
enum T {
    static func transport(concurrency: Int = 2, timeout: Double = 5) -> CurlTransport {
        var options = TransportOptions()
        options.concurrency = concurrency
        options.totalTimeout = timeout
        options.connectTimeout = 2
        return CurlTransport(options: options)
    }

    static func fastPolicy(attempts: Int = 6, maxRetryAfter: Double = 0.05) -> RetryPolicy {
        var p = RetryPolicy()
        p.maxAttempts = attempts
        p.baseDelay = 0.001
        p.maxDelay = 0.01
        p.maxRetryAfter = maxRetryAfter
        return p
    }

    static func items(_ count: Int, prefix: String = "جملة رقم") -> [TranslationItem] {
        (0..<count).map { TranslationItem(id: "\($0 + 1)", text: "\(prefix) \(arabicNumber($0 + 1)) عن المنافذ البرية.") }
    }

    static func arabicNumber(_ n: Int) -> String {
        String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) })
    }

    static func tempPath(_ name: String) -> String {
        let dir = NSTemporaryDirectory() + "bayan-tt-" + UUID().uuidString.prefix(8)
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir + "/" + name
    }

    static func bodies(_ server: LoopbackHTTPServer, path: String) -> [[String: Any]] {
        server.requests.filter { $0.path == path }.compactMap { try? JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any] }
    }
}

/// A log handler that keeps every line, to search it for secrets.
final class CapturedLog: Sendable {
    private let lines = Mutex<[String]>([])

    var text: String { lines.withLock { $0.joined(separator: "\n") } }

    func append(_ line: String) { lines.withLock { $0.append(line) } }

    var logger: Logger {
        Logger(label: "test") { _ in Handler(log: self) }
    }

    struct Handler: LogHandler {
        let log: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let all = self.metadata.merging(event.metadata ?? [:]) { $1 }
            log.append("\(event.level) \(event.message) \(all)")
        }
    }
}

/// Counts requests in flight at the server, to check the concurrency limit.
final class InFlightGauge: Sendable {
    private let state = Mutex<(now: Int, max: Int)>((0, 0))
    func enter() { state.withLock { s in s.now += 1; s.max = Swift.max(s.max, s.now) } }
    func leave() { state.withLock { $0.now -= 1 } }
    var maximum: Int { state.withLock { $0.max } }

    func wrap(_ handler: @escaping LoopbackHTTPServer.Handler) -> LoopbackHTTPServer.Handler {
        { request in
            self.enter()
            defer { self.leave() }
            return handler(request)
        }
    }
}

/// A clock the test moves by hand, so that a circuit breaker's cool-down cannot run out while a
/// loaded machine keeps the test waiting between two calls.
final class ManualClock: Sendable {
    private let seconds = Mutex(1_000_000.0)
    var now: Double { seconds.withLock { $0 } }
    func advance(to value: Double) { seconds.withLock { $0 = Swift.max($0, value) } }
    var function: @Sendable () -> Double { { self.now } }
}

/// Holds the server's answers until `open()`: a test makes an ordering it asserts happen for
/// sure, not only on an idle machine. Waits with a deadline, never forever.
final class Gate: Sendable {
    private let opened = Mutex(false)
    private let semaphore = DispatchSemaphore(value: 0)

    func open() {
        let first = opened.withLock { was in defer { was = true }; return !was }
        if first { semaphore.signal() }
    }

    /// Returns once the gate is open, or after `deadline` seconds.
    func pass(deadline: Double = 10) {
        if opened.withLock({ $0 }) { return }
        _ = semaphore.wait(timeout: .now() + deadline)
        semaphore.signal()  // let the next waiter through too
    }
}
