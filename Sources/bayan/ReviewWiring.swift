import BayanCore
import Daemon
import Review
import ReviewImport
import Translation

/// Chooses the concrete parts of a reviewed-file import: documents as published under out/,
/// the memory of the spool for pairs matching no sentence, and the review desk that applies
/// sentence changes through the same approval path as the workspace.
enum ReviewWiring {
    static func importer(layout: SpoolLayout, desk: ReviewDesk?) -> ReviewImportRun {
        let pairs: any ReviewedPairStore
        do {
            pairs = MemoryReviewedPairs(memory: try TranslationMemory.shared(path: layout.state + "/memory.sqlite"))
        } catch {
            pairs = NoMemory(problem: "\(error)")
        }
        let sink: any ReviewSink = desk.map { DeskSink(desk: $0) } ?? UnavailableReviewSink()
        return ReviewImportRun(documents: PublishedDocuments(outDirectory: layout.out), sink: sink, pairs: pairs)
    }

    /// A reviewed file's changes go through `ReviewDesk.apply`, as a reviewer's in the workspace:
    /// approvals into the memory as `reviewed`, history under the file's reviewer. The document is
    /// then republished at once, so out/<stem>/ shows what the file brought (and a second import
    /// of the same file finds nothing left to change).
    struct DeskSink: ReviewSink {
        let desk: ReviewDesk

        func apply(documentID: String, changes: [ReviewImportChange], reviewer: String) async throws {
            let mapped = changes.map {
                ReviewChange(segment: $0.segmentID, en: $0.english, approve: $0.action == .approve ? true : nil)
            }
            _ = try await desk.apply(documentID: documentID, changes: mapped, reviewer: reviewer, baseRevision: nil)
            try await desk.publish(documentID: documentID)
        }
    }

    /// The memory could not be opened: files with memory-only pairs fail with the reason.
    struct NoMemory: ReviewedPairStore {
        let problem: String
        func remember(_ pairs: [ReviewedPair]) async throws -> Int {
            throw BayanError(.io, problem)
        }
    }
}
