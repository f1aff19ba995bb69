import BayanCore
import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SIGHUP, sent as a real signal to the real daemon: what a reload changes and what it keeps.
@Suite struct ReloadEndToEndTests {
    static func status(_ spool: TempSpool) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: spool.statusFile),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object
    }

    static func translation(_ spool: TempSpool, _ key: String) -> Int {
        ((status(spool)["translation"] as? [String: Any])?[key] as? Int) ?? -1
    }

    @Test func changingWorkersTakesEffectOnSighup() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 1\nstatus_interval: 0.1\n")
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        #expect(await Eventually.wait(timeout: 10) { Self.status(spool)["workers"] as? Int == 1 }, "status: \(Self.status(spool))")
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 3\nstatus_interval: 0.1\n")
        daemon.signal(SIGHUP)
        // The dispatcher's worker slots (not only the configuration) now admit three.
        #expect(await Eventually.wait(timeout: 10) { Self.status(spool)["workers"] as? Int == 3 }, "log:\n\(daemon.log)")
        try spool.drop("after-hup.txt", Fixtures.release(31))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["after-hup.txt"] }, "log:\n\(daemon.log)")
        // And back down, with documents arriving meanwhile: none is lost or stuck.
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 1\nstatus_interval: 0.1\n")
        for i in 0..<6 { try spool.drop("down-\(i).txt", Fixtures.release(40 + i)) }
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 10) { Self.status(spool)["workers"] as? Int == 1 }, "log:\n\(daemon.log)")
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == 7 }, "log:\n\(daemon.log)")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 30) == 0)
    }

    @Test func translatorCountersSurviveAReload() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.1\n")
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        try spool.drop("before.txt", Fixtures.release(51))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["before.txt"] }, "log:\n\(daemon.log)")
        #expect(await Eventually.wait(timeout: 10) { Self.translation(spool, "requests") == server.requestCount })
        let requestsBefore = Self.translation(spool, "requests")
        let sentencesBefore = Self.translation(spool, "sentences_translated")
        #expect(requestsBefore >= 1 && sentencesBefore >= 1)

        // A reload that builds a new engine and translator (a changed batch size).
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.1\n", engine: "  batch_size: 7\n")
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 10) { (Self.status(spool)["last_reload"] as? [String: Any])?["ok"] as? Bool == true }, "log:\n\(daemon.log)")
        #expect(Self.translation(spool, "requests") == requestsBefore, "the counters went back to zero on reload")
        #expect(Self.translation(spool, "sentences_translated") == sentencesBefore)

        try spool.drop("after.txt", Fixtures.release(52))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == 2 }, "log:\n\(daemon.log)")
        #expect(await Eventually.wait(timeout: 10) { Self.translation(spool, "requests") == server.requestCount }, "status: \(Self.status(spool))")
        #expect(Self.translation(spool, "requests") > requestsBefore)
        #expect(Self.translation(spool, "sentences_translated") > sentencesBefore)
        let metrics = (try? String(contentsOfFile: spool.root + "/" + SpoolFolders.metricsFile, encoding: .utf8)) ?? ""
        #expect(metrics.contains("bayan_engine_requests_total{outcome=\"ok\"} \(server.requestCount)"), "metrics:\n\(metrics)")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 30) == 0)
    }
}
