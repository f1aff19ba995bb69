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

    public let files: [String]
    private let logger: Logger
    private let lock = NSLock()
    private var current: GlossarySnapshot
    private var problems: [GlossaryProblem] = []
    private var warnings: [GlossaryProblem] = []

    /// Loads `files` (in order, later files win). When they have errors the store starts with an
    /// empty glossary and `problems` says why; check `snapshot.entryCount` or call `reload()`.
    public init(files: [String], logger: Logger) {
        self.files = files
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
        lock.withLock {
            current = next
            problems = []
            warnings = result.problems
        }
        logger.info("glossary loaded: version \(glossary.version.prefix(12)), \(glossary.entries.count) entries",
                    metadata: ["version": "\(glossary.version)", "entries": "\(glossary.entries.count)"])
        for warning in result.problems { logger.warning("\(warning.description)") }
        return .updated(version: glossary.version, entries: glossary.entries.count)
    }
}
