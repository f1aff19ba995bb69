import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

@Suite struct DeepLEngineTests {
    let key = "0c6b1f5e-deepl-test-key:fx"

    func engine(_ server: LoopbackHTTPServer, key: String? = nil, timeout: Double = 5, settings: TranslationMemory? = nil, target: String = "EN-GB") -> DeepLEngine {
        DeepLEngine(apiKey: Secret(key ?? self.key), host: .url(server.baseURL), targetLang: target, transport: T.transport(timeout: timeout), settings: settings)
    }

    @Test func requestHasTheDocumentedShapeAndAnswersKeepOrder() async throws {
        let dialect = DeepLDialect(authKey: key)
        let server = try LoopbackHTTPServer(handler: dialect.handle)
        defer { server.stop() }
        let items = Translator.withContext(T.items(3))
        let out = try await engine(server, target: "EN-US").translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/translate")
        #expect(request.header("authorization") == "DeepL-Auth-Key \(key)")
        #expect(request.header("user-agent")?.hasPrefix("bayan/") == true)
        let body = try #require(T.bodies(server, path: "/v2/translate").first)
        #expect(body["text"] as? [String] == items.map(\.text))
        #expect(body["source_lang"] as? String == "AR")
        #expect(body["target_lang"] as? String == "EN-US")
        #expect(body["split_sentences"] as? String == "0")
        #expect(body["glossary_id"] == nil)
        // Neighbours travel as context; sentences of the batch itself are not repeated there.
        let context = try #require(body["context"] as? String)
        #expect(!context.isEmpty)
    }

    @Test func freeAndProHostsFollowTheKeyOrTheConfig() {
        #expect(DeepLEngine.baseURL(.auto, key: Secret("abc:fx")) == "https://api-free.deepl.com")
        #expect(DeepLEngine.baseURL(.auto, key: Secret("abc")) == "https://api.deepl.com")
        #expect(DeepLEngine.baseURL(.pro, key: Secret("abc:fx")) == "https://api.deepl.com")
        #expect(DeepLEngine.baseURL(.free, key: Secret("abc")) == "https://api-free.deepl.com")
    }

