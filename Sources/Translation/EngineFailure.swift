/// Why a request failed and what to do about it (decided in one place: `RetryPolicy.classify`).
public struct EngineFailure: Error, Sendable, CustomStringConvertible {
    public enum Disposition: Sendable, Equatable {
        /// Try again later; `after` is the server's own hint (Retry-After), when it gave one.
        case retry(after: Double?)
        /// Stop sending to this engine until an operator acts (quota spent).
        case hold
        /// The request is too large: send its items in smaller batches.
        case split
        /// Retrying cannot help (bad request, bad key, unknown endpoint).
        case fail
    }

    public var disposition: Disposition
    public var status: Int?
    public var message: String

    public init(_ disposition: Disposition, status: Int? = nil, message: String) {
        self.disposition = disposition
        self.status = status
        self.message = message
    }

    public var description: String {
        if let status { return "HTTP \(status): \(message)" }
        return message
    }
}
