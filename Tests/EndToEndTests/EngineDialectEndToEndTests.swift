import BayanCore
import BayanTestSupport
import Foundation
import Testing

/// The real `bayan` daemon against DeepL and OpenAI test servers: the key never leaks, the
/// memory makes a second drop free, and `bayan memory export` writes TMX.
@Suite struct EngineDialectEndToEndTests {
    func run(_ args: [String], spool: TempSpool, env: [String: String], log: String) async throws -> (Int32, String) {
        let p = try DaemonProcess(arguments: args, environment: env, logPath: spool.dir + "/" + log)
        let status = await p.waitForExit(timeout: 60) ?? -1
        return (status, p.log)
    }

    func leaks(_ canary: String, in spool: TempSpool) -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(atPath: spool.dir)
        while let relative = walker?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: spool.dir + "/" + relative),
                String(decoding: data, as: UTF8.self).contains(canary)
            {
                found.append(relative)
            }
        }
        return found
    }

    @Test(arguments: ["deepl", "openai"])
    func canaryKeyLeaksNowhereAndTheSecondDropIsFree(_ kind: String) async throws {
        let canary = (kind == "deepl" ? "CANARY-" : "sk-CANARY-") + UUID().uuidString + (kind == "deepl" ? ":fx" : "")
        let faults = FaultPlan(script: [.status(500), .status(403)])
        let handler: LoopbackHTTPServer.Handler = kind == "deepl"
            ? DeepLDialect(authKey: canary, faults: faults).handle
            : OpenAIDialect(requiredAPIKey: canary, faults: faults).handle
        let server = try LoopbackHTTPServer(handler: handler)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "status_interval: 0.2\nlog:\n  level: debug\n")
        let env = [
            "BAYAN_ENGINE_API_KEY": canary, "BAYAN_ENGINE_KIND": kind, "BAYAN_ENGINE_DEEPL_HOST": "url",
            "BAYAN_ENGINE_MODEL": "bayan-mock",
        ]
        let daemon = try DaemonProcess.run(spool, environment: env)
        try spool.drop("first.txt", Fixtures.release(41))
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["first.txt"] }, "log:\n\(daemon.log)")
        #expect(resultIsAligned(spool.resultJSON("first")))
        let afterFirst = server.requestCount
        #expect(afterFirst >= 3)  // 500 (retried), 403 (deferred), then success
        try spool.drop("again.txt", Fixtures.release(41))
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["again.txt", "first.txt"] }, "log:\n\(daemon.log)")
        #expect(server.requestCount == afterFirst, "the second drop of the same release reached the engine")
        let (_, status) = try await run(["status", "--json", "--config", spool.configPath], spool: spool, env: env, log: "st.log")
        let (code, tmx) = try await run(["memory", "export", "--format", "tmx", "--config", spool.configPath], spool: spool, env: env, log: "tmx.log")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 15)
        #expect(code == 0)
        #expect(tmx.contains("<tmx version=\"1.4\">") && tmx.contains("x-bayan-engine"))
        #expect(!status.contains(canary))
        #expect(leaks(canary, in: spool).isEmpty, "the canary key leaked into \(leaks(canary, in: spool))")
    }
}