    @Test func wrongEndpointIsAConfigErrorWithDeepLsMessageAndNoKey() async throws {
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key, host: .pro).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: T.fastPolicy(), logger: Logger(label: "t"))
        do {
            _ = try await translator.translate(T.items(1))
            Issue.record("expected a failure")
        } catch let error as BayanError {
            #expect(error.code == .engineConfig)
            #expect(error.description.contains("Wrong endpoint"))
            #expect(!error.description.contains(key))
        }
        #expect(server.requestCount == 1)
    }

    @Test func batchesStayWithinFiftyTextsAndTheBodyLimit() async throws {
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key).handle)
        defer { server.stop() }
        let e = DeepLEngine(
            apiKey: Secret(key), host: .url(server.baseURL), limits: BatchLimits(maxItems: 500, maxBytes: 1 << 20), transport: T.transport())
        #expect(e.limits.maxItems == 50)
        let translator = Translator(engine: e, policy: T.fastPolicy(), logger: Logger(label: "t"))
        let long = String(repeating: "الجمارك ", count: 400)  // ~6 KiB of UTF-8 each
        let items = T.items(120).enumerated().map { i, item in
            var copy = item
            if i % 3 == 0 { copy.text = long + item.text }
            return copy
        }
        let out = try await translator.translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        for request in server.requests {
            #expect(request.body.count < 128 * 1024)
            let body = try #require(try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any])
            #expect((body["text"] as? [String])?.count ?? 0 <= 50)
        }
        #expect(server.requestCount >= 3)
    }

    @Test func glossaryIsCreatedOnceReplacedWhenItChangesAndItsIdRemembered() async throws {
        let dialect = DeepLDialect(authKey: key)
        let server = try LoopbackHTTPServer(handler: dialect.handle)
        defer { server.stop() }
        let memory = try TranslationMemory(path: T.tempPath("memory.sqlite"))
        let e = engine(server, settings: memory)
        e.setGlossary(entries: [GlossaryEntry(ar: "الجمارك", en: "Customs"), GlossaryEntry(ar: "المنفذ", en: "port of entry")], version: "v1")
        let item = TranslationItem(id: "1", text: "أعلنت الجمارك اليوم")
        let first = try await e.translate([item])
        #expect(first[0].contains("Customs"))
        #expect(dialect.glossaries.creates == 1)
        let id = try #require(await e.glossaryID)
        #expect(T.bodies(server, path: "/v2/translate").last?["glossary_id"] as? String == id)
        _ = try await e.translate([item])
        #expect(dialect.glossaries.creates == 1 && dialect.glossaries.replaces == 0)
        // An edited glossary replaces the dictionary of the same glossary.
        e.setGlossary(entries: [GlossaryEntry(ar: "الجمارك", en: "Customs Authority")], version: "v2")
        let edited = try await e.translate([item])
        #expect(edited[0].contains("Customs Authority"))
        #expect(dialect.glossaries.replaces == 1 && dialect.glossaries.creates == 1)
        #expect(await e.glossaryID == id)
        // A restart with the same glossary version reuses the remembered id without a call.
        let before = server.requestCount
        let restarted = engine(server, settings: memory)
        restarted.setGlossary(entries: [GlossaryEntry(ar: "الجمارك", en: "Customs Authority")], version: "v2")
        _ = try await restarted.translate([item])
        #expect(server.requestCount == before + 1)
        #expect(dialect.glossaries.creates == 1)
        // Deleted on DeepL's side: re-created, then the translation goes through.
        dialect.glossaries.delete(id)
        let again = Translator(engine: restarted, policy: T.fastPolicy(), logger: Logger(label: "t"))
        _ = try await again.translate([TranslationItem(id: "2", text: "الجمارك والمنفذ")])
        #expect(dialect.glossaries.creates == 2)
    }

    @Test func quotaExceededHoldsWithoutRetryingUntilResumed() async throws {
        let dialect = DeepLDialect(authKey: key, characterLimit: 30)
        let server = try LoopbackHTTPServer(handler: dialect.handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: T.fastPolicy(), logger: Logger(label: "t"))
        do {
            _ = try await translator.translate(T.items(3))
            Issue.record("expected a hold")
        } catch let error as BayanError {
            #expect(error.code == .engineQuota)
            #expect(error.description.contains("Quota exceeded"))
        }
        #expect(server.requestCount == 1)
        #expect(translator.state.state == .hold)
        // Held: later documents do not reach the server at all.
        await #expect(throws: BayanError.self) { _ = try await translator.translate(T.items(1)) }
        #expect(server.requestCount == 1)
        translator.resume()
        #expect(translator.state.state == .ok)
        _ = try await translator.translate([TranslationItem(id: "1", text: "نص")])
        #expect(server.requestCount == 2)
    }

    @Test func transientFaultsAreRetriedAndNeverWrittenAsTranslations() async throws {
        let faults = FaultPlan(script: [.status(500), .status(503), .status(529), .malformedJSON, .truncatedBody, .drop, .slowDrip(pauseMilliseconds: 1)])
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key, faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: T.fastPolicy(attempts: 8), logger: Logger(label: "t"))
        let items = T.items(4)
        let out = try await translator.translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(faults.injectedCount == 7)
        #expect(server.requestCount == 7)  // six failures, then the slow drip that succeeds
    }

    @Test func retryAfterInSecondsIsRespected() async throws {
        let faults = FaultPlan(script: [.status(429, retryAfter: "1")])
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key, faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: T.fastPolicy(maxRetryAfter: 5), logger: Logger(label: "t"))
        let started = Date()
        _ = try await translator.translate(T.items(1))
        #expect(Date().timeIntervalSince(started) >= 0.95)
        #expect(server.requestCount == 2)
    }

    @Test func retryAfterAsAnHTTPDateIsRespected() async throws {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let date = formatter.string(from: Date().addingTimeInterval(2))
        let faults = FaultPlan(script: [.status(429, retryAfter: date)])
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key, faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: T.fastPolicy(maxRetryAfter: 5), logger: Logger(label: "t"))
        let started = Date()
        _ = try await translator.translate(T.items(1))
        // The date has one-second resolution: at least one full second remains of the two.
        #expect(Date().timeIntervalSince(started) >= 0.9)
        #expect(server.requestCount == 2)
    }

    @Test func aHangingServerTimesOutAndIsRetried() async throws {
        let faults = FaultPlan(script: [.hang])
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: key, faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server, timeout: 0.5), policy: T.fastPolicy(), logger: Logger(label: "t"))
        let out = try await translator.translate(T.items(2))
        #expect(out.count == 2)
        #expect(server.requestCount == 2)
        #expect(translator.state.lastError?.contains("did not answer in time") == true)
    }
}
