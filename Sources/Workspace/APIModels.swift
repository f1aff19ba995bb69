import BayanCore
import Foundation
import Outputs
import Review
import Translation

/// The JSON the API speaks (described in docs/openapi.yaml). snake_case field names.
enum API {
    struct Run: Codable {
        var text: String
        /// ok, missing or unverified for a glossary term; absent for plain text.
        var term: String?
        var title: String?
    }

    struct Suggestion: Codable {
        var en: String
        var score: Int
        var source: String
        var origin: String
    }

    struct SegmentOut: Codable {
        var id: Int
        var paragraph: Int
        var ar: String
        var en: String
        var mt: String
        var origin: String
        var originLabel: String
        var approved: Bool
        var reviewedBy: String?
        var reviewedAt: String?
        var revision: Int
        var qa: [QAIssue]
        var terms: [TermHit]
        var enRuns: [Run]
        var suggestion: Suggestion?

        enum CodingKeys: String, CodingKey {
            case id, paragraph, ar, en, mt, origin, originLabel = "origin_label", approved, reviewedBy = "reviewed_by"
            case reviewedAt = "reviewed_at", revision, qa, terms, enRuns = "en_runs", suggestion
        }

        init(_ pair: AlignedPair, revision: Int, suggestion: TranslationMemory.FuzzyMatch? = nil) {
            id = pair.segment.id
            paragraph = pair.segment.paragraph
            ar = pair.segment.text
            en = pair.en
            mt = pair.machineEnglish
            origin = pair.origin.rawValue
            originLabel = ReviewPageModel.originLabel(pair)
            approved = pair.review?.approved ?? false
            reviewedBy = pair.review?.by
            reviewedAt = pair.review?.at
            self.revision = revision
            qa = pair.qa
            terms = pair.terms
            enRuns = ReviewPageModel.runList(pair).en.map {
                Run(text: $0["text"] as? String ?? "", term: ($0["mark"] as? Bool == true) ? $0["cls"] as? String : nil, title: $0["title"] as? String)
            }
            self.suggestion = suggestion.map { Suggestion(en: $0.target, score: $0.score, source: $0.source, origin: $0.origin.rawValue) }
        }
    }

    struct DocumentOut: Codable {
        var id: String
        var title: String
        var file: String
        var sha256: String
        var revision: Int
        var state: String
        var approved: Int
        var total: Int
        var summary: [SummaryItem]
        var segments: [SegmentOut]
    }

    struct Change: Codable {
        var segment: Int
        var en: String?
        var approve: Bool?
        var revision: Int?
    }

    struct ChangesIn: Codable {
        var baseRevision: Int?
        var changes: [Change]
        enum CodingKeys: String, CodingKey { case baseRevision = "base_revision", changes }
    }

    struct OutcomeOut: Codable {
        var id: String
        var revision: Int
        var state: String
        var approved: Int
        var total: Int
        var published: Bool
        var segments: [SegmentOut]
    }

    struct ConflictItem: Codable {
        var segment: Int
        var currentEn: String
        var currentApproved: Bool
        var currentBy: String?
        var currentAt: String?
        var proposedEn: String?
        var proposedApprove: Bool?
        var revision: Int
        enum CodingKeys: String, CodingKey {
            case segment, currentEn = "current_en", currentApproved = "current_approved", currentBy = "current_by"
            case currentAt = "current_at", proposedEn = "proposed_en", proposedApprove = "proposed_approve", revision
        }
    }

    struct ErrorBody: Codable { var message: String }

    struct ConflictOut: Codable {
        var error: ErrorBody
        var revision: Int
        var conflicts: [ConflictItem]
    }

    struct PublishOut: Codable {
        var id: String
        var revision: Int
    }

    struct QueueItem: Codable {
        var id: String?
        var name: String
        var stage: String
        var state: String
        var title: String
        var received: String
        var segments: Int?
        var issues: Int?
        var approved: Int
        var reason: String?
        var note: String?
        var retryable: Bool
    }

    struct QueueOut: Codable { var documents: [QueueItem] }

    struct SessionOut: Codable {
        var csrfToken: String
        var reviewer: String?
        var tokenRequired: Bool
        var authenticated: Bool
        enum CodingKeys: String, CodingKey {
            case csrfToken = "csrf_token", reviewer, tokenRequired = "token_required", authenticated
        }
    }

    struct NameIn: Codable { var name: String }

    struct LoginIn: Codable {
        var token: String
    }

    struct UploadOut: Codable { var name: String }
    struct RetryOut: Codable { var name: String }
    struct Health: Codable {
        var status: String
        var spool: String
    }

    static func iso(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    static func queueItem(_ e: QueueEntry) -> QueueItem {
        QueueItem(
            id: e.id, name: e.name, stage: e.stage.rawValue, state: e.displayState, title: e.title, received: iso(e.received),
            segments: e.segments, issues: e.issues, approved: e.approved, reason: e.reason, note: e.note, retryable: e.retryable)
    }
}
