import BayanCore

/// `review.listen`: where the review workspace listens, parsed once for the config check and
/// for the server.
public struct ReviewListen: Sendable, Equatable {
    public var host: String
    public var port: Int

    /// `host:port`, `[v6]:port` or `:port` (127.0.0.1).
    public static func parse(_ text: String) throws -> ReviewListen {
        var host = "127.0.0.1"
        let portText: String
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw BayanError(.config, "review.listen: '\(text)' has '[' without ']'; write [::1]:8710") }
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { throw BayanError(.config, "review.listen: '\(text)' needs a port after ']', e.g. [::1]:8710") }
            portText = String(rest.dropFirst())
        } else if let colon = text.lastIndex(of: ":") {
            let h = String(text[..<colon])
            if !h.isEmpty { host = h }
            portText = String(text[text.index(after: colon)...])
        } else {
            throw BayanError(.config, "review.listen: '\(text)' needs host:port, e.g. 127.0.0.1:8710")
        }
        guard let port = Int(portText), (0...65535).contains(port) else {
            throw BayanError(.config, "review.listen: '\(portText)' is not a port number (0–65535)")
        }
        return ReviewListen(host: host, port: port)
    }

    public var isLoopback: Bool { Self.isLoopback(host) }

    public static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
