import BayanCore

/// Where an imported file's sentence changes go: the review approval path (review state,
/// memory origin `reviewed`, history, atomic republish of `out/<document>/`). The importer
/// calls it once per document, after the whole file has been checked.
public protocol ReviewSink: Sendable {
    /// Applies every change to the document or none of them; throws when it cannot.
    /// `reviewer` is the name history records (the file's reviewer, else the file's name).
    func apply(documentID: String, changes: [ReviewImportChange], reviewer: String) async throws
}

/// Where reviewed pairs that match no sentence go (the translation memory).
public protocol ReviewedPairStore: Sendable {
    /// Stores the pairs as reviewed translations; returns how many were not there already.
    func remember(_ pairs: [ReviewedPair]) async throws -> Int
}

/// The sink of a build without the review approval path: it refuses, saying so, rather than
/// pretending to approve. A file with sentence changes then fails with this reason and can be
/// dropped again once the path is there; memory-only pairs are not affected.
public struct UnavailableReviewSink: ReviewSink {
    public init() {}

    public func apply(documentID: String, changes: [ReviewImportChange], reviewer: String) async throws {
        throw BayanError(.internal, "this build of Bayan cannot apply reviewed sentences to out/\(documentID)/ (the review approval path is not part of it); nothing was changed")
    }
}
