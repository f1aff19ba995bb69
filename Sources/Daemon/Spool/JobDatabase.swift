import BayanCore
import Foundation
import GRDB
import Outputs

/// The daemon's journal in SQLite (WAL): one row per job and a count of starts per document.
/// Folders remain the truth; the database remembers history, errors and the crash-loop count.
public final class JobDatabase: Sendable {
    private let queue: DatabaseQueue

    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        queue = try DatabaseQueue(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "job") { t in
                t.primaryKey("id", .text)
                t.column("name", .text).notNull()
                t.column("sha256", .text)
                t.column("state", .text).notNull()
                t.column("stem", .text)
                t.column("error", .text)
                t.column("claimed_at", .double).notNull()
                t.column("finished_at", .double)
            }
            try db.create(table: "document_start") { t in
                t.primaryKey("sha256", .text)
                t.column("count", .integer).notNull()
            }
        }
        try migrator.migrate(queue)
    }

    func claimed(_ job: ClaimedJob) throws {
        try queue.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO job (id, name, state, claimed_at) VALUES (?, ?, 'claimed', ?)",
                arguments: [job.id, job.originalName, Date().timeIntervalSince1970])
        }
    }

    /// Counts one more start of the document with this content; returns the new count.
    func started(_ job: ClaimedJob, sha256: String) throws -> Int {
        try queue.write { db in
            try db.execute(sql: "UPDATE job SET sha256 = ? WHERE id = ?", arguments: [sha256, job.id])
            CrashPoint.midDatabaseWrite.hit()
            try db.execute(
                sql: "INSERT INTO document_start (sha256, count) VALUES (?, 1) ON CONFLICT(sha256) DO UPDATE SET count = count + 1",
                arguments: [sha256])
            return try Int.fetchOne(db, sql: "SELECT count FROM document_start WHERE sha256 = ?", arguments: [sha256]) ?? 1
        }
    }

    /// A start that ended cleanly without a result (deferred: the engine was unavailable) is not a
    /// crash: take it back, so a long outage never sends documents to failed/ as a crash loop.
    func startEndedCleanly(sha256: String) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE document_start SET count = MAX(0, count - 1) WHERE sha256 = ?", arguments: [sha256])
        }
    }

    func finished(_ job: ClaimedJob, state: String, stem: String? = nil, error: String? = nil, sha256: String? = nil) throws {
        try queue.write { db in
            try db.execute(
                sql: "UPDATE job SET state = ?, stem = ?, error = ?, finished_at = ?, sha256 = COALESCE(?, sha256) WHERE id = ?",
                arguments: [state, stem, error, Date().timeIntervalSince1970, sha256, job.id])
            if state == "done", let sha256 {
                try db.execute(sql: "DELETE FROM document_start WHERE sha256 = ?", arguments: [sha256])
            }
        }
    }
}
