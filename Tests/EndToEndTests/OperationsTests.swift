import BayanCore
import BayanTestSupport
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Collects sd_notify datagrams sent to a socket, as systemd would.
final class NotifySocket: Sendable {
    let path: String
    private let fd: Int32
    private let received = Mutex<[String]>([])

    init(path: String) throws {
        self.path = path
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
        let rc = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        guard rc == 0 else { throw POSIXError(.EADDRINUSE) }
        var tv = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(fd) }

    /// Reads what has arrived (non-blocking beyond a short timeout) and returns everything so far.
    func messages() -> [String] {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            let text = String(decoding: buffer[0..<n], as: UTF8.self)
            received.withLock { $0.append(text) }
        }
        return received.withLock { $0 }
    }
}

@Suite struct OperationsTests {
    /// The value of the sample `name` (with its labels) in a Prometheus text file.
    static func value(_ text: String, _ name: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(name + " ") {
            return Double(line.dropFirst(name.count + 1))
        }
        return nil
    }

    @Test func systemdNotificationsAndPrometheusTextfile() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        let notify = try NotifySocket(path: spool.dir + "/notify.sock")
        let daemon = try DaemonProcess.run(spool, environment: ["NOTIFY_SOCKET": notify.path, "WATCHDOG_USEC": "400000"])
        #expect(await Eventually.wait(timeout: 20) { notify.messages().contains { $0.hasPrefix("READY=1") } })
        #expect(await Eventually.wait(timeout: 20) { notify.messages().filter { $0 == "WATCHDOG=1" }.count >= 2 })
        try spool.drop("m.txt", Fixtures.release(1))
        let metricsPath = spool.root + "/" + SpoolFolders.metricsFile
        #expect(await Eventually.wait(timeout: 30) {
            ((try? String(contentsOfFile: metricsPath, encoding: .utf8)) ?? "").contains("bayan_documents_processed_total 1")
        })
        let metrics = try String(contentsOfFile: metricsPath, encoding: .utf8)
        #expect(metrics.contains("bayan_spool_files{folder=\"done\"} 1"))
        #expect(metrics.contains("# TYPE bayan_documents_processed_total counter"))
        #expect(metrics.contains("bayan_engine_state{state=\"ok\"} 1"))
        // The engine answered at least one request, translated the release's sentences, and
        // the document's processing time was counted once.
        #expect(await Eventually.wait(timeout: 20) {
            let text = (try? String(contentsOfFile: metricsPath, encoding: .utf8)) ?? ""
            return text.contains("bayan_document_seconds_count 1") && Self.value(text, "bayan_sentences_translated_total") ?? 0 > 0
        })
        let later = try String(contentsOfFile: metricsPath, encoding: .utf8)
        #expect(Self.value(later, "bayan_engine_requests_total{outcome=\"ok\"}") ?? 0 >= 1)
        #expect(Self.value(later, "bayan_engine_requests_total{outcome=\"retryable\"}") == 0)
        #expect(Self.value(later, "bayan_engine_retries_total") == 0)
        #expect(later.contains("bayan_document_seconds_bucket{le=\"+Inf\"} 1"))
        #expect(later.contains("# TYPE bayan_document_seconds histogram"))
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 20) { notify.messages().contains("RELOADING=1") })
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 20) == 0)
        #expect(notify.messages().contains("STOPPING=1"))
    }
}
