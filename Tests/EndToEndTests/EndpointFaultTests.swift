import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Documents through an engine that fails often and in every way: each must be published with
/// correct alignment. Prints requests per sentence and the time against a fault-free run.
@Suite struct EndpointFaultTests {
    func run(documents: Int, faults: FaultPlan) async throws -> (seconds: Double, requests: Int, sentences: Int, log: String) {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, engine: TempSpool.faultTolerantEngine)
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        let started = Date()
        for i in 0..<documents { try spool.drop("f-\(i).txt", Fixtures.release(500 + i)) }
        let finished = await Eventually.wait(timeout: 300, poll: 0.05) { spool.doneFiles.count + spool.failedFiles.count == documents }
        #expect(finished, "done \(spool.doneFiles.count) failed \(spool.failedFiles.count)\nlog:\n\(daemon.log.suffix(4000))")
        let seconds = Date().timeIntervalSince(started)
        #expect(spool.failedFiles.isEmpty)
        var sentences = 0
        for i in 0..<documents {
            let json = spool.resultJSON("f-\(i)")
            #expect(resultIsAligned(json), "f-\(i) is misaligned or missing")
            sentences += (json?["segments"] as? [Any])?.count ?? 0
        }
        return (seconds, server.requestCount, sentences, daemon.log)
    }

    @Test func everyDocumentCompletesAlignedThroughAFaultyEngine() async throws {
        let documents = 60
        let clean = try await run(documents: documents, faults: FaultPlan())
        let faults = FaultPlan(
            rates: [(.status(500), 0.30), (.status(429, retryAfter: "0"), 0.10), (.hang, 0.05), (.malformedJSON, 0.02)],
            seed: 424242)
        let faulty = try await run(documents: documents, faults: faults)
        print(String(
            format: "endpoint faults: %d documents, %d sentences; fault-free %.2f s, %d requests (%.3f per sentence); faulty %.2f s, %d requests (%.3f per sentence), %d faults injected, %.1f× the time",
            documents, faulty.sentences, clean.seconds, clean.requests, Double(clean.requests) / Double(max(clean.sentences, 1)),
            faulty.seconds, faulty.requests, Double(faulty.requests) / Double(max(faulty.sentences, 1)), faults.injectedCount,
            faulty.seconds / max(clean.seconds, 0.001)))
        #expect(faults.injectedCount > 0)
        #expect(faulty.requests > clean.requests)
    }
}

@Suite struct QuotaHoldTests {
    @Test func quotaHoldWaitsForTheOperatorAndResumesWithoutLoss() async throws {
        let faults = FaultPlan(script: [.status(456)])
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        for i in 0..<5 { try spool.drop("q-\(i).txt", Fixtures.release(700 + i)) }
        func engineState() -> String? {
            guard let data = FileManager.default.contents(atPath: spool.statusFile) else { return nil }
            return ((try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["engine"] as? [String: Any])?["state"] as? String
        }
        #expect(await Eventually.wait(timeout: 20) { engineState() == "hold" }, "log:\n\(daemon.log)")
        let requestsWhileHeld = server.requestCount
        // Requests already in flight when the 456 came may have carried some documents through;
        // the rest wait (held documents would otherwise wait at least 60 s).
        #expect(spool.doneFiles.count < 5)
        #expect(spool.failedFiles.isEmpty)
        // The operator resumes; held documents are sent again at once, and none is lost.
        let resume = try DaemonProcess(arguments: ["engine", "resume", "--config", spool.configPath], logPath: spool.dir + "/resume.log")
        #expect(await resume.waitForExit(timeout: 20) == 0, "\(resume.log)")
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == 5 }, "log:\n\(daemon.log)")
        #expect(server.requestCount > requestsWhileHeld)
        for i in 0..<5 { #expect(resultIsAligned(spool.resultJSON("q-\(i)"))) }
        #expect(spool.failedFiles.isEmpty)
    }
}
