import BayanCore
import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct SpoolStressTests {
    /// Lowers the inotify queue for the daemon about to start (root only), so a flood overflows it.
    static func shrinkInotifyQueue(statusPath: String, _ body: () throws -> DaemonProcess) async rethrows -> (DaemonProcess, Bool) {
        let path = "/proc/sys/fs/inotify/max_queued_events"
        let original = try? String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let lowered = (try? "64".write(toFile: path, atomically: false, encoding: .utf8)) != nil
        defer { if lowered, let original { try? original.write(toFile: path, atomically: false, encoding: .utf8) } }
        let daemon = try body()
        // The status file appears once the watcher exists (the limit applies at inotify_init).
        if lowered { await Eventually.wait(timeout: 10) { daemon.log.contains("bayan started") && FileManager.default.fileExists(atPath: statusPath) } }
        return (daemon, lowered)
    }

    @Test func floodBeyondTheInotifyQueueIsClaimedExactlyOnce() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 4\n")
        let (daemon, lowered) = try await Self.shrinkInotifyQueue(statusPath: spool.statusFile) { try DaemonProcess.run(spool) }
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("bayan started") })
        let count = 1500
        // Stopped, the daemon reads no events while the flood arrives, so the queue must overflow.
        daemon.signal(SIGSTOP)
        for i in 0..<count { try spool.drop(String(format: "flood-%04d.txt", i), Fixtures.release(i)) }
        daemon.signal(SIGCONT)
        #expect(await Eventually.wait(timeout: 240, poll: 0.2) { spool.doneFiles.count == count }, "done \(spool.doneFiles.count)")
        #expect(spool.published.count == count)
        #expect(spool.failedFiles.isEmpty)
        let claims = daemon.log.components(separatedBy: "\n").filter { $0.contains(" claimed ") }
        #expect(claims.count == count, "every file claimed exactly once")
        if lowered { #expect(daemon.log.contains("inotify queue overflowed")) }
        print("flood: dropped \(count), claimed \(claims.count), published \(spool.published.count), queue lowered: \(lowered)")
    }

    @Test func twoDaemonsOnOneSpoolNeverProcessTheSameFile() async throws {
        let server = try Fixtures.server(latencyMs: 2)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let a = try DaemonProcess.run(spool, logName: "a.log")
        let b = try DaemonProcess.run(spool, logName: "b.log")
        #expect(await Eventually.wait(timeout: 10) { a.log.contains("bayan started") && b.log.contains("bayan started") })
        let count = 300
        for i in 0..<count { try spool.drop("twin-\(i).txt", Fixtures.release(i)) }
        #expect(await Eventually.wait(timeout: 180, poll: 0.1) { spool.doneFiles.count == count }, "done \(spool.doneFiles.count)")
        let claimsA = a.log.components(separatedBy: "\n").filter { $0.contains(" claimed ") }
        let claimsB = b.log.components(separatedBy: "\n").filter { $0.contains(" claimed ") }
        #expect(claimsA.count + claimsB.count == count, "a \(claimsA.count) + b \(claimsB.count)")
        #expect(spool.published.count == count)
        #expect(Set(spool.doneFiles).count == count && !spool.doneFiles.contains { $0.contains(" (2)") })
        print("two daemons: a claimed \(claimsA.count), b claimed \(claimsB.count), total \(count)")
    }

    @Test func randomSigkillsLoseNothingAndLeaveNothingPartial() async throws {
        let server = try Fixtures.server(latencyMs: 15)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 3\n")
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8)).replacingOccurrences(of: "  root:", with: "  max_attempts: 1000\n  root:")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let inputs = 40
        var expectedSHA: [String: String] = [:]
        var names: [String] = []
        for i in 0..<inputs {
            let text = Fixtures.release(i) + String(repeating: "وتستمر جمارك دبي في تطوير خدماتها رقم \(i).\n", count: 1 + i % 5)
            let (name, bytes) = try Fixtures.mixedInput(i, text: text)
            try spool.drop(name, bytes: bytes)
            names.append(name)
            expectedSHA[String(name[..<name.lastIndex(of: ".")!])] = SHA256.hex(bytes)
        }
        // 50 kills in CI; `BAYAN_SOAK_KILLS=500 bash .ci/crash-soak` runs the long soak.
        let target = Int(ProcessInfo.processInfo.environment["BAYAN_SOAK_KILLS"] ?? "") ?? 50
        var rng = SplitMix64(seed: UInt64(ProcessInfo.processInfo.environment["BAYAN_SOAK_SEED"] ?? "") ?? 2026)
        var kills = 0
        while kills < target {
            let daemon = try DaemonProcess.run(spool, logName: "run-\(kills).log")
            let delay = Double(rng.next() % 400) / 1000 + 0.05
            try await Task.sleep(for: .seconds(delay))  // a random moment in the daemon's life
            daemon.kill9()
            kills += 1
            // Invariant at every crash: a published folder is complete.
            for stem in spool.published { #expect(resultIsAligned(spool.resultJSON(stem)), "partial result \(stem) after kill \(kills)") }
        }
        let last = try DaemonProcess.run(spool, logName: "final.log")
        #expect(await Eventually.wait(timeout: 120, poll: 0.1) { spool.doneFiles.count + spool.failedFiles.count == inputs }, "log:\n\(last.log)")
        #expect(await last.waitUntilServing(spool))
        last.signal(SIGTERM)
        let exit = await last.waitForExit(timeout: 30)
        #expect(exit == 0, "exit \(String(describing: exit)); log:\n\(last.log.suffix(3000))")
        var lost = 0, duplicated = 0, partial = 0, mismatched = 0
        for name in names {
            let stem = String(name[..<name.lastIndex(of: ".")!])
            let places = (spool.doneFiles.contains(name) ? 1 : 0) + (spool.failedFiles.contains(name) ? 1 : 0) + (spool.list(spool.inbox).contains(name) ? 1 : 0)
            if places == 0 { lost += 1 }
            if places > 1 || spool.doneFiles.contains { $0.hasPrefix(stem + " (2)") } { duplicated += 1 }
            guard let json = spool.resultJSON(stem) else { lost += 1; continue }
            if !resultIsAligned(json) { partial += 1 }
            if (json["source"] as? [String: Any])?["sha256"] as? String != expectedSHA[stem] { mismatched += 1 }
        }
        // The mix really was read in each of its formats and encodings.
        let kinds = Set(names.compactMap { name -> String? in
            let source = spool.resultJSON(String(name[..<name.lastIndex(of: ".")!]))?["source"] as? [String: Any]
            guard let format = source?["format"] as? String, let encoding = source?["encoding"] as? String else { return nil }
            return format + "/" + encoding
        })
        #expect(kinds.isSuperset(of: ["text/utf-8", "text/utf-16le", "text/windows-1256", "html/utf-8"]) && kinds.contains { $0.hasPrefix("docx/") }, "\(kinds)")
        duplicated += spool.published.filter { $0.contains("-") && $0.split(separator: "-").count > 2 }.count
        print("crash test: kills \(kills), inputs \(inputs), lost \(lost), duplicated \(duplicated), partial \(partial), mismatched \(mismatched)")
        #expect(lost == 0 && duplicated == 0 && partial == 0 && mismatched == 0)
        #expect(spool.published.count == inputs)
        #expect(spool.failedFiles.isEmpty)
        #expect(spool.list(spool.active).isEmpty)
        #expect(spool.list(spool.tmp).isEmpty, "stale temporaries: \(spool.list(spool.tmp))")
    }
}
