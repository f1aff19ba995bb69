import BayanTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The daemon end to end against a loopback engine that answers at once: documents per second
/// for a bulk drop, drop-to-result latency for single documents (inotify path), and the
/// daemon's peak RSS. Runs the real `bayan` binary that sits next to this one.
enum PipelineBench {
    static func run(_ args: [String]) async throws {
        let documents = value(args, "--documents") ?? 2000
        let singles = value(args, "--singles") ?? 50
        let workers = value(args, "--workers") ?? 2
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: \(workers)\nlog:\n  level: warning\n")
        let daemon = try DaemonProcess.run(spool)
        guard await daemon.waitUntilServing(spool) else { throw BenchError("the daemon did not start: \(daemon.log)") }
        print("pipeline benchmark: bayan at \(DaemonProcess.binary), workers \(workers), engine on loopback (no latency)")

        // Drop-to-result latency, one document at a time, each dropped by rename (inotify path).
        var latencies: [Double] = []
        for i in 0..<singles {
            let name = "single-\(i)"
            let started = Date()
            try spool.drop(name + ".txt", text(i))
            guard await Eventually.wait(timeout: 30, poll: 0.001, { FileManager.default.fileExists(atPath: spool.out + "/" + name) }) else {
                throw BenchError("\(name) was not published")
            }
            latencies.append(Date().timeIntervalSince(started) * 1000)
        }
        latencies.sort()
        print(String(format: "drop-to-result latency over %d single drops: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     singles, percentile(latencies, 0.5), percentile(latencies, 0.99), latencies.last ?? 0))

        // Bulk: every document dropped at once.
        let requestsBefore = server.requestCount
        let started = Date()
        for i in 0..<documents { try spool.drop("bulk-\(i).txt", text(10_000 + i)) }
        let dropped = Date().timeIntervalSince(started)
        guard await Eventually.wait(timeout: 3600, poll: 0.05, { spool.doneFiles.count == singles + documents }) else {
            throw BenchError("only \(spool.doneFiles.count - singles) of \(documents) published")
        }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "bulk: %d documents (3 sentences each) dropped in %.2f s, all published after %.2f s: %.1f documents/s, %.2f ms per document, %d requests",
                     documents, dropped, elapsed, Double(documents) / elapsed, elapsed * 1000 / Double(documents), server.requestCount - requestsBefore))
        let status = (try? String(contentsOfFile: "/proc/\(daemon.pid)/status", encoding: .utf8)) ?? ""
        let peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? "?"
        let now = status.split(separator: "\n").first { $0.hasPrefix("VmRSS:") }.map { String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) } ?? "?"
        print("daemon memory after \(documents + singles) documents: peak RSS \(peak), current RSS \(now)")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 30)
    }

    static func text(_ n: Int) -> String {
        "أعلنت جمارك دبي اليوم ضبط الشحنة رقم \(n) في ميناء جبل علي.\nوأكد مدير الإدارة أن العملية \(n) تمت بالتنسيق مع منظمة الجمارك العالمية.\nوتستمر الدائرة في تطوير خدماتها الذكية للعملاء.\n"
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func value(_ args: [String], _ flag: String) -> Int? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return Int(args[i + 1])
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
