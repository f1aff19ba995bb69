import BayanCore
import Daemon
import ReviewImport
import Translation

/// Chooses the concrete parts of a reviewed-file import: documents as published under out/,
/// the memory of the spool for pairs matching no sentence, and the sink that applies sentence
/// changes. The review approval path plugs in here (replace `UnavailableReviewSink`).
enum ReviewWiring {
    static func importer(layout: SpoolLayout) -> ReviewImportRun {
        let pairs: any ReviewedPairStore
        do {
            pairs = MemoryReviewedPairs(memory: try TranslationMemory.shared(path: layout.state + "/memory.sqlite"))
        } catch {
            pairs = NoMemory(problem: "\(error)")
        }
        return ReviewImportRun(documents: PublishedDocuments(outDirectory: layout.out), sink: UnavailableReviewSink(), pairs: pairs)
    }

    /// The memory could not be opened: files with memory-only pairs fail with the reason.
    struct NoMemory: ReviewedPairStore {
        let problem: String
        func remember(_ pairs: [ReviewedPair]) async throws -> Int {
            throw BayanError(.io, problem)
        }
    }
}
