import BayanCore
import BlockingIO
import Foundation
import GRDB
import Synchronization

/// Every translated sentence, in SQLite (`.state/memory.sqlite`): the Arabic, its normalized
/// key, the English, the engine, model and languages, the glossary entries that applied, and
/// when. Approved translations (imported from TMX) win over machine translations.
public final class TranslationMemory: Sendable {
    public let path: String
    private let db: DatabasePool
    /// Stores of documents finishing together share one transaction (one WAL fsync).
    private let stores: GroupCommit<[Unit], Int>

    /// One remembered pair, as exported to TMX.
    public struct Unit: Sendable, Equatable {
        public var source: String
        public var target: String
        public var origin: Origin
        public var scope: MemoryScope
        public var terms: [GlossaryEntry]
        public var createdAt: Date

        public init(source: String, target: String, origin: Origin, scope: MemoryScope, terms: [GlossaryEntry] = [], createdAt: Date = Date()) {
            self.source = source
            self.target = target
            self.origin = origin
            self.scope = scope
            self.terms = terms
            self.createdAt = createdAt
        }
    }

    public enum Origin: String, Sendable, Equatable {
        /// Produced by an engine.
        case mt
        /// Checked by a person (imported); used whatever the engine.
        case approved
        /// Approved by a reviewer in the review workspace; wins over everything else.
        case reviewed

        /// Written by a person (imported or reviewed): reused whatever the engine or glossary.
        public var isHuman: Bool { self != .mt }
    }

    /// A remembered translation and where it came from.
    public struct Hit: Sendable, Equatable {
        public var target: String
        public var origin: Origin

        public init(target: String, origin: Origin) {
            self.target = target
            self.origin = origin
        }
    }

    public init(path: String) throws {
        self.path = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        var config = Configuration()
        config.busyMode = .timeout(10)
        do {
            let db = try DatabasePool(path: path, configuration: config)
            self.db = db
            try Self.migrator.migrate(db)
            stores = GroupCommit { batches in
                do {
                    let counts = try db.write { db in try batches.map { try Self.insert($0, into: db) } }
                    return counts.map { .success($0) }
                } catch {
                    return Array(repeating: .failure(error), count: batches.count)
                }
            }
        } catch {
            throw BayanError(.io, "cannot open the translation memory at \(path): \(error). Check the folder's permissions, or move the file aside to start a new memory")
        }
    }

    private static let cache = Mutex<[String: TranslationMemory]>([:])

    /// One open memory per file in this process (config reloads reuse it).
    public static func shared(path: String) throws -> TranslationMemory {
        try cache.withLock { c in
            if let open = c[path] { return open }
            let memory = try TranslationMemory(path: path)
            c[path] = memory
            return memory
        }
    }

