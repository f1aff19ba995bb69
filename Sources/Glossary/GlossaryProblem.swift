/// Something wrong in a glossary file, printed as `FILE:LINE: message` where the message names the fix.
public struct GlossaryProblem: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The glossary must not be used until this is fixed.
        case error
        /// Worth a look, but the glossary is usable (e.g. a later file overriding an earlier one).
        case warning
        /// How the file was read, for the person who keeps it (e.g. a file without a header row
        /// read as Arabic, English); nothing to fix.
        case note
    }

    public var file: String
    public var line: Int
    public var message: String
    public var severity: Severity
    /// The column the problem is in (`ar`, `en`, `note`, `avoid`, `match`) when it is in one, so
    /// an editing form can show the message beside that field; nil for the row or the file.
    public var field: String?

    public init(file: String, line: Int, message: String, severity: Severity = .error, field: String? = nil) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
        self.field = field
    }

    public var description: String {
        let prefix = severity == .error ? "" : "\(severity.rawValue): "
        return "\(file):\(line): \(prefix)\(message)"
    }
}
