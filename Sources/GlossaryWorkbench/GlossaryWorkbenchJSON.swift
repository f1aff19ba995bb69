import Foundation
import Glossary

// JSON shapes for the workspace's glossary API (field names are a contract, snake_case like
// result.json). Problems carry `file`, `line`, `message`, `severity` and `field`.

extension GlossaryFileContents: Encodable {
    enum CodingKeys: String, CodingKey { case path, revision, format, entries, problems, editable, readOnlyReason = "read_only_reason", headerless }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(revision, forKey: .revision)
        try c.encode(format.rawValue, forKey: .format)
        try c.encode(entries, forKey: .entries)
        try c.encode(problems, forKey: .problems)
        try c.encode(editable, forKey: .editable)
        try c.encodeIfPresent(readOnlyReason, forKey: .readOnlyReason)
        try c.encode(layout?.headerless ?? false, forKey: .headerless)
    }
}

extension GlossaryEditResult: Encodable {
    enum CodingKeys: String, CodingKey {
        case file, previousRevision = "previous_revision", revision, before, after, otherProblems = "other_problems"
        case reload, glossaryVersion = "glossary_version", changeID = "change_id", historyError = "history_error"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(previousRevision, forKey: .previousRevision)
        try c.encode(revision, forKey: .revision)
        try c.encodeIfPresent(before, forKey: .before)
        try c.encodeIfPresent(after, forKey: .after)
        try c.encode(otherProblems, forKey: .otherProblems)
        switch reload {
        case .updated(let version, _)?:
            try c.encode("updated", forKey: .reload)
            try c.encode(version, forKey: .glossaryVersion)
        case .unchanged(let version)?:
            try c.encode("unchanged", forKey: .reload)
            try c.encode(version, forKey: .glossaryVersion)
        case .rejected?:
            // The file has errors elsewhere (in other_problems): the running glossary stays.
            try c.encode("rejected", forKey: .reload)
        case nil:
            break
        }
        try c.encodeIfPresent(changeID, forKey: .changeID)
        try c.encodeIfPresent(historyError, forKey: .historyError)
    }
}

extension GlossaryEditError: Encodable {
    enum CodingKeys: String, CodingKey {
        case error, message, problems, file, line, expectedRevision = "expected_revision"
        case currentRevision = "current_revision", yours, onDisk = "on_disk"
    }

    /// `error` is `invalid`, `conflict`, `read_only`, `no_entry` or `unreadable`; `message` is
    /// what the CLI prints.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(description, forKey: .message)
        switch self {
        case .invalid(let problems):
            try c.encode("invalid", forKey: .error)
            try c.encode(problems, forKey: .problems)
        case .conflict(let conflict):
            try c.encode("conflict", forKey: .error)
            try c.encode(conflict.file, forKey: .file)
            try c.encode(conflict.expectedRevision, forKey: .expectedRevision)
            try c.encode(conflict.currentRevision, forKey: .currentRevision)
            try c.encodeIfPresent(conflict.yours, forKey: .yours)
            try c.encodeIfPresent(conflict.onDisk, forKey: .onDisk)
        case .readOnly(let file, _):
            try c.encode("read_only", forKey: .error)
            try c.encode(file, forKey: .file)
        case .noEntry(let file, let line):
            try c.encode("no_entry", forKey: .error)
            try c.encode(file, forKey: .file)
            try c.encode(line, forKey: .line)
        case .unreadable(let file, _):
            try c.encode("unreadable", forKey: .error)
            try c.encode(file, forKey: .file)
        }
    }
}
