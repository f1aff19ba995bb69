import BayanCore
import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct CommandLineTests {
    func runBayan(_ args: [String], spool: TempSpool, env: [String: String] = [:], log: String = "cli.log") async throws -> (Int32, String) {
        let p = try DaemonProcess(arguments: args, environment: env, logPath: spool.dir + "/" + log)
        let status = await p.waitForExit(timeout: 60) ?? -1
        return (status, p.log)
    }

    @Test func configCheckNamesEveryProblemWithItsKey() async throws {
        let spool = try TempSpool()
        try """
            workers: 0
            engine:
              kind: libretranslate
              url: ftp://example
              api_key: should-not-be-here
              concurrencyy: 4
            spool:
              settle: soon
            """.write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let (status, out) = try await runBayan(["config", "check", "--config", spool.configPath], spool: spool)
        #expect(status == 78)
        #expect(out.contains("workers: 0 is out of range"))
        #expect(out.contains("engine.url: must be an http:// or https:// URL"))
        #expect(out.contains("engine.api_key: API keys are not read from the config file"))
        #expect(out.contains("engine.concurrencyy: unknown key (did you mean `engine.concurrency`?)"))
        #expect(out.contains("spool.settle: must be a duration"))
        #expect(!out.contains("should-not-be-here"))
        // `run` refuses to start with the same file.
        let (runStatus, runOut) = try await runBayan(["run", "--config", spool.configPath], spool: spool, log: "run.log")
        #expect(runStatus == 78)
        #expect(runOut.contains("nothing was started"))
        #expect(!FileManager.default.fileExists(atPath: spool.root + "/.state"))
    }

    @Test func environmentOverridesTheFile() async throws {
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: "http://127.0.0.1:1")
        let (status, out) = try await runBayan(
            ["config", "check", "--config", spool.configPath], spool: spool,
            env: ["BAYAN_ENGINE_URL": "http://127.0.0.1:9999", "BAYAN_WORKERS": "5", "BAYAN_ENGINE_BATCH_SIZE": "7"])
        #expect(status == 0)
        #expect(out.contains("engine.url=http://127.0.0.1:9999"))
        #expect(out.contains("workers=5"))
        #expect(out.contains("engine.batch_size=7"))
        let (bad, badOut) = try await runBayan(["config", "check", "--config", spool.configPath], spool: spool, env: ["BAYAN_WORKERS": "many"], log: "bad.log")
        #expect(bad == 78)
        #expect(badOut.contains("workers: must be a whole number"))
    }

    @Test func translateOneShotPublishesLikeTheDaemon() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let outDir = spool.dir + "/results"
        let bad = spool.dir + "/bad.txt"
        try Data([0xC3, 0x28]).write(to: URL(fileURLWithPath: bad))
        let (status, out) = try await runBayan(["translate", "--config", spool.configPath, "--out", outDir, Fixtures.seedPath, bad], spool: spool)
        #expect(status != 0)
        #expect(out.contains("bad.txt: bad.txt is not valid UTF-8"))
        let result = try #require(FileManager.default.contents(atPath: outDir + "/000_62ba54d9c0d0bfaf/result.json"))
        #expect(resultIsAligned(try JSONSerialization.jsonObject(with: result) as? [String: Any]))
        #expect(!FileManager.default.fileExists(atPath: outDir + "/.bayan-tmp"))
        let (ok, _) = try await runBayan(["translate", "--config", spool.configPath, "--out", outDir, Fixtures.seedPath], spool: spool, log: "ok.log")
        #expect(ok == 0)
    }

    @Test func statusWorksWhileTheDaemonRuns() async throws {
        let server = try Fixtures.server(faults: FaultPlan(rates: [(.status(503), 1.0)]))
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\n")
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("waiting.txt", Fixtures.release(5))
        try spool.drop("broken.txt", bytes: [0xFF, 0xFF, 0xC3])
        // The engine always fails: the document is deferred and shown as waiting.
        #expect(await Eventually.wait(timeout: 30) {
            let (_, out) = (try? await runBayan(["status", "--config", spool.configPath], spool: spool, log: "status-\(UUID()).log")) ?? (1, "")
            return out.contains("daemon: running") && out.contains("document(s) waiting") && out.contains("broken.txt")
        }, "log:\n\(daemon.log)")
        let (_, json) = try await runBayan(["status", "--json", "--config", spool.configPath], spool: spool, log: "json.log")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["counts"] as? [String: Int])?["active"] == 1)
        #expect((object["engine"] as? [String: Any])?["state"] as? String != "ok")
        #expect(await daemon.waitUntilServing(spool))
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 15) == 0)
        let (_, after) = try await runBayan(["status", "--config", spool.configPath], spool: spool, log: "after.log")
        #expect(after.contains("daemon: not running"))
    }

    @Test func canaryKeyAppearsInNoLogStatusOrOutput() async throws {
        let canary = "BAYAN-CANARY-" + UUID().uuidString
        let server = try Fixtures.server(faults: FaultPlan(script: [.status(500), .status(403)]), apiKey: canary)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\nlog:\n  level: debug\n")
        let daemon = try DaemonProcess.run(spool, environment: ["BAYAN_ENGINE_API_KEY": canary])
        try spool.drop("secret.txt", Fixtures.release(9))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["secret.txt"] }, "log:\n\(daemon.log)")
        #expect(server.requests.contains { $0.bodyText.contains(canary) }, "the key reached the engine")
        let (_, check) = try await runBayan(["config", "check", "--config", spool.configPath], spool: spool, env: ["BAYAN_ENGINE_API_KEY": canary], log: "check.log")
        let (_, status) = try await runBayan(["status", "--json", "--config", spool.configPath], spool: spool, env: ["BAYAN_ENGINE_API_KEY": canary], log: "st.log")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 15)
        var leaks: [String] = []
        let walker = FileManager.default.enumerator(atPath: spool.dir)
        while let relative = walker?.nextObject() as? String {
            let path = spool.dir + "/" + relative
            if let data = FileManager.default.contents(atPath: path), String(decoding: data, as: UTF8.self).contains(canary) { leaks.append(relative) }
        }
        #expect(leaks.isEmpty, "the canary key leaked into \(leaks)")
        #expect(!check.contains(canary) && check.contains("api key: set"))
        #expect(!status.contains(canary))
    }
}

