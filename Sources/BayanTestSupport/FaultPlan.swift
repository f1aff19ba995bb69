import Synchronization

/// Faults a fake endpoint can inject, in the vocabulary of real servers.
public enum Fault: Sendable, Equatable {
    case status(Int, retryAfter: String? = nil)
    case hang
    case drop
    case truncatedBody
    case malformedJSON
    case slowDrip(pauseMilliseconds: Int)
}

/// Which fault (if any) the next request gets: first a scripted queue, then random rates drawn
/// from a seeded generator, so every run of a test sees the same sequence.
public final class FaultPlan: Sendable {
    private struct State {
        var queue: [Fault]
        var rates: [(Fault, Double)]
        var rng: SplitMix64
        var injected: Int = 0
    }
    private let state: Mutex<State>

    public init(script: [Fault] = [], rates: [(Fault, Double)] = [], seed: UInt64 = 1) {
        state = Mutex(State(queue: script, rates: rates, rng: SplitMix64(seed: seed)))
    }

    public func next() -> Fault? {
        state.withLock { s in
            if !s.queue.isEmpty {
                s.injected += 1
                return s.queue.removeFirst()
            }
            guard !s.rates.isEmpty else { return nil }
            var roll = Double(s.rng.next() >> 11) / Double(1 << 53)
            for (fault, rate) in s.rates {
                if roll < rate {
                    s.injected += 1
                    return fault
                }
                roll -= rate
            }
            return nil
        }
    }

    /// Adds faults to the end of the scripted queue.
    public func enqueue(_ faults: [Fault]) { state.withLock { $0.queue.append(contentsOf: faults) } }

    public var injectedCount: Int { state.withLock { $0.injected } }
}

/// A small, fast, seedable generator (Steele, Lea, Flood 2014).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