    private static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE units (
                  id INTEGER PRIMARY KEY,
                  source_key TEXT NOT NULL,
                  source TEXT NOT NULL,
                  target TEXT NOT NULL,
                  origin TEXT NOT NULL,
                  engine TEXT NOT NULL,
                  model TEXT NOT NULL,
                  source_lang TEXT NOT NULL,
                  target_lang TEXT NOT NULL,
                  terms_key TEXT NOT NULL,
                  terms TEXT NOT NULL,
                  created_at REAL NOT NULL,
                  UNIQUE (source_key, origin, engine, model, target_lang, terms_key)
                );
                CREATE INDEX units_by_source ON units(source_key);
                CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """)
        }
        return m
    }

    /// Remembered translations for these keys: a reviewed one first, then an approved one (same
    /// target language), else a machine translation from the same engine, model, languages and
    /// glossary entries.
    public func lookup(_ keys: [MemoryKey], scope: MemoryScope) throws -> [MemoryKey: String] {
        try lookupHits(keys, scope: scope).mapValues(\.target)
    }

    /// As `lookup`, with the origin of each translation.
    public func lookupHits(_ keys: [MemoryKey], scope: MemoryScope) throws -> [MemoryKey: Hit] {
        guard !keys.isEmpty else { return [:] }
        let base = Self.baseLanguage(scope.targetLanguage)
        return try db.read { db in
            var out: [MemoryKey: Hit] = [:]
            let statement = try db.cachedStatement(sql: """
                SELECT target, origin FROM units WHERE source_key = ? AND (
                  (origin IN ('reviewed', 'approved') AND (lower(target_lang) = ? OR lower(target_lang) LIKE ? || '-%'))
                  OR (origin = 'mt' AND engine = ? AND model = ? AND source_lang = ? AND target_lang = ? AND terms_key = ?))
                ORDER BY origin = 'reviewed' DESC, origin = 'approved' DESC, created_at DESC LIMIT 1
                """)
            for key in keys {
                if let row = try Row.fetchOne(statement, arguments: [
                    key.source, base, base, scope.engine, scope.model, scope.sourceLanguage, scope.targetLanguage, key.terms,
                ]) {
                    out[key] = Hit(target: row["target"], origin: Origin(rawValue: row["origin"]) ?? .mt)
                }
            }
            return out
        }
    }

    /// A human translation (reviewed or approved) of a sentence close to the given one.
    public struct FuzzyMatch: Sendable, Equatable {
        public var source: String
        public var target: String
        public var origin: Origin
        /// 0...100, on the normalized Arabic.
        public var score: Int
    }

    /// The best human translations whose normalized Arabic scores at least `threshold` (0...100)
    /// against each sentence, exact matches excluded. Scored by `FuzzyScore` on words.
    public func fuzzyMatches(for sentences: [String], threshold: Int, targetLanguage: String = "en") throws -> [FuzzyMatch?] {
        guard !sentences.isEmpty else { return [] }
        let base = Self.baseLanguage(targetLanguage)
        let candidates: [(key: [Substring], source: String, target: String, origin: Origin)] = try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT source_key, source, target, origin FROM units
                WHERE origin IN ('reviewed', 'approved') AND (lower(target_lang) = ? OR lower(target_lang) LIKE ? || '-%')
                ORDER BY origin = 'reviewed' DESC, created_at DESC
                """, arguments: [base, base]).map { row in
                let key: String = row["source_key"]
                return (key.split(separator: " "), row["source"], row["target"], Origin(rawValue: row["origin"]) ?? .approved)
            }
        }
        // Inverted index word → candidates, so each sentence scores only candidates that share
        // enough words to reach the threshold (the shared tokens bound the common subsequence).
        var index: [Substring: [Int]] = [:]
        for (i, candidate) in candidates.enumerated() {
            for word in Set(candidate.key) { index[word, default: []].append(i) }
        }
        return sentences.map { sentence in
            let words = MemoryKey(source: sentence, terms: []).source.split(separator: " ")
            guard !words.isEmpty else { return nil }
            var shared: [Int: Int] = [:]
            var multiplicity: [Substring: Int] = [:]
            for word in words { multiplicity[word, default: 0] += 1 }
            for (word, k) in multiplicity {
                for i in index[word] ?? [] { shared[i, default: 0] += k }
            }
            // Best score; on a tie the earlier candidate (reviewed before approved, newest first).
            var best: (index: Int, score: Int)? = nil
            for (i, common) in shared {
                let candidate = candidates[i]
                let longest = max(words.count, candidate.key.count)
                guard min(common, candidate.key.count) * 100 >= threshold * longest, candidate.key != words else { continue }
                let score = FuzzyScore.percent(words, candidate.key)
                guard score >= threshold else { continue }
                if let b = best, b.score > score || (b.score == score && b.index < i) { continue }
                best = (i, score)
            }
            return best.map { b in
                FuzzyMatch(source: candidates[b.index].source, target: candidates[b.index].target, origin: candidates[b.index].origin, score: b.score)
            }
        }
    }

    /// Removes a reviewer's approval of this Arabic sentence (the reviewer withdrew it).
    public func removeReviewed(source: String) throws {
        let key = MemoryKey(source: source, terms: []).source
        try db.write { db in
            try db.execute(sql: "DELETE FROM units WHERE source_key = ? AND origin = 'reviewed'", arguments: [key])
        }
    }

    /// Stores machine translations (a newer one replaces an older one with the same key).
    /// Blocks until committed; stores from several threads at once share one commit.
    public func store(_ records: [MemoryRecord], scope: MemoryScope, at date: Date = Date()) throws {
        guard !records.isEmpty else { return }
        _ = try stores.submit(records.map { Unit(source: $0.source, target: $0.target, origin: .mt, scope: scope, terms: $0.terms, createdAt: date) })
    }

    /// Adds or replaces units (TMX import). Returns how many were written.
    @discardableResult
    public func insert(_ units: [Unit]) throws -> Int {
        guard !units.isEmpty else { return 0 }
        return try stores.submit(units)
    }

    private static func insert(_ units: [Unit], into db: Database) throws -> Int {
        do {
            let statement = try db.cachedStatement(sql: """
                INSERT INTO units (source_key, source, target, origin, engine, model, source_lang, target_lang, terms_key, terms, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source_key, origin, engine, model, target_lang, terms_key)
                DO UPDATE SET source = excluded.source, target = excluded.target, terms = excluded.terms, created_at = excluded.created_at
                """)
            var written = 0
            for unit in units {
                let key = MemoryKey(source: unit.source, terms: [])
                let termsJSON = (try? JSONEncoder().encode(unit.terms)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
                guard !key.source.isEmpty, !unit.target.isEmpty else { continue }
                try statement.execute(arguments: [
                    key.source, unit.source, unit.target, unit.origin.rawValue, unit.scope.engine, unit.scope.model,
                    unit.scope.sourceLanguage, unit.scope.targetLanguage, MemoryKey.termsKey(unit.terms), termsJSON,
                    unit.createdAt.timeIntervalSince1970,
                ])
                written += 1
            }
            return written
        }
    }

    /// Every unit, oldest first (for TMX export).
    public func allUnits() throws -> [Unit] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM units ORDER BY created_at, id").map { row in
                let termsText: String = row["terms"]
                let terms = (try? JSONDecoder().decode([GlossaryEntry].self, from: Data(termsText.utf8))) ?? []
                return Unit(
                    source: row["source"], target: row["target"], origin: Origin(rawValue: row["origin"]) ?? .mt,
                    scope: MemoryScope(engine: row["engine"], model: row["model"], sourceLanguage: row["source_lang"], targetLanguage: row["target_lang"]),
                    terms: terms, createdAt: Date(timeIntervalSince1970: row["created_at"]))
            }
        }
    }

    public func count() throws -> Int {
        try db.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM units") ?? 0 }
    }

    /// Small persistent settings (DeepL's glossary id per glossary version).
    public func setting(_ key: String) throws -> String? {
        try db.read { try String.fetchOne($0, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try db.write { db in
            if let value {
                try db.execute(sql: "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }

    static func baseLanguage(_ code: String) -> String {
        String(code.lowercased().split(separator: "-").first ?? "")
    }
}
