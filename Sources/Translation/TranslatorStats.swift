import Synchronization

/// Counters of what a translator cost: requests and characters sent, sentences answered from
/// the translation memory. Read by benchmarks and tests.
public final class TranslatorStats: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var requests = 0
        public var sentencesSent = 0
        public var charactersSent = 0
        public var memoryHits = 0
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

    public var snapshot: Snapshot { counts.withLock { $0 } }
}
