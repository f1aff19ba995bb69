import BayanTestSupport
import Foundation
import Testing

/// `bayan glossary add|edit|delete|history` as a script meets them, and the write path under a
/// crash between the fsynced temporary file and the rename.
@Suite struct GlossaryEditCommandTests {
    func bayan(_ args: [String], _ spool: TempSpool, env: [String: String] = [:], log: String) async throws -> (Int32, String) {
        let p = try DaemonProcess(arguments: args, environment: env, logPath: spool.dir + "/" + log)
        let status = await p.waitForExit(timeout: 60) ?? -1
        return (status, p.log)
    }

    func configure(_ spool: TempSpool, glossary: String) throws {
        try spool.writeConfig(engineURL: "http://127.0.0.1:1")
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
            .replacingOccurrences(of: "  files: []", with: "  files: [\"\(glossary)\"]")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
    }

    @Test func aCrashBeforeTheRenameLeavesTheFileAsItWas() async throws {
        let spool = try TempSpool()
        let path = spool.dir + "/g.tsv"
        let original = "ar\ten\tnote\n# kept by hand\nشحنة\tshipment\tx\n"
        try original.write(toFile: path, atomically: true, encoding: .utf8)
        try configure(spool, glossary: path)
        let add = ["glossary", "add", "--config", spool.configPath, "--ar", "التخليص الجمركي", "--en", "customs clearance"]
        let (crashed, _) = try await bayan(add, spool, env: ["BAYAN_FAULT": "before-rename"], log: "crash.log")
        #expect(crashed == 137)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: spool.dir).filter { $0.hasPrefix(".g.tsv.") && $0.hasSuffix(".tmp") }
        #expect(leftovers.count == 1, "the fsynced temporary file is what the crash leaves")
        // The next edit goes through and clears the dead writer's temporary file.
        let (status, out) = try await bayan(add, spool, log: "add.log")
        #expect(status == 0, "\(out)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original + "التخليص الجمركي\tcustoms clearance\t\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: spool.dir).filter { $0.hasSuffix(".tmp") } == [])
        let (_, history) = try await bayan(["glossary", "history", "--config", spool.configPath], spool, log: "history.log")
        #expect(history.contains("add  \(path):4"))
        #expect(history.components(separatedBy: "after:").count == 2, "one change recorded, not the crashed one:\n\(history)")
    }

    @Test func refusalsHaveExitCodesAndTheCheckersWords() async throws {
        let spool = try TempSpool()
        let path = spool.dir + "/g.tsv"
        try "ar\ten\nشحنة\tshipment\n".write(toFile: path, atomically: true, encoding: .utf8)
        try configure(spool, glossary: path)
        let (invalid, invalidOut) = try await bayan(["glossary", "add", "--config", spool.configPath, "--ar", "شحنه", "--en", "cargo"], spool, log: "invalid.log")
        #expect(invalid == 1)
        #expect(invalidOut.contains("\(path):3: «شحنه» is \"cargo\" here but \"shipment\" on line 2"))
        let (stale, staleOut) = try await bayan(["glossary", "delete", "--config", spool.configPath, "--line", "2", "--revision", String(repeating: "0", count: 64)], spool, log: "stale.log")
        #expect(stale == 75)
        #expect(staleOut.contains("changed on disk since it was read"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ar\ten\nشحنة\tshipment\n")
        let (edited, _) = try await bayan(["glossary", "edit", "--config", spool.configPath, "--line", "2", "--en", "consignment", "--actor", "amal"], spool, log: "edit.log")
        #expect(edited == 0)
        let (_, history) = try await bayan(["glossary", "history", "--config", spool.configPath], spool, log: "history.log")
        #expect(history.contains("amal  edit  \(path):2"))
        #expect(history.contains("before: «شحنة» → \"shipment\""))
        #expect(history.contains("after:  «شحنة» → \"consignment\""))
    }

    @Test func aTermAddedFromTheCommandLineReachesTheRunningDaemonsNextDocument() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        let glossary = spool.dir + "/terms.tsv"
        try "ar\ten\tnote\n# kept by hand\nجمارك دبي\tDubai Customs\ttest\n".write(toFile: glossary, atomically: true, encoding: .utf8)
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
            .replacingOccurrences(of: "  files: []", with: "  files: [\"\(glossary)\"]")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        func status() -> [String: Any]? {
            guard let data = FileManager.default.contents(atPath: spool.root + "/.state/status.json") else { return nil }
            return (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["glossary"] as? [String: Any]
        }
        #expect(await Eventually.wait(timeout: 20) { status()?["entries"] as? Int == 1 }, "log:\n\(daemon.log)")
        let before = status()?["version"] as? String
        // A refused change leaves the running glossary as it was.
        let (refused, _) = try await bayan(["glossary", "add", "--config", spool.configPath, "--ar", "جمارك دبي", "--en", "Customs of Dubai"], spool, log: "refused.log")
        #expect(refused == 1)
        let (added, out) = try await bayan(
            ["glossary", "add", "--config", spool.configPath, "--ar", "ميناء جبل علي", "--en", "Jebel Ali Port", "--actor", "amal"], spool, log: "add.log")
        #expect(added == 0, "\(out)")
        #expect(await Eventually.wait(timeout: 20) { status()?["entries"] as? Int == 2 }, "log:\n\(daemon.log)")
        #expect(status()?["version"] as? String != before)
        try spool.drop("port.txt", Fixtures.release(1))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["port.txt"] })
        let terms = ((spool.resultJSON("port")?["segments"] as? [[String: Any]])?.first?["terms"] as? [[String: Any]]) ?? []
        #expect(Set(terms.compactMap { $0["en"] as? String }) == ["Dubai Customs", "Jebel Ali Port"])
        #expect(try String(contentsOfFile: glossary, encoding: .utf8).hasPrefix("ar\ten\tnote\n# kept by hand\nجمارك دبي\tDubai Customs\ttest\n"))
        #expect(FileManager.default.fileExists(atPath: spool.root + "/.state/glossary.sqlite"))
        #expect(daemon.isRunning)
    }
}
