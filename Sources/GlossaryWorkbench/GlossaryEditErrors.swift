import Glossary

/// A glossary file as read for editing: its revision (SHA-256 of its bytes, to pass back with
/// an edit), its entries with their lines, and every problem `bayan glossary check` would print.
public struct GlossaryFileContents: Sendable {
    /// The path as the caller named it (the name problems carry).
    public let path: String
    public let revision: String
    public let format: GlossaryLoader.Format
    public let entries: [GlossaryEntry]
    public let problems: [GlossaryProblem]
    /// Nil for TBX and for a file whose header cannot be read.
    public let layout: GlossaryFileLayout?
    /// Why the file cannot be edited here, or nil when it can.
    public let readOnlyReason: String?

    public var editable: Bool { readOnlyReason == nil }
}

/// The file changed on disk since the caller read it: nothing was written.
public struct GlossaryEditConflict: Sendable, CustomStringConvertible {
    public let file: String
    /// The revision the caller read, and the one on disk now.
    public let expectedRevision: String
    public let currentRevision: String
    /// What the caller asked for (nil for a delete) and the entry on disk now at that line or
    /// with the same Arabic (nil when there is none).
    public let yours: GlossaryEntryFields?
    public let onDisk: GlossaryEntry?
    public let edit: GlossaryEdit

    public var description: String {
        var lines = ["\(file) changed on disk since it was read (revision \(expectedRevision.prefix(12)), now \(currentRevision.prefix(12))); nothing was written."]
        switch edit {
        case .add(let f): lines.append("  yours:   add \(f.summary)")
        case .edit(let line, let f): lines.append("  yours:   line \(line) → \(f.summary)")
        case .delete(let line): lines.append("  yours:   delete line \(line)")
        }
        if let onDisk {
            lines.append("  on disk: line \(onDisk.line): \(GlossaryEntryFields(onDisk).summary)")
        } else {
            lines.append("  on disk: no such entry now")
        }
        lines.append("Read the file again and make your change on the current version.")
        return lines.joined(separator: "\n")
    }
}

/// Why an edit was refused. Nothing was written in any case.
public enum GlossaryEditError: Error, Sendable, CustomStringConvertible {
    /// The change would make the file invalid: the problems the load validator reports, each
    /// with `field` set when it is in one field, in the words `bayan glossary check` prints.
    case invalid([GlossaryProblem])
    case conflict(GlossaryEditConflict)
    case readOnly(file: String, reason: String)
    /// No entry starts on that line (of the revision the caller read).
    case noEntry(file: String, line: Int)
    case unreadable(file: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        case .conflict(let conflict): conflict.description
        case .readOnly(let file, let reason): "\(file): \(reason)"
        case .noEntry(let file, let line): "\(file):\(line): no glossary entry starts on this line; list the entries with `bayan glossary list \(file)`"
        case .unreadable(let file, let reason): "\(file): \(reason)"
        }
    }
}

/// What an edit did.
public struct GlossaryEditResult: Sendable {
    public let file: String
    public let previousRevision: String
    /// The file's revision now (pass it with the next edit).
    public let revision: String
    /// The entry before (nil for an add) and after (nil for a delete), with their lines.
    public let before: GlossaryEntry?
    public let after: GlossaryEntry?
    /// Problems of the file the change did not cause and did not fix (a file with such errors
    /// stays out of the live glossary until they are fixed), plus warnings and notes.
    public let otherProblems: [GlossaryProblem]
    /// What the live glossary did (nil when no store was given or the file is not one of its files).
    public let reload: GlossaryStore.Outcome?
    /// The history row (nil without a history, or when recording failed: see `historyError`).
    public let changeID: Int64?
    public let historyError: String?
}
