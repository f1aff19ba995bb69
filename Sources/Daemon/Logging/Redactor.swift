import Synchronization

/// Replaces every registered secret with `<redacted>`. Every log line, status file and error
/// text that leaves the process goes through it.
public final class Redactor: Sendable {
    public static let shared = Redactor()
    private let secrets = Mutex<[String]>([])

    public init() {}

    public func register(_ secret: String?) {
        guard let secret, secret.count >= 4 else { return }
        secrets.withLock { list in if !list.contains(secret) { list.append(secret) } }
    }

    public func redact(_ text: String) -> String {
        let list = secrets.withLock { $0 }
        guard !list.isEmpty else { return text }
        var out = text
        for secret in list where out.contains(secret) { out = out.replacingOccurrences(of: secret, with: "<redacted>") }
        return out
    }
}

import Foundation
