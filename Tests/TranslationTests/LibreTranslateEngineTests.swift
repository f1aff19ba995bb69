import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

@Suite struct LibreTranslateEngineTests {
    func engine(_ server: LoopbackHTTPServer, concurrency: Int = 2, timeout: Double = 5, key: Secret? = nil) -> LibreTranslateEngine {
        var options = TransportOptions()
        options.concurrency = concurrency
        options.totalTimeout = timeout
        return LibreTranslateEngine(url: server.baseURL, apiKey: key, transport: CurlTransport(options: options))
    }

    func fastPolicy() -> RetryPolicy {
        var p = RetryPolicy()
        p.baseDelay = 0.001
        p.maxDelay = 0.01
        p.maxRetryAfter = 0.05
        return p
    }

    @Test func batchRoundTripsArabicInOrder() async throws {
        let dialect = LibreTranslateDialect()
        let server = try LoopbackHTTPServer(handler: dialect.handle)
        defer { server.stop() }
        let items = ["شاركت جمارك دبي.", "منظمة الجمارك العالمية", "٢٠٢٠"].enumerated().map { TranslationItem(id: "\($0)", text: $1) }
        let out = try await engine(server).translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        let request = try #require(server.requests.first)
        let body = try JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        #expect(body?["q"] as? [String] == items.map(\.text))
        #expect(body?["source"] as? String == "ar")
        #expect(body?["target"] as? String == "en")
        #expect(request.header("user-agent")?.hasPrefix("bayan/") == true)
    }

    @Test func connectionIsReusedAcrossRequests() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let e = engine(server, concurrency: 1)
        for i in 0..<5 { _ = try await e.translate([TranslationItem(id: "\(i)", text: "نص \(i)")]) }
        #expect(server.requestCount == 5)
        #expect(server.connectionCount == 1)
    }

    @Test func apiKeyGoesInTheBody() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(requiredAPIKey: "k-123").handle)
        defer { server.stop() }
        _ = try await engine(server, key: Secret("k-123")).translate([TranslationItem(id: "1", text: "نص")])
        await #expect(throws: EngineFailure.self) {
            _ = try await engine(server, key: Secret("wrong")).translate([TranslationItem(id: "1", text: "نص")])
        }
    }

    @Test func errorBodyMessageAndDispositionAreKept() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(charLimit: 5).handle)
        defer { server.stop() }
        do {
            _ = try await engine(server).translate([TranslationItem(id: "1", text: "نص طويل جدا")])
            Issue.record("expected a failure")
        } catch let failure as EngineFailure {
            #expect(failure.disposition == .fail)
            #expect(failure.status == 400)
            #expect(failure.message.contains("exceeds text limit"))
        }
    }

    @Test func hangingServerTimesOut() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: FaultPlan(script: [.hang])).handle)
        defer { server.stop() }
        let started = Date()
        do {
            _ = try await engine(server, timeout: 0.5).translate([TranslationItem(id: "1", text: "نص")])
            Issue.record("expected a timeout")
        } catch let failure as EngineFailure {
            #expect(failure.disposition == .retry(after: nil))
            #expect(failure.message.contains("did not answer in time"))
        }
        // A generous bound: it only has to show the request did not hang forever.
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func translatorRetriesTransientFaultsAndKeepsAlignment() async throws {
        let faults = FaultPlan(script: [.status(500), .malformedJSON, .truncatedBody, .status(429, retryAfter: "0"), .drop])
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server, concurrency: 1), policy: fastPolicy(), logger: Logger(label: "test"))
        let items = (0..<3).map { TranslationItem(id: "\($0)", text: "جملة رقم \($0)") }
        let out = try await translator.translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(faults.injectedCount == 5)
        #expect(server.requestCount == 6)
    }

    @Test func translatorGivesUpAfterMaxAttempts() async throws {
        let faults = FaultPlan(rates: [(.status(503), 1.0)])
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        var policy = fastPolicy()
        policy.maxAttempts = 3
        let translator = Translator(engine: engine(server), policy: policy, logger: Logger(label: "test"))
        await #expect(throws: BayanError.self) { _ = try await translator.translate([TranslationItem(id: "1", text: "نص")]) }
        #expect(server.requestCount == 3)
    }

    @Test func quotaHoldsWithoutRetrying() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: FaultPlan(script: [.status(456)])).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: fastPolicy(), logger: Logger(label: "test"))
        do {
            _ = try await translator.translate([TranslationItem(id: "1", text: "نص")])
            Issue.record("expected a hold")
        } catch let error as BayanError {
            #expect(error.code == .engineQuota)
        }
        #expect(server.requestCount == 1)
    }

    @Test func payloadTooLargeSplitsTheBatch() async throws {
        let faults = FaultPlan(script: [.status(413)])
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        let translator = Translator(engine: engine(server), policy: fastPolicy(), logger: Logger(label: "test"))
        let items = (0..<4).map { TranslationItem(id: "\($0)", text: "جملة \($0)") }
        let out = try await translator.translate(items)
        #expect(out == items.map { PseudoTranslator.translate($0.text) })
        #expect(server.requestCount == 3)
    }
}

@Suite struct RetryPolicyTests {
    @Test func retryAfterInBothForms() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfter("7", now: now) == 7)
        let date = "Tue, 14 Nov 2023 22:13:40 GMT"  // 1_700_000_020
        #expect(RetryPolicy.retryAfter(date, now: now) == 20)
        #expect(RetryPolicy.retryAfter("soon", now: now) == nil)
        #expect(RetryPolicy.retryAfter(nil, now: now) == nil)
    }

    @Test func delayIsJitteredCappedAndRespectsRetryAfter() {
        var p = RetryPolicy()
        p.baseDelay = 1
        p.maxDelay = 8
        p.maxRetryAfter = 60
        #expect(p.delay(attempt: 1, retryAfter: nil, random: 1) == 1)
        #expect(p.delay(attempt: 10, retryAfter: nil, random: 1) == 8)
        #expect(p.delay(attempt: 3, retryAfter: nil, random: 0.5) == 2)
        #expect(p.delay(attempt: 1, retryAfter: 30, random: 1) == 30)
        #expect(p.delay(attempt: 1, retryAfter: 600, random: 1) == 60)
    }

    @Test func classification() {
        #expect(RetryPolicy.classify(status: 429, headers: ["retry-after": "3"], message: "").disposition == .retry(after: 3))
        #expect(RetryPolicy.classify(status: 503, headers: [:], message: "").disposition == .retry(after: nil))
        #expect(RetryPolicy.classify(status: 456, headers: [:], message: "").disposition == .hold)
        #expect(RetryPolicy.classify(status: 413, headers: [:], message: "").disposition == .split)
        #expect(RetryPolicy.classify(status: 403, headers: [:], message: "").disposition == .fail)
    }

    @Test func batchPlannerRespectsCountAndBytes() {
        let items = (0..<10).map { TranslationItem(id: "\($0)", text: String(repeating: "ب", count: 50)) }
        let byCount = BatchPlanner.batches(items, limits: BatchLimits(maxItems: 4, maxBytes: 1 << 20))
        #expect(byCount.map(\.count) == [4, 4, 2])
        let byBytes = BatchPlanner.batches(items, limits: BatchLimits(maxItems: 100, maxBytes: 250))
        #expect(byBytes.allSatisfy { $0.count == 2 })
        #expect(byBytes.flatMap { $0 }.map(\.id) == items.map(\.id))
    }
}
