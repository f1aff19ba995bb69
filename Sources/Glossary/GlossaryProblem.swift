/// Something wrong in a glossary file, printed as `FILE:LINE: message` where the message names the fix.
public struct GlossaryProblem: Sendable, Equatable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        /// The glossary must not be used until this is fixed.
        case error
        /// Worth a look, but the glossary is usable (e.g. a later file overriding an earlier one).
        case warning
    }

    public var file: String
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        let prefix = severity == .warning ? "warning: " : ""
        return "\(file):\(line): \(prefix)\(message)"
    }
}
