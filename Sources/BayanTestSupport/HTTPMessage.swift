/// A request as the loopback server received it.
public struct ReceivedRequest: Sendable {
    public var method: String
    public var path: String
    /// Header names lower-cased, in arrival order.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]
    /// Which accepted connection carried it (1-based): tests of keep-alive read this.
    public var connection: Int

    public func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name == lower }?.value
    }

    public var bodyText: String { String(decoding: body, as: UTF8.self) }
}

/// What the server does with one request. Faults are first-class so tests can script them.
public enum ServerAction: Sendable {
    case respond(status: Int, headers: [(String, String)], body: [UInt8])
    /// Accept the request and never answer (until the server stops).
    case hang
    /// Close the connection without answering.
    case drop
    /// Send the status line and headers promising the whole body, then only `sendBytes` of it, then close.
    case truncated(status: Int, headers: [(String, String)], body: [UInt8], sendBytes: Int)
    /// Send the response a few bytes at a time with a pause between chunks.
    case slowDrip(status: Int, headers: [(String, String)], body: [UInt8], chunkBytes: Int, pauseMilliseconds: Int)

    public static func json(_ status: Int, _ text: String, headers: [(String, String)] = []) -> ServerAction {
        .respond(status: status, headers: [("Content-Type", "application/json")] + headers, body: Array(text.utf8))
    }
}

enum HTTPStatusText {
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 413: "Payload Too Large"
        case 429: "Too Many Requests"
        case 456: "Quota Exceeded"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
