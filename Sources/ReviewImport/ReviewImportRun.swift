import BayanCore

/// What an import did.
public struct ReviewImportReport: Sendable, Equatable {
    public var plan: ReviewImportPlan
    /// Memory-only pairs that were new to the memory.
    public var remembered: Int

    /// One line per document and one for the memory, for the CLI and the daemon's log.
    public var lines: [String] {
        var out: [String] = []
        for document in plan.documents {
            let approved = document.changes.filter { $0.action == .approve }.count
            let edited = document.changes.count - approved
            out.append("out/\(document.documentID): \(approved) approved, \(edited) edited, \(document.unchanged) already so, \(document.leftAlone) left alone by their state")
        }
        if !plan.memoryOnly.isEmpty {
            out.append("memory: \(plan.memoryOnly.count) pair(s) matching no sentence stored as reviewed (\(remembered) new)")
        }
        if plan.skipped > 0 { out.append("skipped \(plan.skipped) unit(s) without Arabic and English text") }
        if plan.changeCount == 0 && remembered == 0 { out.append("nothing to change: the file's translations are already in place") }
        return out
    }
}

/// Imports one reviewed file: plans it (refusing it whole on any problem), then hands each
/// document's changes to the sink and the memory-only pairs to the store. A document with no
/// changes is not touched, so a second import of the same file changes nothing.
public struct ReviewImportRun: Sendable {
    public let documents: any ReviewDocumentSource
    public let sink: any ReviewSink
    public let pairs: any ReviewedPairStore

    public init(documents: any ReviewDocumentSource, sink: any ReviewSink, pairs: any ReviewedPairStore) {
        self.documents = documents
        self.sink = sink
        self.pairs = pairs
    }

    /// Throws `ReviewImportRefusal` when the file is refused (nothing changed), or the sink's
    /// or the store's error.
    public func run(_ bytes: [UInt8], fileName: String) async throws -> ReviewImportReport {
        let plan = try ReviewImporter.plan(bytes, fileName: fileName, documents: documents)
        for document in plan.documents where !document.changes.isEmpty {
            try await sink.apply(documentID: document.documentID, changes: document.changes, reviewer: plan.reviewer)
        }
        let remembered = plan.memoryOnly.isEmpty ? 0 : try await pairs.remember(plan.memoryOnly)
        return ReviewImportReport(plan: plan, remembered: remembered)
    }
}
