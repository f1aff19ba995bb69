import BayanCore
import BlockingIO
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
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        self.queue = queue
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
        commits = Self.makeGroup(queue)
    }

    /// Every write goes through one group commit: the writes of documents finishing (or
    /// starting) at the same time share one transaction and one WAL fsync, and each caller
    /// returns once its own write is committed. Callers block, so they run on BlockingPool.
    private let commits: GroupCommit<@Sendable (Database) throws -> Int, Int>

    private static func makeGroup(_ queue: DatabaseQueue) -> GroupCommit<@Sendable (Database) throws -> Int, Int> {
        GroupCommit { writes in
            do {
                return try queue.write { db in
                    // One savepoint per write, so a failing write fails alone.
                    try writes.map { write -> Result<Int, any Error> in
                        var value = 0
                        do {
                            try db.inSavepoint {
                                value = try write(db)
                                return .commit
                            }
                            return .success(value)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
            } catch {
                return Array(repeating: .failure(error), count: writes.count)
            }
        }
    }

    /// Records that a job started on the document with this content: its row (claimed), and one
    /// more start of the content; returns the new count of starts.
    func started(_ job: ClaimedJob, sha256: String) throws -> Int {
        let id = job.id, name = job.originalName, now = Date().timeIntervalSince1970
        return try commits.submit { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO job (id, name, sha256, state, claimed_at) VALUES (?, ?, ?, 'claimed', ?)",
                arguments: [id, name, sha256, now])
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
        _ = try commits.submit { db in
            try db.execute(sql: "UPDATE document_start SET count = MAX(0, count - 1) WHERE sha256 = ?", arguments: [sha256])
            return 0
        }
    }

    /// The job's end: done (with its stem) or failed (with the reason). A job that failed before
    /// it was read has no row yet and gets one here.
    func finished(_ job: ClaimedJob, state: String, stem: String? = nil, error: String? = nil, sha256: String? = nil) throws {
        let id = job.id, name = job.originalName, now = Date().timeIntervalSince1970
        _ = try commits.submit { db in
            try db.execute(
                sql: """
                    INSERT INTO job (id, name, sha256, state, stem, error, claimed_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET state = excluded.state, stem = excluded.stem, error = excluded.error,
                      finished_at = excluded.finished_at, sha256 = COALESCE(excluded.sha256, job.sha256)
                    """,
                arguments: [id, name, sha256, state, stem, error, now, now])
            if state == "done", let sha256 {
                try db.execute(sql: "DELETE FROM document_start WHERE sha256 = ?", arguments: [sha256])
            }
            return 0
        }
    }
}
