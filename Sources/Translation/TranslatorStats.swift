import Synchronization

/// Counters of what a translator cost: requests and characters sent, how each request ended,
/// retries, sentences translated and sentences answered from the translation memory. Read by
/// the daemon's status and metrics, benchmarks and tests.
public final class TranslatorStats: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var requests = 0
        public var sentencesSent = 0
        public var charactersSent = 0
        public var memoryHits = 0
        /// Sentences the engine returned a translation for.
        public var sentencesTranslated = 0
        /// Requests by how they ended: `ok`, `retryable` (5xx, 429, timeout, malformed answer),
        /// `too_large` (split and sent again), `quota`, `refused`, `transport`.
        public var outcomes: [String: Int] = [:]
        /// Requests sent again after a retryable failure.
        public var retries = 0
    }

    private let counts = Mutex(Snapshot())

    public init() {}

    func sent(_ items: [TranslationItem]) {
        let chars = items.reduce(0) { $0 + $1.text.count }
        counts.withLock { c in
            c.requests += 1
            c.sentencesSent += items.count
            c.charactersSent += chars
        }
    }

    func reused(_ count: Int) { counts.withLock { $0.memoryHits += count } }

    func ended(_ outcome: String, translated: Int = 0) {
        counts.withLock { c in
            c.outcomes[outcome, default: 0] += 1
            c.sentencesTranslated += translated
        }
    }

    func retried() { counts.withLock { $0.retries += 1 } }

    public var snapshot: Snapshot { counts.withLock { $0 } }
}
