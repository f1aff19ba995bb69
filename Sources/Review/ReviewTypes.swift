import BayanCore

/// One change a reviewer (or an importer) makes to one sentence pair.
public struct ReviewChange: Sendable, Equatable, Codable {
    /// The segment's id in `result.json` (1-based).
    public var segment: Int
    /// The new English; nil keeps the current English.
    public var en: String?
    /// true approves, false withdraws an approval, nil leaves the approval as it is.
    public var approve: Bool?
    /// The segment's revision this change was made on, when the caller tracks it per segment
    /// (the page does); nil uses the request's `baseRevision`.
    public var revision: Int?

    public init(segment: Int, en: String? = nil, approve: Bool? = nil, revision: Int? = nil) {
        self.segment = segment
        self.en = en
        self.approve = approve
        self.revision = revision
    }
}

/// A document's review state, as the queue shows it.
public enum ReviewState: String, Sendable, Codable {
    /// Nobody has touched it.
    case new
    /// Some pairs edited or approved.
    case inReview = "in review"
    /// Every pair approved.
    case approved
}

/// One pair as a reviewer sees it after a change.
public struct ReviewedSegment: Sendable, Equatable {
    public var pair: AlignedPair
    /// The document revision at which this pair last changed (0: never reviewed).
    public var revision: Int
}

/// What `ReviewDesk.apply` did.
public struct ReviewOutcome: Sendable, Equatable {
    public var documentID: String
    /// The document's revision after the change; send it as `baseRevision` with the next one.
    public var revision: Int
    /// The changed pairs with the QA findings and glossary verification of their new English.
    public var segments: [ReviewedSegment]
    public var approvedCount: Int
    public var total: Int
    /// True when this change rewrote `out/<id>/` (last pair approved, or the document had been
    /// published after review before).
    public var published: Bool
    public var state: ReviewState { approvedCount == total ? .approved : (approvedCount > 0 || revision > 0 ? .inReview : .new) }
}

/// A stale change: the segment changed after the revision the change was made on.
public struct ReviewConflict: Sendable, Equatable {
    public var segment: Int
    /// What is saved now, and by whom.
    public var currentEn: String
    public var currentApproved: Bool
    public var currentBy: String?
    public var currentAt: String?
    /// What the stale change wanted to write.
    public var proposedEn: String?
    public var proposedApprove: Bool?
    /// The segment's revision now.
    public var revision: Int
}

/// Why a review action was refused. Nothing was changed when one is thrown.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidDocumentID(String)
    case notFound(String)
    case invalidChange(String)
    /// The changes were made on an older revision; the document's revision now and each conflict.
    case conflict(revision: Int, conflicts: [ReviewConflict])
    case failed(String)

    public var description: String {
        switch self {
        case .invalidDocumentID(let id):
            return "'\(id.prefix(80))' is not a document id (1–128 letters, digits, '.', '_' or '-', starting with a letter or digit, no '..')"
        case .notFound(let what): return what
        case .invalidChange(let why): return why
        case .conflict(_, let conflicts):
            return "segment(s) \(conflicts.map { String($0.segment) }.joined(separator: ", ")) changed after you loaded the page; reload them and apply your change again"
        case .failed(let why): return why
        }
    }
}
