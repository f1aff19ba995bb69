import BayanCore
import Daemon
import Foundation
import Logging
import Outputs
import Translation

/// The approval path: review state per document and per segment, approval into the translation
/// memory (origin `reviewed`, which wins over every other translation), and republishing
/// `out/<id>/` through the pipeline's writers and its `AtomicPublisher`. No web code: the
/// workspace, the CLI and importers all call this.
///
/// The entry point is
///
///     public func apply(documentID: String, changes: [ReviewChange], reviewer: String,
///                       baseRevision: Int?) async throws -> ReviewOutcome
///
/// - `documentID` is the published folder name under `out/` (validated by `DocumentID`).
/// - Each `ReviewChange` names a segment id of `result.json`, an optional new English and an
///   optional approve (true) / unapprove (false).
/// - `baseRevision` is the document revision the changes were made on. A change to a segment
///   that changed after it throws `ReviewError.conflict` with both texts and changes nothing.
///   A change's own `revision` (the segment's revision it was made on) overrides it for that
///   segment. Nil (and no per-change revision) skips the check (an importer that overwrites).
/// - New English is checked with the same QA checks and glossary verification as the pipeline
///   before it is saved; the outcome carries their findings.
/// - All changes are saved in one SQLite transaction (synchronous FULL) before this returns.
/// - Approved pairs go into the translation memory with origin `reviewed`.
/// - When the last pair is approved (or the document was published after review before), the
///   document is republished; `publish(documentID:)` does it on demand.
///
/// Throws `ReviewError` (invalid id, not found, invalid change, conflict, failed).
public actor ReviewDesk {
    public nonisolated let layout: SpoolLayout
    private nonisolated let executor: ThreadExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    private let database: ReviewDatabase
    private let memory: TranslationMemory?
    private let checks: @Sendable () -> ReviewChecks
    private let languages: (source: String, target: String)
    private let logger: Logger
    public let fuzzyThreshold: Int

    /// - Parameters:
    ///   - memory: the translation memory approvals go into (nil: approvals stay in the review only).
    ///   - checks: the live glossary verification, QA checks and writers (read on every save).
    ///   - fuzzyThreshold: the least score (0...100) of a fuzzy memory suggestion.
    public init(
        layout: SpoolLayout, memory: TranslationMemory?, checks: @escaping @Sendable () -> ReviewChecks,
        languages: (source: String, target: String) = ("ar", "en"), fuzzyThreshold: Int = 85, logger: Logger
    ) throws {
        self.layout = layout
        self.executor = ThreadExecutor(name: "bayan-review")
        try DurableFS.makeDirectory(layout.state)
        self.database = try ReviewDatabase(path: layout.state + "/review.sqlite")
        self.memory = memory
        self.checks = checks
        self.languages = languages
        self.fuzzyThreshold = fuzzyThreshold
        self.logger = logger
    }

    deinit { executor.stop() }

    // MARK: reading

    /// A published document with every review applied: `result.pairs` carry the reviewed
    /// English, origin, review marks and the QA findings of the English shown.
    public func document(_ documentID: String) throws -> ReviewedDocument {
        let id = try validID(documentID)
        let base = try baseResult(id)
        let (row, rows) = try database.state(id.rawValue)
        let current = (row?.sha256 == base.source.sha256) ? rows : [:]
        return merged(id.rawValue, base: base, revision: row?.sha256 == base.source.sha256 ? row?.revision ?? 0 : 0, rows: current)
    }

    /// Fuzzy memory suggestions (reviewed or approved English of a close Arabic sentence) for the
    /// pairs not yet approved, by segment id. Never applied: the reviewer accepts one.
    public func suggestions(_ document: ReviewedDocument) -> [Int: TranslationMemory.FuzzyMatch] {
        guard let memory else { return [:] }
        let open = document.result.pairs.filter { $0.review?.approved != true && $0.origin != .reviewed }
        guard let found = try? memory.fuzzyMatches(for: open.map(\.segment.text), threshold: fuzzyThreshold, targetLanguage: languages.target)
        else { return [:] }
        var out: [Int: TranslationMemory.FuzzyMatch] = [:]
        for (pair, match) in zip(open, found) {
            if let match, match.target != pair.en { out[pair.segment.id] = match }
        }
        return out
    }

    /// Review figures of every reviewed document (for the queue), by id.
    public func reviewStates() -> [String: (revision: Int, approved: Int, touched: Int)] {
        ((try? database.allDocuments()) ?? [:]).mapValues { ($0.row.revision, $0.approved, $0.touched) }
    }

    /// Counts for /metrics.
    public func counts() -> (documents: Int, segments: Int, approved: Int) {
        (try? database.counts()) ?? (0, 0, 0)
    }

    // MARK: the approval path

    public func apply(documentID: String, changes: [ReviewChange], reviewer: String, baseRevision: Int?) async throws -> ReviewOutcome {
        let id = try validID(documentID)
        let reviewer = try Self.validReviewer(reviewer)
        guard !changes.isEmpty else { throw ReviewError.invalidChange("no changes: send at least one {segment, en?, approve?}") }
        guard changes.count <= 10_000 else { throw ReviewError.invalidChange("too many changes in one request (at most 10000)") }
        let base = try baseResult(id)
        let bySegment = Dictionary(base.pairs.map { ($0.segment.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen = Set<Int>()
        for change in changes {
            guard bySegment[change.segment] != nil else {
                throw ReviewError.invalidChange("document \(id) has no segment \(change.segment) (segments are 1…\(base.pairs.count))")
            }
            guard seen.insert(change.segment).inserted else {
                throw ReviewError.invalidChange("segment \(change.segment) appears twice in one request")
            }
            if let en = change.en {
                guard !en.allSatisfy(\.isWhitespace) else {
                    throw ReviewError.invalidChange("segment \(change.segment): the English is empty; write a translation or leave the pair as it is")
                }
                guard en.unicodeScalars.count <= 20_000 else {
                    throw ReviewError.invalidChange("segment \(change.segment): the English is longer than 20000 characters")
                }
            }
            if change.en == nil && change.approve == nil {
                throw ReviewError.invalidChange("segment \(change.segment): the change has neither 'en' nor 'approve'")
            }
        }
        let checks = self.checks()
        let now = Self.timestamp()
        let sha = base.source.sha256
        let (revision, changed): (Int, [ReviewDatabase.SegmentRow]) = try database.update(id.rawValue, sha256: sha) { document, rows in
            var conflicts: [ReviewConflict] = []
            for change in changes {
                if let base = change.revision ?? baseRevision {
                    guard let row = rows[change.segment], row.revision > base else { continue }
                    conflicts.append(ReviewConflict(
                        segment: change.segment, currentEn: row.en, currentApproved: row.approved, currentBy: row.reviewedBy,
                        currentAt: row.reviewedAt, proposedEn: change.en, proposedApprove: change.approve, revision: row.revision))
                }
            }
            if !conflicts.isEmpty { throw ReviewError.conflict(revision: document.revision, conflicts: conflicts) }
            let revision = document.revision + 1
            var out: [ReviewDatabase.SegmentRow] = []
            for change in changes {
                let pair = bySegment[change.segment]!
                let previous = rows[change.segment]
                let currentEn = previous?.en ?? pair.en
                let currentApproved = previous?.approved ?? pair.review?.approved ?? false
                let en = change.en.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? currentEn
                // New English drops an earlier approval unless this change approves it again.
                let approved = change.approve ?? (en == currentEn ? currentApproved : false)
                let checked = checks.check(pair.segment, en: en, strategy: pair.strategy)
                out.append(ReviewDatabase.SegmentRow(
                    segment: change.segment, ar: pair.segment.text, en: en, mt: previous?.mt ?? pair.machineEnglish,
                    approved: approved, reviewedBy: reviewer, reviewedAt: now, revision: revision,
                    terms: checked.terms, qa: checked.qa))
            }
            return (revision, out, (revision, out))
        }
        try syncMemory(id.rawValue, revision: revision, rows: changed, withdrawn: changes.filter { $0.approve == false }.map(\.segment), base: bySegment)
        var view = try document(id.rawValue)
        var published = false
        let row = try database.document(id.rawValue)
        if view.approvedCount == view.total || (row?.publishedRevision ?? 0) > 0 {
            // The change is saved whatever happens here; a failed publish is retried by
            // `publish(documentID:)` or by `recover()` at the next start.
            do {
                try publishMerged(view)
                published = true
                view = try document(id.rawValue)
            } catch {
                logger.error("review: saved, but publishing failed", metadata: ["document": "\(id)", "error": "\(error)"])
            }
        }
        let changedIDs = Set(changed.map(\.segment))
        return ReviewOutcome(
            documentID: id.rawValue, revision: revision,
            segments: view.result.pairs.filter { changedIDs.contains($0.segment.id) }.map {
                ReviewedSegment(pair: $0, revision: view.segmentRevisions[$0.segment.id] ?? 0)
            },
            approvedCount: view.approvedCount, total: view.total, published: published)
    }

    /// Rewrites `out/<id>/` from the reviewed state through the pipeline's writers and its atomic
    /// publisher. Returns the published revision.
    @discardableResult
    public func publish(documentID: String) throws -> Int {
        let view = try document(documentID)
        try publishMerged(view)
        return view.revision
    }

    /// Finishes what a crash interrupted: approvals not yet in the memory are written again, and
    /// documents whose last save was due to be published (fully approved, or published after
    /// review before) but was not are published. Run at start.
    public func recover() {
        guard let all = try? database.allDocuments() else { return }
        for (id, entry) in all.sorted(by: { $0.key < $1.key }) {
            do {
                let view = try document(id)
                guard view.revision == entry.row.revision else { continue }  // the source changed since
                if entry.row.memoryRevision < entry.row.revision {
                    let rows = try database.segments(id).values.filter(\.approved)
                    try syncMemory(id, revision: entry.row.revision, rows: Array(rows), withdrawn: [], base: [:])
                }
                // The same rule as `apply`: fully approved, or published after review before.
                let due = view.approvedCount == view.total || entry.row.publishedRevision > 0
                if due, entry.row.publishedRevision < entry.row.revision {
                    try publishMerged(view)
                    logger.notice("review: republished after a restart", metadata: ["document": "\(id)"])
                }
            } catch {
                logger.warning("review: recovery of a document failed", metadata: ["document": "\(id)", "error": "\(error)"])
            }
        }
    }

    // MARK: internals

    private func validID(_ raw: String) throws -> DocumentID {
        guard let id = DocumentID(raw) else { throw ReviewError.invalidDocumentID(raw) }
        return id
    }

    static func validReviewer(_ raw: String) throws -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 80, !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw ReviewError.invalidChange("the reviewer's name must be 1–80 characters without control characters") }
        return name
    }

    private func baseResult(_ id: DocumentID) throws -> DocumentResult {
        let path = layout.out + "/" + id.rawValue + "/result.json"
        guard FileManager.default.fileExists(atPath: path) else {
            throw ReviewError.notFound("no published document '\(id)' (out/\(id)/result.json does not exist)")
        }
        do {
            return try ResultJSONReader.read(path: path)
        } catch {
            throw ReviewError.failed("out/\(id)/result.json cannot be read: \(error)")
        }
    }

    private func merged(_ id: String, base: DocumentResult, revision: Int, rows: [Int: ReviewDatabase.SegmentRow]) -> ReviewedDocument {
        var result = base
        var revisions: [Int: Int] = [:]
        for index in result.pairs.indices {
            let sid = result.pairs[index].segment.id
            guard let row = rows[sid] else { continue }
            var pair = result.pairs[index]
            pair.mt = row.mt == row.en ? nil : row.mt
            pair.en = row.en
            pair.terms = row.terms
            pair.qa = row.qa
            pair.review = ReviewMark(by: row.reviewedBy, at: row.reviewedAt, approved: row.approved)
            if row.approved || row.en != row.mt { pair.origin = .reviewed }
            result.pairs[index] = pair
            revisions[sid] = row.revision
        }
        // The summary keeps its sentences, now with the reviewed English.
        let english = Dictionary(result.pairs.map { ($0.segment.id, $0.en) }, uniquingKeysWith: { a, _ in a })
        result.summary = result.summary.map { SummaryItem(id: $0.id, ar: $0.ar, en: english[$0.id] ?? $0.en) }
        let approved = result.pairs.filter { $0.review?.approved == true }.count
        return ReviewedDocument(id: id, result: result, revision: revision, segmentRevisions: revisions, approvedCount: approved)
    }

    private func publishMerged(_ view: ReviewedDocument) throws {
        let publisher = AtomicPublisher(outDirectory: layout.out, tmpDirectory: layout.tmp)
        // The English release and the bilingual copy rebuild the input's own format: they need
        // the original, which done/ keeps (found by its SHA-256), and say how far review went.
        var result = view.result
        result.original = ReleaseWriter.original(inDone: layout.done, for: result.source)
        let reviewers = Array(Set(result.pairs.compactMap { $0.review?.by })).sorted()
        if !reviewers.isEmpty {
            result.reviewState = "reviewed by \(reviewers.joined(separator: ", ")), \(view.approvedCount) of \(view.total) sentences approved"
        }
        var writers = checks().writers
        if result.original == nil {
            writers.removeAll { $0 is ReleaseWriter || $0 is BilingualDocxWriter }
            if writers.count < checks().writers.count {
                logger.warning("review: the original is no longer in done/; the English release and the bilingual copy are not rewritten", metadata: ["document": "\(view.id)", "file": "\(result.source.file)"])
            }
        }
        let stem: String
        do {
            stem = try publisher.publish(
                result, writers: writers, preferredStem: view.id, jobID: "review-" + UUID().uuidString.prefix(12))
        } catch {
            throw ReviewError.failed("publishing out/\(view.id) failed: \(error). The review is saved; publish again")
        }
        guard stem == view.id else {
            throw ReviewError.failed("out/\(view.id) belongs to another source now; the review was published as out/\(stem)")
        }
        try database.markPublished(view.id, revision: view.revision)
        logger.info("review: published", metadata: ["document": "\(view.id)", "revision": "\(view.revision)", "approved": "\(view.approvedCount)/\(view.total)"])
    }

    private func syncMemory(
        _ id: String, revision: Int, rows: [ReviewDatabase.SegmentRow], withdrawn: [Int], base: [Int: AlignedPair]
    ) throws {
        guard let memory else { return }
        let scope = MemoryScope(engine: "review", model: "", sourceLanguage: languages.source, targetLanguage: languages.target)
        do {
            let withdrawnSet = Set(withdrawn)
            for row in rows where withdrawnSet.contains(row.segment) && !row.approved {
                try memory.removeReviewed(source: row.ar)
            }
            let units = rows.filter(\.approved).map {
                TranslationMemory.Unit(source: $0.ar, target: $0.en, origin: .reviewed, scope: scope)
            }
            try memory.insert(units)
            try database.markInMemory(id, revision: revision)
        } catch {
            // The review is saved; `recover()` writes the approvals again at the next start.
            logger.error("review: approvals could not be written to the translation memory", metadata: ["document": "\(id)", "error": "\(error)"])
        }
    }

    static func timestamp(_ date: Date = Date()) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}

/// A published document with its review applied.
public struct ReviewedDocument: Sendable {
    public var id: String
    public var result: DocumentResult
    /// The revision to send as `baseRevision` with the next change.
    public var revision: Int
    /// The revision at which each reviewed segment last changed.
    public var segmentRevisions: [Int: Int]
    public var approvedCount: Int
    public var total: Int { result.pairs.count }
    public var state: ReviewState {
        approvedCount == total ? .approved : (revision > 0 || approvedCount > 0 ? .inReview : .new)
    }
}
