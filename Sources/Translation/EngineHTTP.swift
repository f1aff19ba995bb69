import Foundation

/// Helpers every dialect uses: JSON in and out, transport failures classified, the key kept out
/// of every message.
enum EngineHTTP {
    static func json(_ object: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.withoutEscapingSlashes]))
    }

    nonisolated(nonsending) static func send(_ transport: any HTTPTransport, _ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await transport.send(request)
        } catch let error as TransportError {
            throw RetryPolicy.classify(error)
        }
    }

    static func object(_ body: [UInt8]) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
    }

    /// A server's message with the key (if a server ever echoes it) removed, and cut short.
    static func clean(_ message: String, secret: Secret?) -> String {
        var text = message
        if let secret, secret.value.count >= 4 { text = text.replacingOccurrences(of: secret.value, with: "<redacted>") }
        if text.count > 500 { text = String(text.prefix(500)) + "…" }
        return text
    }

    /// Joins a base URL and a path without doubling slashes.
    static func join(_ base: String, _ path: String) -> String {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        return b + path
    }
}
