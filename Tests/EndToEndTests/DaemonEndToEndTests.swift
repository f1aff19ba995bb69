import BayanCore
import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct DaemonEndToEndTests {
    @Test func droppedReleaseYieldsAlignedResult() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("release.txt", Fixtures.seedText)
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["release.txt"] }, "log:\n\(daemon.log)")
        let json = try #require(spool.resultJSON("release"))
        #expect(resultIsAligned(json))
        let segments = try #require(json["segments"] as? [[String: Any]])
        #expect(segments.count == 8)
        // Offsets are Unicode-scalar offsets into the source, end exclusive.
        let scalars = Array(Fixtures.seedText.unicodeScalars)
        for s in segments {
            let start = try #require(s["start"] as? Int), end = try #require(s["end"] as? Int)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            #expect(String(view) == s["ar"] as? String)
        }
        let source = try #require(json["source"] as? [String: Any])
        #expect(source["sha256"] as? String == SHA256.hex(Array(Fixtures.seedText.utf8)))
        #expect(source["encoding"] as? String == "utf-8")
        #expect(FileManager.default.fileExists(atPath: spool.out + "/release/aligned.md"))
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("published") })
        #expect(await daemon.waitUntilServing(spool))
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 15) == 0)
    }

    @Test func writerAppendingInSessionsIsNotClaimedEarly() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 2\n")
        // settle 1 s from the YAML override below.
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8)).replacingOccurrences(of: "settle: 0.2", with: "settle: 2")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        // The writer runs on its own thread so its pace (0.3 s between sessions, well under the
        // 2 s settle time) does not depend on how busy the test's task pool is.
        let expected = WriterResult()
        let writer = Thread {
            for trial in 0..<3 {
                let path = spool.inbox + "/slow-\(trial).txt"
                var full = ""
                for part in 0..<4 {
                    let chunk = "الجزء \(part) من البيان \(trial).\n"
                    full += chunk
                    // open(O_APPEND) like a shell `>>`: FileManager.createFile would rename the file in.
                    let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
                    _ = Array(chunk.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                    close(fd)
                    Thread.sleep(forTimeInterval: 0.3)
                }
                expected.set("slow-\(trial)", SHA256.hex(Array(full.utf8)))
            }
        }
        writer.start()
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == 3 }, "log:\n\(daemon.log)")
        for (stem, sha) in expected.all {
            let source = spool.resultJSON(stem)?["source"] as? [String: Any]
            #expect(source?["sha256"] as? String == sha, "\(stem) was claimed before its writer finished")
        }
    }

    @Test func renamedDropIsClaimedWithoutWaitingToSettle() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8)).replacingOccurrences(of: "settle: 0.2", with: "settle: 60")
            .replacingOccurrences(of: "rescan_interval: 1", with: "rescan_interval: 60")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        #expect(await Eventually.wait(timeout: 10) { FileManager.default.fileExists(atPath: spool.statusFile) })
        try spool.drop("moved.txt", Fixtures.release(1))
        // Far sooner than the 60 s settle time: the rename itself proves the file is complete.
        #expect(await Eventually.wait(timeout: 20) { spool.doneFiles == ["moved.txt"] }, "log:\n\(daemon.log)")
        #expect(resultIsAligned(spool.resultJSON("moved")))
    }

    @Test func restartProcessesWhatWasLeftInActive() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        // As if a daemon died after claiming two files, and one before renaming into its folder.
        for (id, name) in [("20260101T000000Z-999999-1", "left-a.txt"), ("20260101T000000Z-999999-2", "left-b.txt")] {
            try FileManager.default.createDirectory(atPath: spool.active + "/" + id, withIntermediateDirectories: true)
            try Fixtures.release(name.count).write(toFile: spool.active + "/" + id + "/" + name, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: spool.active + "/20260101T000000Z-999999-3", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: spool.tmp + "/20260101T000000Z-999999-1", withIntermediateDirectories: true)
        let daemon = try DaemonProcess.run(spool)
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["left-a.txt", "left-b.txt"] }, "log:\n\(daemon.log)")
        #expect(await Eventually.wait(timeout: 5) { spool.list(spool.active).isEmpty })
        #expect(spool.list(spool.tmp).isEmpty)
        #expect(resultIsAligned(spool.resultJSON("left-a")))
    }

    @Test func sigtermLetsInFlightFinishAndExitsZero() async throws {
        let server = try Fixtures.server(latencyMs: 400)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("inflight.txt", Fixtures.release(7))
        #expect(await Eventually.wait(timeout: 20) { server.requestCount > 0 })
        #expect(await daemon.waitUntilServing(spool))
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 15) == 0)
        #expect(spool.doneFiles == ["inflight.txt"])
        #expect(resultIsAligned(spool.resultJSON("inflight")))
        #expect(daemon.log.contains("stopped"))
    }

    @Test func sigtermAfterGraceLeavesDocumentForNextStart() async throws {
        let server = try Fixtures.server(faults: FaultPlan(script: [.hang]))
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "shutdown_grace: 0.5\n")
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("stuck.txt", Fixtures.release(8))
        #expect(await Eventually.wait(timeout: 20) { server.requestCount > 0 })
        #expect(await daemon.waitUntilServing(spool))
        daemon.signal(SIGINT)
        #expect(await daemon.waitForExit(timeout: 15) == 0)
        #expect(spool.doneFiles.isEmpty)
        #expect(spool.list(spool.active).count == 1)
        // The next start recovers it (the hang was scripted once).
        let again = try DaemonProcess.run(spool, logName: "daemon2.log")
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["stuck.txt"] }, "log:\n\(again.log)")
    }

    @Test func sighupWithBrokenConfigKeepsRunning() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        try "engine:\n  kind: nonsense\n  url: [oops\n".write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("reload refused") }, "log:\n\(daemon.log)")
        #expect(daemon.isRunning)
        try spool.drop("after-hup.txt", Fixtures.release(3))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["after-hup.txt"] }, "log:\n\(daemon.log)")
        // The status file (rewritten every status_interval) shows the refused reload.
        #expect(await Eventually.wait(timeout: 10) {
            ((try? String(contentsOfFile: spool.statusFile, encoding: .utf8)) ?? "").contains("\"ok\" : false")
        })
        // A good file is then taken.
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 3\n")
        daemon.signal(SIGHUP)
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("configuration reloaded") })
    }

    @Test func hostileEntriesAreRejectedWithReasonsAndNothingIsReadThroughLinks() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let outside = spool.dir + "/secret.txt"
        try "سر لا يقرأ".write(toFile: outside, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("bayan started") })
        symlink(outside, spool.inbox + "/link.txt")
        symlink(spool.dir, spool.inbox + "/dirlink")
        link(outside, spool.inbox + "/hard.txt")
        mkfifo(spool.inbox + "/pipe.txt", 0o644)
        try FileManager.default.createDirectory(atPath: spool.inbox + "/folder", withIntermediateDirectories: false)
        try spool.drop("empty.txt", "")
        try spool.drop("binary.txt", bytes: [0xFF, 0xFE, 0x00, 0xC3, 0x28])
        try spool.drop("good.txt", Fixtures.release(4))
        let expectedFailed = ["binary.txt", "dirlink", "empty.txt", "folder", "hard.txt", "link.txt", "pipe.txt"]
        #expect(await Eventually.wait(timeout: 30) { spool.failedFiles == expectedFailed && spool.doneFiles == ["good.txt"] },
                "failed: \(spool.failedFiles) done: \(spool.doneFiles)\nlog:\n\(daemon.log)")
        for name in expectedFailed {
            let reason = try String(contentsOfFile: spool.failed + "/" + name + ".reason.txt", encoding: .utf8)
            #expect(reason.contains("was not processed"), "\(name): \(reason)")
        }
        // No request ever carried the secret's text.
        #expect(!server.requests.contains { $0.bodyText.contains("سر لا يقرأ") })
        #expect(daemon.isRunning)
    }

    @Test func sameStemDifferentContentNeverOverwrites() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("news.txt", Fixtures.release(1))
        #expect(await Eventually.wait(timeout: 20) { spool.doneFiles.count == 1 })
        try spool.drop("news.txt", Fixtures.release(1))  // identical again: same result, same folder
        #expect(await Eventually.wait(timeout: 20) { spool.doneFiles.count == 2 })
        #expect(spool.published == ["news"])
        try spool.drop("news.txt", Fixtures.release(2))  // different content, same stem
        #expect(await Eventually.wait(timeout: 20) { spool.doneFiles.count == 3 }, "log:\n\(daemon.log)")
        let sha2 = SHA256.hex(Array(Fixtures.release(2).utf8))
        #expect(spool.published == ["news", "news-" + sha2.prefix(8)])
        #expect((spool.resultJSON("news")?["source"] as? [String: Any])?["sha256"] as? String == SHA256.hex(Array(Fixtures.release(1).utf8)))
        #expect(spool.doneFiles == ["news (2).txt", "news (3).txt", "news.txt"])
    }
}

final class WriterResult: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: String] = [:]
    func set(_ key: String, _ value: String) { lock.withLock { values[key] = value } }
    var all: [String: String] { lock.withLock { values } }
}
