import Foundation
import Synchronization

/// Browser sessions, in memory: an id (HttpOnly, SameSite=Strict cookie), its CSRF token
/// (synchronizer pattern: sent back by the page's script in `X-CSRF-Token`), whether it logged
/// in with a token, and the reviewer's name. A restart forgets them; loopback users get a new
/// one silently (their name is kept in its own cookie), token users log in again.
public final class SessionStore: Sendable {
    public struct Session: Sendable, Equatable {
        public var id: String
        public var csrf: String
        public var authenticated: Bool
        public var reviewer: String?
        var lastSeen: Date
    }

    private let sessions = Mutex<[String: Session]>([:])
    private let limit: Int

    public init(limit: Int = 10_000) { self.limit = limit }

    public func session(_ id: String?) -> Session? {
        guard let id, id.utf8.count == 64 else { return nil }
        return sessions.withLock { all in
            guard var s = all[id] else { return nil }
            s.lastSeen = Date()
            all[id] = s
            return s
        }
    }

    public func create(authenticated: Bool, reviewer: String?) -> Session {
        let session = Session(id: Self.random(), csrf: Self.random(), authenticated: authenticated, reviewer: reviewer, lastSeen: Date())
        sessions.withLock { all in
            if all.count >= limit, let oldest = all.min(by: { $0.value.lastSeen < $1.value.lastSeen }) { all[oldest.key] = nil }
            all[session.id] = session
        }
        return session
    }

    public func update(_ id: String, _ change: (inout Session) -> Void) -> Session? {
        sessions.withLock { all in
            guard var s = all[id] else { return nil }
            change(&s)
            all[id] = s
            return s
        }
    }

    /// A fresh id for a session that logs in (no session fixation); the old id is dropped.
    public func rotate(_ id: String, _ change: (inout Session) -> Void) -> Session? {
        sessions.withLock { all in
            guard var s = all.removeValue(forKey: id) else { return nil }
            s.id = Self.random()
            s.csrf = Self.random()
            change(&s)
            all[s.id] = s
            return s
        }
    }

    /// 32 random bytes from the system's CSPRNG, as hex.
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }

    /// Equal strings compared in time independent of where they differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
