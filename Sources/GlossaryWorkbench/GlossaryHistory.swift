import Foundation
import Glossary
import GRDB

/// One change made through `GlossaryFileEditor`: who, when, which file, the entry before and after.
public struct GlossaryChange: Sendable, Equatable, Codable {
    public enum Action: String, Sendable, Codable { case add, edit, delete }

    public var id: Int64?
    public var at: Date
    /// Who made it (a reviewer's name from the workspace, `cli:<user>` from the command line).
    public var actor: String
    public var file: String
    public var action: Action
    /// The entry before the change (nil for an add) and after it (nil for a delete).
    public var before: GlossaryEntryFields?
    public var after: GlossaryEntryFields?
    /// The file's line of the entry (before for a delete, after otherwise).
    public var line: Int
    /// The file's revision (SHA-256) before and after.
    public var revisionBefore: String
    public var revisionAfter: String
    /// Where the change came from when not typed in (e.g. `suggestion: …`).
    public var origin: String?

    public init(id: Int64? = nil, at: Date, actor: String, file: String, action: Action,
                before: GlossaryEntryFields?, after: GlossaryEntryFields?, line: Int,
                revisionBefore: String, revisionAfter: String, origin: String? = nil) {
        self.id = id
        self.at = at
        self.actor = actor
        self.file = file
        self.action = action
        self.before = before
        self.after = after
        self.line = line
        self.revisionBefore = revisionBefore
        self.revisionAfter = revisionAfter
        self.origin = origin
    }
}

/// A person's decision on a proposed entry, so a rejected proposal is not made again.
public struct SuggestionDecision: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case accepted, rejected }
    public var key: String
    public var ar: String
    public var en: String
    public var decision: Kind
    public var actor: String
    public var at: Date
}

/// The glossary's history in its own small SQLite database (WAL) in the spool's `.state/`
/// (`glossary.sqlite`), apart from the job journal so that either can be reset alone.
public final class GlossaryHistory: Sendable {
    public static let fileName = "glossary.sqlite"
    private let queue: DatabaseQueue
    public let path: String

    /// Opens (creating when missing) the history of the spool at `spoolRoot`.
    public convenience init(spoolRoot: String) throws {
        let state = spoolRoot + "/.state"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        try self.init(path: state + "/" + GlossaryHistory.fileName)
    }

    public init(path: String) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        queue = try DatabaseQueue(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "glossary_change") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .double).notNull()
                t.column("actor", .text).notNull()
                t.column("file", .text).notNull()
                t.column("action", .text).notNull()
                t.column("before", .text)
                t.column("after", .text)
                t.column("line", .integer).notNull()
                t.column("revision_before", .text).notNull()
                t.column("revision_after", .text).notNull()
                t.column("origin", .text)
            }
            try db.create(index: "glossary_change_file", on: "glossary_change", columns: ["file", "at"])
            try db.create(table: "suggestion_decision") { t in
                t.primaryKey("key", .text)
                t.column("ar", .text).notNull()
                t.column("en", .text).notNull()
                t.column("decision", .text).notNull()
                t.column("actor", .text).notNull()
                t.column("at", .double).notNull()
            }
        }
        try migrator.migrate(queue)
    }

    /// Stores `change`; returns its id.
    @discardableResult
    public func record(_ change: GlossaryChange) throws -> Int64 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json(_ fields: GlossaryEntryFields?) throws -> String? {
            try fields.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        }
        return try queue.write { db in
            try db.execute(
                sql: """
                INSERT INTO glossary_change (at, actor, file, action, before, after, line, revision_before, revision_after, origin)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                arguments: [change.at.timeIntervalSince1970, change.actor, change.file, change.action.rawValue,
                            try json(change.before), try json(change.after), change.line,
                            change.revisionBefore, change.revisionAfter, change.origin])
            return db.lastInsertedRowID
        }
    }

    /// Changes, newest first; only those of `file` when given.
    public func changes(file: String? = nil, limit: Int = 200) throws -> [GlossaryChange] {
        let decoder = JSONDecoder()
        return try queue.read { db in
            let rows: [Row]
            if let file {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM glossary_change WHERE file = ? ORDER BY id DESC LIMIT ?", arguments: [file, limit])
            } else {
                rows = try Row.fetchAll(db, sql: "SELECT * FROM glossary_change ORDER BY id DESC LIMIT ?", arguments: [limit])
            }
            return try rows.map { row in
                func fields(_ column: String) throws -> GlossaryEntryFields? {
                    guard let text: String = row[column] else { return nil }
                    return try decoder.decode(GlossaryEntryFields.self, from: Data(text.utf8))
                }
                return GlossaryChange(
                    id: row["id"], at: Date(timeIntervalSince1970: row["at"]), actor: row["actor"], file: row["file"],
                    action: GlossaryChange.Action(rawValue: row["action"]) ?? .edit,
                    before: try fields("before"), after: try fields("after"), line: row["line"],
                    revisionBefore: row["revision_before"], revisionAfter: row["revision_after"], origin: row["origin"])
            }
        }
    }

    /// Remembers a decision on a proposal (the last decision for a key wins).
    public func decide(_ suggestion: GlossarySuggestion, _ decision: SuggestionDecision.Kind, actor: String, at: Date = Date()) throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO suggestion_decision (key, ar, en, decision, actor, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [suggestion.key, suggestion.ar, suggestion.en, decision.rawValue, actor, at.timeIntervalSince1970])
        }
    }

    /// Every decision, by proposal key.
    public func decisions() throws -> [String: SuggestionDecision] {
        try queue.read { db in
            var out: [String: SuggestionDecision] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM suggestion_decision") {
                let key: String = row["key"]
                out[key] = SuggestionDecision(
                    key: key, ar: row["ar"], en: row["en"],
                    decision: SuggestionDecision.Kind(rawValue: row["decision"]) ?? .rejected,
                    actor: row["actor"], at: Date(timeIntervalSince1970: row["at"]))
            }
            return out
        }
    }
}
