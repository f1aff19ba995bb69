/// An error a person can act on: a stable code, a message that says what went wrong and how to
/// fix it, and an optional underlying cause.
public struct BayanError: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The input file cannot be processed (wrong type, encoding, too large, hostile).
        public static let badInput = Code("bad-input")
        /// The configuration is invalid.
        public static let config = Code("config")
        /// The translation endpoint failed in a way that retrying may cure.
        public static let engineTransient = Code("engine-transient")
        /// The translation endpoint refused the request; retrying will not help.
        public static let engineRejected = Code("engine-rejected")
        /// The engine refused our key or endpoint (401, 403, 404): fix the configuration; documents wait.
        public static let engineConfig = Code("engine-config")
        /// The engine's quota is spent: stop sending until an operator acts.
        public static let engineQuota = Code("engine-quota")
        /// A file-system operation failed.
        public static let io = Code("io")
        /// The glossary is invalid.
        public static let glossary = Code("glossary")
        /// A stage failed in a way that is a bug in Bayan.
        public static let `internal` = Code("internal")
    }

    public var code: Code
    public var message: String
    public var cause: String?

    public init(_ code: Code, _ message: String, cause: String? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    public var description: String {
        if let cause { return "\(message) (\(cause))" }
        return message
    }

    public static func badInput(_ message: String) -> BayanError { BayanError(.badInput, message) }
}
