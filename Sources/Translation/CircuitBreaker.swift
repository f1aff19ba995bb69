/// Stops calling an engine after `threshold` consecutive failures, for `cooldown` seconds, then
/// lets exactly one probe through: success closes it, failure opens it again. Pure value type
/// with the clock passed in, so tests drive it without waiting.
public struct CircuitBreaker: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        case closed
        case open(until: Double)
        /// The cool-down is over and one probe is in flight.
        case probing
    }

    public enum Admission: Sendable, Equatable {
        case go
        /// This request is the single probe after a cool-down.
        case probe
        /// Do not call: open until this time, or a probe is already in flight (`until` nil).
        case wait(until: Double?)
    }

    public var threshold: Int
    public var cooldown: Double
    public private(set) var phase: Phase = .closed
    public private(set) var consecutiveFailures = 0

    public init(threshold: Int = 5, cooldown: Double = 30) {
        self.threshold = max(1, threshold)
        self.cooldown = max(0, cooldown)
    }

    public mutating func admit(now: Double) -> Admission {
        switch phase {
        case .closed: return .go
        case .probing: return .wait(until: nil)
        case .open(let until):
            guard now >= until else { return .wait(until: until) }
            phase = .probing
            return .probe
        }
    }

    public mutating func succeeded() {
        consecutiveFailures = 0
        phase = .closed
    }

    /// Returns true when this failure opened the breaker.
    @discardableResult
    public mutating func failed(now: Double) -> Bool {
        consecutiveFailures += 1
        switch phase {
        case .probing:
            phase = .open(until: now + cooldown)
            return true
        case .closed where consecutiveFailures >= threshold:
            phase = .open(until: now + cooldown)
            return true
        default:
            return false
        }
    }

    /// A request admitted as a probe ended without telling whether the engine is healthy
    /// (cancelled, or refused for its content): let the next request probe.
    public mutating func probeAbandoned(now: Double) {
        if phase == .probing { phase = .open(until: now) }
    }
}
