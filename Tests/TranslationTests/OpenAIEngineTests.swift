import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

@Suite struct OpenAIEngineTests {
    func engine(_ server: LoopbackHTTPServer, key: String? = nil, model: String = "bayan-mock", structured: Bool = true) -> OpenAIEngine {
        OpenAIEngine(url: server.baseURL, apiKey: key.map(Secret.init), model: model, structuredOutput: structured, transport: T.transport())
    }

    func translator(_ server: LoopbackHTTPServer, key: String? = nil, model: String = "bayan-mock", log: Logger = Logger(label: "t")) -> Translator {
        Translator(engine: engine(server, key: key, model: model), policy: T.fastPolicy(), logger: log)
    }

    func userJSON(_ body: [String: Any]) -> [String: Any]? {
        guard let messages = body["messages"] as? [[String: Any]], let content = messages.last?["content"] as? String else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(content.utf8)) as? [String: Any]
    }

    @Test func requestCarriesModelSchemaRulesAndOnlyTheBatchsGlossaryEntries() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(requiredAPIKey: "sk-test-1234567890").handle)
        defer { server.stop() }
        var items = T.items(3)
        items[1].text = "أعلنت الجمارك نتائجها"
        items[1].terms = [TermHit(ar: "الجمارك", en: "Customs", start: 5, end: 12)]
        let out = try await engine(server, key: "sk-test-1234567890").translate(items)
        #expect(out[0] == PseudoTranslator.translate(items[0].text))
        #expect(out[1].contains("Customs"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v1/chat/completions")
        #expect(request.header("authorization") == "Bearer sk-test-1234567890")
        let body = try #require(T.bodies(server, path: "/v1/chat/completions").first)
        #expect(body["model"] as? String == "bayan-mock")
        #expect(body["temperature"] as? Int == 0)
        #expect((body["response_format"] as? [String: Any])?["type"] as? String == "json_schema")
        let messages = try #require(body["messages"] as? [[String: Any]])
        #expect(messages.first?["role"] as? String == "system")
        #expect((messages.first?["content"] as? String)?.contains("keep every number") == true || (messages.first?["content"] as? String)?.contains("Keep every number") == true)
        let user = try #require(userJSON(body))
        #expect((user["segments"] as? [[String: Any]])?.count == 3)
        #expect((user["glossary"] as? [[String: String]]) == [["ar": "الجمارك", "en": "Customs"]])
    }

    @Test(arguments: [Fault.codeFence, .reasoningBlock])
    func fencedAndReasonedAnswersAreAccepted(_ fault: Fault) async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: FaultPlan(script: [fault])).handle)
        defer { server.stop() }
        let items = T.items(3)
        let out = try await engine(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 1)
    }

    @Test func aWrongCountReasksOnlyTheMissingSegment() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: FaultPlan(script: [.wrongCount])).handle)
        defer { server.stop() }
        let items = T.items(4)
        let out = try await engine(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 2)
        let second = try #require(userJSON(T.bodies(server, path: "/v1/chat/completions")[1]))
        #expect((second["segments"] as? [[String: Any]])?.count == 1)
    }

    @Test func aCutOffAnswerSplitsTheBatch() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: FaultPlan(script: [.finishLength])).handle)
        defer { server.stop() }
        let items = T.items(4)
        let out = try await translator(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 3)
    }

    @Test func contextLengthSplitsTheBatch() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: FaultPlan(script: [.contextLength])).handle)
        defer { server.stop() }
        let items = T.items(6)
        let out = try await translator(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 3)
    }

    @Test func insufficientQuotaHoldsWithoutRetrying() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: FaultPlan(script: [.quota])).handle)
        defer { server.stop() }
        let t = translator(server)
        do {
            _ = try await t.translate(T.items(2))
            Issue.record("expected a hold")
        } catch let error as BayanError {
            #expect(error.code == .engineQuota)
            #expect(error.description.contains("exceeded your current quota"))
        }
        #expect(server.requestCount == 1)
        #expect(t.state.state == .hold)
    }

    @Test func llamaCppLoadingModelAndMalformedAnswersAreRetried() async throws {
        let faults = FaultPlan(script: [.loadingModel, .malformedJSON, .truncatedBody, .status(429, retryAfter: "0"), .drop])
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(faults: faults).handle)
        defer { server.stop() }
        let items = T.items(3)
        let out = try await translator(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 6)
    }

    @Test func aServerWithoutStructuredOutputIsAskedAgainWithoutIt() async throws {
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(supportsResponseFormat: false).handle)
        defer { server.stop() }
        let e = engine(server)
        let items = T.items(2)
        #expect(try await e.translate(items) == items.map { PseudoTranslator.translate($0.text) })
        #expect(try await e.translate(items) == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 3)  // one refusal, then without response_format for good
    }

    @Test func unknownModelAndBadKeyAreConfigErrorsWithTheServersMessage() async throws {
        let canary = "sk-CANARY-" + UUID().uuidString
        let server = try LoopbackHTTPServer(handler: OpenAIDialect(requiredAPIKey: "sk-right-key-000000").handle)
        defer { server.stop() }
        let log = CapturedLog()
        do {
            _ = try await translator(server, key: canary, log: log.logger).translate(T.items(1))
            Issue.record("expected a failure")
        } catch let error as BayanError {
            #expect(error.code == .engineConfig)
            #expect(error.description.contains("Incorrect API key"))
            #expect(!error.description.contains(canary))
        }
        do {
            _ = try await translator(server, key: "sk-right-key-000000", model: "gpt-nope").translate(T.items(1))
            Issue.record("expected a failure")
        } catch let error as BayanError {
            #expect(error.code == .engineConfig)
            #expect(error.description.contains("gpt-nope"))
        }
        #expect(!log.text.contains(canary))
    }

    @Test func parsingToleratesWhatModelsReallySend() {
        #expect(OpenAIEngine.parseTranslations(#"{"translations":[{"id":"s1","text":"A"}]}"#) == ["s1": "A"])
        #expect(OpenAIEngine.parseTranslations("<think>{\"x\":1}</think>\n```json\n{\"translations\":[{\"id\":\"s1\",\"en\":\"B\"}]}\n```") == ["s1": "B"])
        #expect(OpenAIEngine.parseTranslations("Sure! {\"translations\": [{\"id\": 2, \"text\": \"C\"}]} Done.") == ["2": "C"])
        #expect(OpenAIEngine.parseTranslations("no json here") == nil)
        #expect(OpenAIEngine.endpoint("http://h:1/v1/") == "http://h:1/v1/chat/completions")
        #expect(OpenAIEngine.endpoint("http://h:1") == "http://h:1/v1/chat/completions")
    }
}
