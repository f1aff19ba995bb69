import BayanCore
import Foundation
import Logging

/// Holds the current glossary snapshot and reloads it by validate-then-swap: a reload that finds
/// an error keeps the previous snapshot and exposes the problems (for `bayan status`).
public final class GlossaryStore: @unchecked Sendable {
    /// What one reload did.
    public enum Outcome: Sendable, Equatable {
        /// New content is live.
        case updated(version: String, entries: Int)
        /// The files parse to the glossary already live.
        case unchanged(version: String)
        /// The files have errors; the previous glossary stays live.
        case rejected(problems: [GlossaryProblem])
    }

    /// A glossary read from a new set of files and found valid, not yet live (see `prepare`).
    public struct Prepared: Sendable {
        public let files: [String]
        let snapshot: GlossarySnapshot
        let warnings: [GlossaryProblem]
    }

    /// The files the live glossary comes from (a configuration reload may change them).
    public var files: [String] { lock.withLock { currentFiles } }
    private var currentFiles: [String]
    private let logger: Logger
    private let lock = NSLock()
    private var current: GlossarySnapshot
    private var problems: [GlossaryProblem] = []
    private var warnings: [GlossaryProblem] = []

    /// Loads `files` (in order, later files win). When they have errors the store starts with an
    /// empty glossary and `problems` says why; check `snapshot.entryCount` or call `reload()`.
    public init(files: [String], logger: Logger) {
        self.currentFiles = files
        self.logger = logger
        self.current = .empty
        reload()
    }

    /// The glossary to use for a new document.
    public var snapshot: GlossarySnapshot { lock.withLock { current } }

    /// Errors of the last reload that failed, cleared by the next successful one.
    public var lastProblems: [GlossaryProblem] { lock.withLock { problems } }

    /// Warnings (e.g. overrides between files) of the glossary that is live.
    public var liveWarnings: [GlossaryProblem] { lock.withLock { warnings } }

    /// Reads and validates the files; swaps atomically when they are valid.
    @discardableResult
    public func reload() -> Outcome {
        let files = self.files
        let result = GlossaryLoader.load(files)
        guard let glossary = result.glossary else {
            let errors = result.errors
            lock.withLock { problems = errors }
            let live = snapshot
            logger.error("glossary rejected; keeping version \(live.version.prefix(12)) (\(live.entryCount) entries)",
                         metadata: ["problems": "\(errors.count)"])
            for problem in errors { logger.error("\(problem.description)") }
            return .rejected(problems: errors)
        }
        let live = snapshot
        if live.version == glossary.version && live.entryCount == glossary.entries.count && live.loadedAt.timeIntervalSince1970 > 0 {
            lock.withLock {
                problems = []
                warnings = result.problems
            }
            return .unchanged(version: glossary.version)
        }
        // Build the matcher outside the lock: documents keep reading the old snapshot meanwhile.
        let next = GlossarySnapshot(glossary: glossary)
        let swapped = lock.withLock { () -> Bool in
            // A configuration reload may have put another file set live meanwhile (`adopt`);
            // this result is then stale and that glossary stays.
            guard currentFiles == files else { return false }
            current = next
            problems = []
            warnings = result.problems
            return true
        }
        guard swapped else { return .unchanged(version: snapshot.version) }
        logger.info("glossary loaded: version \(glossary.version.prefix(12)), \(glossary.entries.count) entries",
                    metadata: ["version": "\(glossary.version)", "entries": "\(glossary.entries.count)"])
        for warning in result.problems { logger.warning("\(warning.description)") }
        return .updated(version: glossary.version, entries: glossary.entries.count)
    }

    /// Why `prepare` refused a set of files.
    public struct Rejected: Error, Sendable {
        public let problems: [GlossaryProblem]
    }

    /// Reads and validates another set of files (a configuration reload that changes
    /// `glossary.files`) without touching the live glossary; throws `Rejected` with the errors.
    public func prepare(files: [String]) throws -> Prepared {
        let result = GlossaryLoader.load(files)
        guard let glossary = result.glossary else { throw Rejected(problems: result.errors) }
        return Prepared(files: files, snapshot: GlossarySnapshot(glossary: glossary), warnings: result.problems)
    }

    /// Makes a prepared glossary live, with its files watched from now on.
    public func adopt(_ prepared: Prepared) {
        lock.withLock {
            currentFiles = prepared.files
            current = prepared.snapshot
            problems = []
            warnings = prepared.warnings
        }
        logger.info("glossary files changed: \(prepared.files.joined(separator: ", ")); version \(prepared.snapshot.version.prefix(12)), \(prepared.snapshot.entryCount) entries",
                    metadata: ["version": "\(prepared.snapshot.version)", "entries": "\(prepared.snapshot.entryCount)"])
    }
}
