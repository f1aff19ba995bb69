import BayanCore
import Daemon
import Foundation

/// Where the workspace listens and who may use it (from `review.*`).
public struct WorkspaceSettings: Sendable {
    public var host: String
    public var port: Int
    /// Extra `Host` names accepted besides localhost, 127.0.0.1 and [::1] (with the port).
    public var extraHosts: [String]
    /// Access tokens and the name of each holder; empty = no login (loopback only).
    public var tokens: [String: String]
    /// Largest JSON body accepted (413 above).
    public var maxJSONBytes = 256 * 1024
    /// Largest upload accepted (spool.max_input_bytes).
    public var maxUploadBytes: Int
    /// Mark cookies Secure (behind a TLS-terminating proxy).
    public var secureCookies = false

    public init(host: String, port: Int, extraHosts: [String] = [], tokens: [String: String] = [:], maxUploadBytes: Int = 20 << 20) {
        self.host = host
        self.port = port
        self.extraHosts = extraHosts
        self.tokens = tokens
        self.maxUploadBytes = maxUploadBytes
    }

    public var tokenRequired: Bool { !tokens.isEmpty }

    public static func isLoopback(_ host: String) -> Bool { ReviewListen.isLoopback(host) }

    /// Reads `review.token_file`: one token per line, optionally followed by white space and the
    /// holder's name (recorded as the reviewer). Blank lines and `#` comments are skipped.
    public static func readTokens(path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BayanError(.config, "review.token_file: cannot read \(path)")
        }
        var tokens: [String: String] = [:]
        for (number, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(maxSplits: 1, whereSeparator: { $0 == " " || $0 == "\t" })
            let token = String(parts[0])
            guard token.utf8.count >= 16 else {
                throw BayanError(.config, "review.token_file line \(number + 1): a token must be at least 16 characters (e.g. `openssl rand -hex 24`)")
            }
            let holder = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "token holder"
            tokens[token] = String(holder.prefix(80))
        }
        guard !tokens.isEmpty else { throw BayanError(.config, "review.token_file: \(path) holds no token") }
        return tokens
    }

    /// Refuses to listen beyond loopback without tokens.
    public func validate() throws {
        if !Self.isLoopback(host) && !tokenRequired {
            throw BayanError(.config, "review.listen is \(host):\(port), which is reachable from other machines; set review.token_file to a file of access tokens, or listen on 127.0.0.1")
        }
    }

    /// The `Host` values accepted (DNS rebinding defence): each name with the port.
    public func allowedAuthorities(port actual: Int) -> Set<String> {
        var names = ["localhost", "127.0.0.1", "[::1]"] + extraHosts
        if !Self.isLoopback(host), host != "0.0.0.0", host != "::" {
            names.append(host.contains(":") ? "[\(host)]" : host)
        }
        return Set(names.map { $0.lowercased() + ":\(actual)" })
    }
}
