import Glossary

/// The fields of a glossary entry a person edits, apart from where the entry stands.
public struct GlossaryEntryFields: Sendable, Equatable, Hashable, Codable {
    public var ar: String
    public var en: String
    public var note: String
    /// English renderings to flag; written to the `avoid` column separated by `|`.
    public var avoid: [String]
    /// Column `match` = `exact`.
    public var exact: Bool

    public init(ar: String, en: String, note: String = "", avoid: [String] = [], exact: Bool = false) {
        self.ar = ar
        self.en = en
        self.note = note
        self.avoid = avoid
        self.exact = exact
    }

    public init(_ entry: GlossaryEntry) {
        self.init(ar: entry.ar, en: entry.en, note: entry.note, avoid: entry.avoid, exact: entry.exact)
    }

    /// The entry these fields make at `file`:`line`.
    public func entry(file: String, line: Int) -> GlossaryEntry {
        GlossaryEntry(ar: ar, en: en, note: note, avoid: avoid, exact: exact, file: file, line: line)
    }

    /// One line for messages: «ar» → en (avoid: …; note: …; match: exact).
    public var summary: String {
        var parts: [String] = []
        if !avoid.isEmpty { parts.append("avoid: \(avoid.joined(separator: "|"))") }
        if !note.isEmpty { parts.append("note: \(note.replacingOccurrences(of: "\n", with: " / "))") }
        if exact { parts.append("match: exact") }
        return "«\(ar)» → \"\(en)\"" + (parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")")
    }
}

/// A change to one glossary file. Entries are named by the line they start on in the revision
/// the caller read (`GlossaryFileContents.entries[i].line`).
public enum GlossaryEdit: Sendable, Equatable {
    case add(GlossaryEntryFields)
    case edit(line: Int, GlossaryEntryFields)
    case delete(line: Int)

    var action: GlossaryChange.Action {
        switch self {
        case .add: .add
        case .edit: .edit
        case .delete: .delete
        }
    }

    var fields: GlossaryEntryFields? {
        switch self {
        case .add(let f), .edit(_, let f): f
        case .delete: nil
        }
    }
}
