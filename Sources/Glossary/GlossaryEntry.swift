/// One approved term: the Arabic as staff wrote it, the English to use, and how to match it.
public struct GlossaryEntry: Sendable, Equatable, Hashable, Codable {
    public var ar: String
    public var en: String
    public var note: String
    /// English renderings that must not be used for this term.
    public var avoid: [String]
    /// `true` switches off clitic, inflection and spelling tolerance (column `match` = `exact`).
    public var exact: Bool
    /// Where the entry was read (file path as given, 1-based line); empty for built-in entries.
    public var file: String
    public var line: Int

    public init(
        ar: String, en: String, note: String = "", avoid: [String] = [], exact: Bool = false,
        file: String = "", line: Int = 0
    ) {
        self.ar = ar
        self.en = en
        self.note = note
        self.avoid = avoid
        self.exact = exact
        self.file = file
        self.line = line
    }

    /// `FILE:LINE` for messages.
    public var location: String { file.isEmpty ? "line \(line)" : "\(file):\(line)" }
}
