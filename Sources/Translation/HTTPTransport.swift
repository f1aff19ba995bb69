/// One HTTP exchange. Secrets travel only inside headers built by engines; a transport never
/// logs headers or bodies.
public struct HTTPRequest: Sendable {
    public var method: String
    public var url: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public init(method: String = "POST", url: String, headers: [(String, String)] = [], body: [UInt8] = []) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }
}

public struct HTTPResponse: Sendable {
    public var status: Int
    /// Header names lower-cased; the last value wins.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// Failures below HTTP: no connection, timeouts, oversized answers, TLS.
public struct TransportError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case connect, timeout, tooLarge, tls, cancelled, other
    }
    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// Sends HTTP requests. Contract: honours task cancellation promptly; at most the configured
/// number of requests in flight; never logs headers or bodies.
public protocol HTTPTransport: Sendable {
    /// Runs on the caller's executor; the answer resumes the caller there directly.
    nonisolated(nonsending) func send(_ request: HTTPRequest) async throws -> HTTPResponse
}