@Suite struct JSONLCommandTests {
    func pipe(_ args: [String], input: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: DaemonProcess.binary)
        process.arguments = args
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func jsonLine(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func summarizeChoosesSentencesExactlyAsSegmentGivesThem() throws {
        let input = String(decoding: try JSONSerialization.data(withJSONObject: ["doc_id": "seed", "text": Fixtures.seedText]), as: UTF8.self) + "\n"
        let segmented = try jsonLine(try pipe(["segment", "--jsonl"], input: input))["sentences"] as? [String]
        let summary = try jsonLine(try pipe(["summarize", "--jsonl", "--sentences", "3"], input: input))["summary"] as? [String]
        let sentences = try #require(segmented)
        let chosen = try #require(summary)
        #expect(sentences.count == 8)
        #expect(chosen.count == 3)
        #expect(chosen.allSatisfy(sentences.contains))
        // In document order.
        #expect(chosen.compactMap { sentences.firstIndex(of: $0) } == chosen.compactMap { sentences.firstIndex(of: $0) }.sorted())
    }

    @Test func qaWithTheShippedGlossaryFlagsAMissedTerm() throws {
        let good = #"{"id":"ok","source":"شاركت جمارك دبي في المؤتمر","target":"Dubai Customs took part in the conference."}"#
        let bad = #"{"id":"bad","source":"شاركت جمارك دبي في المؤتمر","target":"The customs of the emirate took part in the conference."}"#
        let out = try pipe(["qa", "--jsonl", "--glossary", GlossaryEndToEndTests.shippedGlossary], input: good + "\n" + bad + "\n")
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect((try jsonLine(lines[0])["issues"] as? [Any])?.isEmpty == true)
        let issues = try #require(try jsonLine(lines[1])["issues"] as? [[String: Any]])
        #expect(issues.contains { $0["check"] as? String == "glossary" })
    }
}
