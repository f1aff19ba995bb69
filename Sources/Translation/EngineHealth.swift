import Foundation
import Synchronization

/// What `bayan status` shows about an engine.
public enum EngineState: String, Sendable, Equatable, Codable {
    /// The last request succeeded (or none was sent yet).
    case ok
    /// Requests fail and are being retried.
    case retrying
    /// The circuit breaker is open: no requests until the cool-down ends.
    case open
    /// The quota is spent: no requests until an operator resumes (or the config changes).
    case hold
}

/// One engine's health, shared by every document that uses it: the circuit breaker, the quota
/// hold and the last error. Thread-safe; cheap to read for the status file.
public final class EngineHealth: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var state: EngineState
        public var lastError: String?
        /// When the breaker closes again (open state), as seconds since 1970.
        public var openUntil: Double?
        public var consecutiveFailures: Int
    }

    private struct State {
        var breaker: CircuitBreaker
        var held: String?
        var lastError: String?
        var retrying = false
    }

    private let state: Mutex<State>
    private let clock: @Sendable () -> Double

    public init(breaker: CircuitBreaker = CircuitBreaker(), clock: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) {
        state = Mutex(State(breaker: breaker))
        self.clock = clock
    }

    /// The time on this health's clock (the breaker's cool-down is measured on it).
    public func now() -> Double { clock() }

    public enum Admission: Sendable, Equatable {
        case go, probe
        case wait(until: Double?)
        case held(String)
    }

    public func admit() -> Admission {
        let now = clock()
        return state.withLock { s in
            if let held = s.held { return .held(held) }
            switch s.breaker.admit(now: now) {
            case .go: return .go
            case .probe: return .probe
            case .wait(let until): return .wait(until: until)
            }
        }
    }

    public func succeeded() {
        state.withLock { s in
            s.breaker.succeeded()
            s.retrying = false
        }
    }

    /// A retryable failure; returns true when it opened the breaker.
    @discardableResult
    public func failed(_ message: String) -> Bool {
        let now = clock()
        return state.withLock { s in
            s.lastError = message
            s.retrying = true
            return s.breaker.failed(now: now)
        }
    }

    /// A failure that says nothing about the engine's health (a refused sentence, a bad key).
    public func noted(_ message: String, probe: Bool) {
        let now = clock()
        state.withLock { s in
            s.lastError = message
            if probe { s.breaker.probeAbandoned(now: now) }
        }
    }

    public func probeAbandoned() {
        let now = clock()
        state.withLock { $0.breaker.probeAbandoned(now: now) }
    }

    /// Stop sending: the quota is spent.
    public func hold(_ message: String) {
        state.withLock { s in
            s.held = message
            s.lastError = message
        }
    }

    /// The operator's word: send again (quota topped up, key replaced).
    public func resume() {
        state.withLock { s in
            s.held = nil
            s.breaker.succeeded()
            s.retrying = false
        }
    }

    public var snapshot: Snapshot {
        state.withLock { s in
            let state: EngineState
            var until: Double? = nil
            if s.held != nil {
                state = .hold
            } else if case .open(let u) = s.breaker.phase {
                state = .open
                until = u
            } else if s.breaker.phase == .probing {
                state = .open
            } else {
                state = s.retrying ? .retrying : .ok
            }
            return Snapshot(state: state, lastError: s.lastError, openUntil: until, consecutiveFailures: s.breaker.consecutiveFailures)
        }
    }
}
