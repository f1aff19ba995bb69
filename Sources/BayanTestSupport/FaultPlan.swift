import Synchronization

/// Faults a fake endpoint can inject, in the vocabulary of real servers.
public enum Fault: Sendable, Equatable {
    case status(Int, retryAfter: String? = nil)
    case hang
    case drop
    case truncatedBody
    case malformedJSON
    case slowDrip(pauseMilliseconds: Int)
    /// The dialect's "quota spent" answer (DeepL 456, OpenAI 429 `insufficient_quota`).
    case quota
    /// The dialect's "too long" answer (OpenAI/llama.cpp context length; DeepL/LibreTranslate 413).
    case contextLength
    /// llama.cpp while it loads the model: 503 `Loading model`.
    case loadingModel
    /// OpenAI: one translation fewer than the segments asked for.
    case wrongCount
    /// OpenAI: the JSON answer inside a ```json code fence.
    case codeFence
    /// OpenAI: a <think>…</think> reasoning block before the JSON.
    case reasoningBlock
    /// OpenAI: the answer cut off, `finish_reason: length`.
    case finishLength
}

/// Which fault (if any) the next request gets: first a scripted queue, then random rates drawn
/// from a seeded generator, so every run of a test sees the same sequence.
public final class FaultPlan: Sendable {
    private struct State {
        var queue: [Fault]
        var rates: [(Fault, Double)]
        var rng: SplitMix64
        var injected: Int = 0
        var byKind: [String: Int] = [:]
    }
    private let state: Mutex<State>

    public init(script: [Fault] = [], rates: [(Fault, Double)] = [], seed: UInt64 = 1) {
        state = Mutex(State(queue: script, rates: rates, rng: SplitMix64(seed: seed)))
    }

    public func next() -> Fault? {
        state.withLock { s in
            if !s.queue.isEmpty {
                let fault = s.queue.removeFirst()
                s.injected += 1
                s.byKind[fault.label, default: 0] += 1
                return fault
            }
            guard !s.rates.isEmpty else { return nil }
            var roll = Double(s.rng.next() >> 11) / Double(1 << 53)
            for (fault, rate) in s.rates {
                if roll < rate {
                    s.injected += 1
                    s.byKind[fault.label, default: 0] += 1
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

    /// Faults injected so far, by `Fault.label`.
    public var injectedByKind: [String: Int] { state.withLock { $0.byKind } }
}

extension Fault {
    /// A short name for reports: the status code for status faults, else the case name.
    public var label: String {
        switch self {
        case .status(let code, let retryAfter): retryAfter == nil ? "\(code)" : "\(code)+Retry-After"
        case .hang: "hang"
        case .drop: "drop"
        case .truncatedBody: "truncated"
        case .malformedJSON: "malformed"
        case .slowDrip: "slow-drip"
        case .quota: "quota"
        case .contextLength: "context-length"
        case .loadingModel: "loading-model"
        case .wrongCount: "wrong-count"
        case .codeFence: "code-fence"
        case .reasoningBlock: "reasoning-block"
        case .finishLength: "finish-length"
        }
    }
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
