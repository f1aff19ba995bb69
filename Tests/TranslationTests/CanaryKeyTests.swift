import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

/// A canary key goes through every failure path of DeepL and OpenAI; it must reach the server
/// and appear in no log line, error, status or memory export.
@Suite struct CanaryKeyTests {
    @Test func deeplKeyNeverLeaks() async throws {
        let canary = "CANARY-" + UUID().uuidString + ":fx"
        let faults = FaultPlan(script: [.status(500), .status(429, retryAfter: "0"), .malformedJSON, .status(403), .quota])
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: canary, faults: faults).handle)
        defer { server.stop() }
        let log = CapturedLog()
        let memory = try TranslationMemory(path: T.tempPath("m.sqlite"))
        let engine = DeepLEngine(apiKey: Secret(canary), host: .url(server.baseURL), transport: T.transport(), settings: memory)
        engine.setGlossary(entries: [GlossaryEntry(ar: "الجمارك", en: "Customs")], version: "g1")
        let translator = Translator(engine: engine, policy: T.fastPolicy(), logger: log.logger, memory: memory)
        var texts: [String] = []
        for _ in 0..<3 {
            do { _ = try await translator.translate(T.items(2)) } catch { texts.append("\(error)") }
        }
        texts.append("\(translator.state)")
        texts.append(MemoryTMX.write(try memory.allUnits()))
        #expect(server.requests.contains { $0.header("authorization")?.contains(canary) == true })
        #expect(!texts.isEmpty)
        for text in texts + [log.text] { #expect(!text.contains(canary)) }
        #expect("\(Secret(canary))" == "<redacted>")
    }

    @Test func openAIKeyNeverLeaks() async throws {
        let canary = "sk-CANARY-" + UUID().uuidString
        let faults = FaultPlan(script: [.status(500), .malformedJSON, .wrongCount, .quota])
        // The server echoes a masked key in its 401, as OpenAI does; the full key must not appear.
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(requiredAPIKey: canary, faults: faults).handle)
        defer { server.stop() }
        let log = CapturedLog()
        let translator = Translator(
            engine: OpenAIEngine(url: server.baseURL, apiKey: Secret(canary), model: "bayan-mock", transport: T.transport()),
            policy: T.fastPolicy(), logger: log.logger)
        var texts: [String] = []
        for _ in 0..<2 {
            do { _ = try await translator.translate(T.items(3)) } catch { texts.append("\(error)") }
        }
        let wrong = Translator(
            engine: OpenAIEngine(url: server.baseURL, apiKey: Secret(canary + "x"), model: "bayan-mock", transport: T.transport()),
            policy: T.fastPolicy(), logger: log.logger)
        do { _ = try await wrong.translate(T.items(1)) } catch { texts.append("\(error)") }
        texts.append("\(translator.state)")
        #expect(texts.count >= 2)
        for text in texts + [log.text] { #expect(!text.contains(canary)) }
    }
}
