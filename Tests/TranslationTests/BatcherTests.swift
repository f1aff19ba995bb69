import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Testing
@testable import Translation

@Suite struct BatcherTests {
    func libre(_ server: LoopbackHTTPServer, items: Int = 25, concurrency: Int = 2) -> LibreTranslateEngine {
        LibreTranslateEngine(url: server.baseURL, limits: BatchLimits(maxItems: items, maxBytes: 64 * 1024), transport: T.transport(concurrency: concurrency))
    }

    @Test func documentsInFlightShareRequests() async throws {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(latencyMilliseconds: 50).handle)
        defer { server.stop() }
        let translator = Translator(engine: libre(server, concurrency: 1), policy: T.fastPolicy(), logger: Logger(label: "t"), concurrency: 1, linger: 0.02)
        let docs = (0..<10).map { d in T.items(3, prefix: "وثيقة \(T.arabicNumber(d)) جملة") }
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (d, items) in docs.enumerated() { group.addTask { (d, try await translator.translate(items)) } }
            var out: [Int: [String]] = [:]
            for try await (d, texts) in group { out[d] = texts }
            return out
        }
        for (d, items) in docs.enumerated() { #expect(results[d] == items.map { PseudoTranslator.translate($0.text) }) }
        // 30 sentences of ten documents: two requests of up to 25, not ten.
        #expect(server.requestCount <= 3)
        #expect(translator.stats.snapshot.sentencesSent == 30)
    }

    @Test func concurrencyIsOneLimitAcrossDocuments() async throws {
        let gauge = InFlightGauge()
        let server = try LoopbackHTTPServer(handler: gauge.wrap(LibreTranslateDialect(latencyMilliseconds: 40).handle))
        defer { server.stop() }
        let translator = Translator(engine: libre(server, items: 2, concurrency: 8), policy: T.fastPolicy(), logger: Logger(label: "t"), concurrency: 3)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for d in 0..<10 { group.addTask { _ = try await translator.translate(T.items(4, prefix: "نص \(T.arabicNumber(d))")) } }
            try await group.waitForAll()
        }
        #expect(server.requestCount == 20)
        #expect(gauge.maximum <= 3)
        #expect(gauge.maximum >= 2)
    }

    @Test func aSmallDocumentIsNotStuckBehindALargeOne() async throws {
        // The large document's requests after its first are answered only once the small one
        // has been handed to the translator: a loaded machine that keeps the small task waiting
        // cannot let the large one finish first, and the order left is the batcher's doing.
        let gate = Gate()
        let base = LibreTranslateDialect(latencyMilliseconds: 20)
        let seen = Mutex(0)
        let server = try LoopbackHTTPServer { request in
            if seen.withLock({ $0 += 1; return $0 }) > 1 { gate.pass() }
            return base.handle(request)
        }
        defer { server.stop() }
        let translator = Translator(engine: libre(server, items: 5, concurrency: 1), policy: T.fastPolicy(), logger: Logger(label: "t"), concurrency: 1)
        let order = OrderLog()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try await translator.translate(T.items(100, prefix: "كبيرة"))
                order.add("large")
            }
            group.addTask {
                _ = await Eventually.wait(timeout: 5) { server.requestCount >= 1 }
                async let small = translator.translate(T.items(2, prefix: "صغيرة"))
                gate.open()
                _ = try await small
                order.add("small")
            }
            try await group.waitForAll()
        }
        #expect(order.entries == ["small", "large"])
    }

    @Test func oneDocumentsRefusedSentenceDoesNotFailTheOthers() async throws {
        let base = LibreTranslateDialect()
        let server = try LoopbackHTTPServer { request in
            if request.bodyText.contains("مرفوض") { return .json(400, #"{"error":"Invalid request: refused text"}"#) }
            return base.handle(request)
        }
        defer { server.stop() }
        let translator = Translator(engine: libre(server, concurrency: 1), policy: T.fastPolicy(), logger: Logger(label: "t"), concurrency: 1, linger: 0.05)
        async let bad = capture { try await translator.translate([TranslationItem(id: "1", text: "نص مرفوض")]) }
        async let good = capture { try await translator.translate(T.items(2)) }
        let (b, g) = await (bad, good)
        #expect((try? g.get()) == T.items(2).map { PseudoTranslator.translate($0.text) })
        guard case .failure(let error as BayanError) = b else { Issue.record("the refused document did not fail"); return }
        #expect(error.code == .engineRejected)
        #expect(error.description.contains("refused text"))
    }

    @Test func breakerOpensStopsCallingThenProbesAndCloses() async throws {
        let faults = FaultPlan(script: [.status(500), .status(500), .status(500)])
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        // The cool-down runs on a clock the test moves, so that a loaded machine cannot outlast
        // it between two calls.
        let clock = ManualClock()
        let translator = Translator(
            engine: libre(server), policy: T.fastPolicy(attempts: 10), logger: Logger(label: "t"),
            breaker: CircuitBreaker(threshold: 3, cooldown: 30), clock: clock.function)
        do {
            _ = try await translator.translate(T.items(1))
            Issue.record("expected the breaker to open")
        } catch let error as BayanError {
            #expect(error.code == .engineTransient)
        }
        #expect(server.requestCount == 3)  // bounded by the breaker, not by the 10 attempts
        #expect(translator.state.state == .open)
        // While open: no request at all, the document goes back to the queue.
        await #expect(throws: BayanError.self) { _ = try await translator.translate(T.items(1)) }
        #expect(server.requestCount == 3)
        let until = try #require(translator.state.openUntil)
        #expect(until == clock.now + 30)
        clock.advance(to: until)
        _ = try await translator.translate(T.items(2))  // the probe succeeds
        #expect(translator.state.state == .ok)
        #expect(server.requestCount == 4)
    }

    @Test func breakerStateMachine() {
        var b = CircuitBreaker(threshold: 2, cooldown: 10)
        #expect(b.admit(now: 0) == .go)
        let opened0 = b.failed(now: 0)
        let opened1 = b.failed(now: 1)
        #expect(!opened0 && opened1)
        #expect(b.admit(now: 5) == .wait(until: 11))
        #expect(b.admit(now: 11) == .probe)
        #expect(b.admit(now: 11) == .wait(until: nil))
        let reopened = b.failed(now: 12)
        #expect(reopened)
        #expect(b.admit(now: 22) == .probe)
        b.succeeded()
        #expect(b.admit(now: 22) == .go)
    }

    @Test func retriesAreBoundedByMaxAttempts() async throws {
        let server = try LoopbackHTTPServer(handler: DeepLDialect(authKey: "k", faults: FaultPlan(rates: [(.status(503), 1.0)])).handle)
        defer { server.stop() }
        let engine = DeepLEngine(apiKey: Secret("k"), host: .url(server.baseURL), transport: T.transport())
        let translator = Translator(engine: engine, policy: T.fastPolicy(attempts: 4), logger: Logger(label: "t"))
        await #expect(throws: BayanError.self) { _ = try await translator.translate(T.items(2)) }
        #expect(server.requestCount == 4)
        #expect(translator.state.state == .retrying)
    }
}

func capture<V: Sendable>(_ body: @Sendable () async throws -> V) async -> Result<V, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

final class OrderLog: Sendable {
    private let list = Mutex<[String]>([])
    func add(_ s: String) { list.withLock { $0.append(s) } }
    var entries: [String] { list.withLock { $0 } }
}

import Synchronization
