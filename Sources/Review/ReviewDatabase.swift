import BayanCore
import Foundation
import GRDB

/// Review state in SQLite beside the spool's other state (`.state/review.sqlite`, WAL,
/// synchronous FULL: a change answered as saved survives a power cut or `kill -9`).
///
/// One row per reviewed document (its source SHA-256, revision, the revision last published and
/// the revision last written to the translation memory) and one row per touched segment.
final class ReviewDatabase: Sendable {
    private let queue: DatabaseQueue

    struct DocumentRow: Sendable, Equatable {
        var id: String
        var sha256: String
        var revision: Int
        var publishedRevision: Int
        var memoryRevision: Int
    }

    struct SegmentRow: Sendable, Equatable {
        var segment: Int
        var ar: String
        var en: String
        var mt: String
        var approved: Bool
        var reviewedBy: String
        var reviewedAt: String
        var revision: Int
        var terms: [TermHit]
        var qa: [QAIssue]
    }

    init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw BayanError(.io, "cannot open the review database at \(path): \(error). Check the folder's permissions")
        }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE review_document (
                  id TEXT PRIMARY KEY,
                  sha256 TEXT NOT NULL,
                  revision INTEGER NOT NULL,
                  published_revision INTEGER NOT NULL DEFAULT 0,
                  memory_revision INTEGER NOT NULL DEFAULT 0,
                  updated_at REAL NOT NULL
                );
                CREATE TABLE review_segment (
                  document_id TEXT NOT NULL REFERENCES review_document(id) ON DELETE CASCADE,
                  segment INTEGER NOT NULL,
                  ar TEXT NOT NULL,
                  en TEXT NOT NULL,
                  mt TEXT NOT NULL,
                  approved INTEGER NOT NULL,
                  reviewed_by TEXT NOT NULL,
                  reviewed_at TEXT NOT NULL,
                  revision INTEGER NOT NULL,
                  terms TEXT NOT NULL,
                  qa TEXT NOT NULL,
                  PRIMARY KEY (document_id, segment)
                );
                """)
        }
        try migrator.migrate(queue)
    }

    func document(_ id: String) throws -> DocumentRow? {
        try queue.read { try Self.fetchDocument($0, id) }
    }

    func segments(_ id: String) throws -> [Int: SegmentRow] {
        try queue.read { try Self.fetchSegments($0, id) }
    }

    /// Both at once, from one snapshot.
    func state(_ id: String) throws -> (DocumentRow?, [Int: SegmentRow]) {
        try queue.read { db in (try Self.fetchDocument(db, id), try Self.fetchSegments(db, id)) }
    }

    /// Every reviewed document's row and its approved-segment count.
    func allDocuments() throws -> [String: (row: DocumentRow, approved: Int, touched: Int)] {
        try queue.read { db in
            var out: [String: (DocumentRow, Int, Int)] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT d.*, (SELECT COUNT(*) FROM review_segment s WHERE s.document_id = d.id AND s.approved = 1) AS approved,
                  (SELECT COUNT(*) FROM review_segment s WHERE s.document_id = d.id) AS touched
                FROM review_document d
                """) {
                out[row["id"]] = (Self.document(row), row["approved"], row["touched"])
            }
            return out
        }
    }

    /// Runs `body` in one write transaction: it sees the current rows and returns what to write.
    func update<T>(
        _ id: String, sha256: String,
        _ body: (DocumentRow, [Int: SegmentRow]) throws -> (revision: Int, rows: [SegmentRow], result: T)
    ) throws -> T {
        try queue.write { db in
            var document = try Self.fetchDocument(db, id)
            if let existing = document, existing.sha256 != sha256 {
                // Another source now owns this folder: its old review does not apply.
                try db.execute(sql: "DELETE FROM review_segment WHERE document_id = ?", arguments: [id])
                try db.execute(sql: "DELETE FROM review_document WHERE id = ?", arguments: [id])
                document = nil
            }
            let current = document ?? DocumentRow(id: id, sha256: sha256, revision: 0, publishedRevision: 0, memoryRevision: 0)
            let segments = document == nil ? [:] : try Self.fetchSegments(db, id)
            let (revision, rows, result) = try body(current, segments)
            guard !rows.isEmpty || revision != current.revision else { return result }
            try db.execute(sql: """
                INSERT INTO review_document (id, sha256, revision, published_revision, memory_revision, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, updated_at = excluded.updated_at
                """, arguments: [id, sha256, revision, current.publishedRevision, current.memoryRevision, Date().timeIntervalSince1970])
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO review_segment
                  (document_id, segment, ar, en, mt, approved, reviewed_by, reviewed_at, revision, terms, qa)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in rows {
                try statement.execute(arguments: [
                    id, row.segment, row.ar, row.en, row.mt, row.approved, row.reviewedBy, row.reviewedAt, row.revision,
                    Self.json(row.terms), Self.json(row.qa),
                ])
            }
            return result
        }
    }

    func markPublished(_ id: String, revision: Int) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE review_document SET published_revision = MAX(published_revision, ?) WHERE id = ?", arguments: [revision, id])
        }
    }

    func markInMemory(_ id: String, revision: Int) throws {
        try queue.write { db in
            try db.execute(sql: "UPDATE review_document SET memory_revision = MAX(memory_revision, ?) WHERE id = ?", arguments: [revision, id])
        }
    }

    /// Counts for /metrics: reviewed documents, touched segments and approved segments.
    func counts() throws -> (documents: Int, segments: Int, approved: Int) {
        try queue.read { db in
            let documents = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_document") ?? 0
            let segments = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_segment") ?? 0
            let approved = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_segment WHERE approved = 1") ?? 0
            return (documents, segments, approved)
        }
    }

    private static func fetchDocument(_ db: Database, _ id: String) throws -> DocumentRow? {
        try Row.fetchOne(db, sql: "SELECT * FROM review_document WHERE id = ?", arguments: [id]).map(document)
    }

    private static func document(_ row: Row) -> DocumentRow {
        DocumentRow(
            id: row["id"], sha256: row["sha256"], revision: row["revision"], publishedRevision: row["published_revision"],
            memoryRevision: row["memory_revision"])
    }

    private static func fetchSegments(_ db: Database, _ id: String) throws -> [Int: SegmentRow] {
        var out: [Int: SegmentRow] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM review_segment WHERE document_id = ?", arguments: [id]) {
            let segment = SegmentRow(
                segment: row["segment"], ar: row["ar"], en: row["en"], mt: row["mt"], approved: row["approved"],
                reviewedBy: row["reviewed_by"], reviewedAt: row["reviewed_at"], revision: row["revision"],
                terms: decode(row["terms"]), qa: decode(row["qa"]))
            out[segment.segment] = segment
        }
        return out
    }

    private static func json<T: Encodable>(_ value: T) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }

    private static func decode<T: Decodable & ExpressibleByArrayLiteral>(_ text: String) -> T {
        (try? JSONDecoder().decode(T.self, from: Data(text.utf8))) ?? []
    }
}
