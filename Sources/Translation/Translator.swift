import ArabicText
import BayanCore
import BlockingIO
import Foundation
import Logging

/// Translates documents' sentences through one engine. Every document calling `translate`
/// concurrently on the same translator shares one batcher (requests filled across documents,
/// at most `concurrency` in flight, fair rotation), one retry policy, one circuit breaker, and
/// one translation memory: exact matches are reused, so a sentence is never paid for twice.
/// Never returns a misaligned answer.
public struct Translator: Sendable {
    public let engine: any TranslationEngine
    public let policy: RetryPolicy
    public let health: EngineHealth
    public let stats: TranslatorStats
    public let memory: TranslationMemory?
    private let batcher: RequestBatcher
    private let logger: Logger

    /// - Parameters:
    ///   - concurrency: requests in flight at once across every document (`engine.concurrency`).
    ///   - linger: seconds a partly filled request waits for more sentences (`engine.batch_linger`).
    ///   - memory: the translation memory, or nil to send every sentence.
    ///   - stats: the counters to add to; a reload passes the running translator's, so that what
    ///     the daemon reports keeps counting from its start.
    ///   - clock: seconds since 1970 for the circuit breaker's cool-down (tests pass their own).
    public init(
        engine: any TranslationEngine, policy: RetryPolicy = RetryPolicy(), logger: Logger,
        concurrency: Int = 4, linger: Double = 0.005, breaker: CircuitBreaker = CircuitBreaker(threshold: 8, cooldown: 30),
        memory: TranslationMemory? = nil, stats: TranslatorStats = TranslatorStats(),
        clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }
    ) {
        self.engine = engine
        self.policy = policy
        self.logger = logger
        self.memory = memory
        let health = EngineHealth(breaker: breaker, clock: clock)
        self.health = health
        self.stats = stats
        self.batcher = RequestBatcher(
            sender: BatchSender(engine: engine, policy: policy, health: health, stats: stats, logger: logger),
            limits: engine.limits, concurrency: concurrency, linger: linger)
    }

    /// The engine's state for `bayan status`.
    public var state: EngineHealth.Snapshot { health.snapshot }

    /// The operator's word after a quota hold (or to close an open breaker early).
    public func resume() {
        health.resume()
        logger.notice("engine resumed by the operator", metadata: ["engine": "\(engine.info.kind)"])
    }

    /// The glossary the engine should use (DeepL syncs it before its next request).
    public func setGlossary(entries: [GlossaryEntry], version: String) {
        engine.setGlossary(entries: entries, version: version)
    }

    /// One English string per item, in order.
    public func translate(_ items: [TranslationItem]) async throws -> [String] {
        try await translateWithOrigins(items).map(\.text)
    }

    /// One English string per item, in order, with where it came from: the engine, the memory
    /// (a machine or imported translation), or a reviewer's approved English (which wins).
    public func translateWithOrigins(_ items: [TranslationItem]) async throws -> [Translated] {
        let items = Self.withContext(items)
        guard let memory else { return try await batcher.submit(items).map { Translated(text: $0, origin: .engine) } }
        let scope = MemoryScope(engine: engine.info, languages: engine.languages)
        let keys = items.map { MemoryKey(source: $0.text, terms: $0.terms) }
        var found: [MemoryKey: TranslationMemory.Hit] = [:]
        do {
            found = try memory.lookupHits(Array(Set(keys)), scope: scope)
        } catch {
            logger.warning("translation memory lookup failed; sending every sentence", metadata: ["error": "\(error)"])
        }
        // One request item per distinct missing sentence (a repeated sentence is paid once).
        var missIndex: [MemoryKey: Int] = [:]
        var missItems: [TranslationItem] = []
        for (item, key) in zip(items, keys) where found[key] == nil && missIndex[key] == nil {
            missIndex[key] = missItems.count
            missItems.append(item)
        }
        stats.reused(items.count - missItems.count)
        let translated = try await batcher.submit(missItems)
        if !missItems.isEmpty {
            do {
                // On the I/O threads: the commit blocks, and is shared with other documents'.
                let records = zip(missItems, translated).map { MemoryRecord(item: $0, target: $1) }
                try await BlockingPool.shared.run { try memory.store(records, scope: scope) }
            } catch {
                logger.warning("translation memory could not store translations", metadata: ["error": "\(error)"])
            }
        }
        return keys.map { key in
            if let hit = found[key] { return Translated(text: hit.target, origin: hit.origin == .reviewed ? .reviewed : .memory) }
            return Translated(text: missIndex[key].map { translated[$0] } ?? "", origin: .engine)
        }
    }

    /// One translated sentence and its origin.
    public struct Translated: Sendable, Equatable {
        public var text: String
        public var origin: TranslationOrigin
    }

    /// Fills each item's `context` with its neighbours in the document (DeepL uses it; it is
    /// not translated nor billed).
    static func withContext(_ items: [TranslationItem]) -> [TranslationItem] {
        var out = items
        for i in out.indices where out[i].context == nil {
            let before = i > 0 ? items[i - 1].text : ""
            let after = i + 1 < items.count ? items[i + 1].text : ""
            let joined = [before, after].filter { !$0.isEmpty }.joined(separator: " ")
            out[i].context = joined.isEmpty ? nil : joined
        }
        return out
    }
}
