import BayanCore
import Daemon
import Foundation
import Outputs
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// One line of the review queue: a document in the inbox, in flight, published or failed.
public struct QueueEntry: Sendable, Equatable {
    public enum Stage: String, Sendable { case inbox, inFlight = "in flight", published, failed }

    public var stage: Stage
    /// The document id (published folder name) when it can be opened; nil otherwise.
    public var id: String?
    /// The file's name in its folder (inbox/, .state/active/<job>/, done/ or failed/).
    public var name: String
    public var title: String
    public var titleIsArabic: Bool
    public var received: Date
    public var segments: Int?
    public var issues: Int?
    public var approved: Int
    public var reviewState: ReviewState?
    /// Why it failed (the reason file), for failed documents.
    public var reason: String?
    /// A published folder whose name is not a valid document id cannot be reviewed here.
    public var note: String?

    /// The state the queue shows and filters on: new, in review, approved, or the stage.
    public var displayState: String {
        switch stage {
        case .published: return (reviewState ?? .new).rawValue
        case .inbox: return "waiting"
        case .inFlight: return "translating"
        case .failed: return "failed"
        }
    }

    /// A failed file can be retried when its name is safe to send back (the id allowlist).
    public var retryable: Bool { stage == .failed && DocumentID.isValid(name) }
}

/// Lists the spool for the queue page: a scan of the folders is the truth. Published results
/// are read once per change of their result.json (cached by modification time).
public final class SpoolQueue: Sendable {
    public let layout: SpoolLayout
    private let cache = Mutex<[String: (mtime: Int64, summary: Summary)]>([:])

    struct Summary: Sendable {
        var title: String
        var titleIsArabic: Bool
        var segments: Int
        var issues: Int
        var file: String
    }

    public init(layout: SpoolLayout) { self.layout = layout }

    /// Every document, newest first.
    public func entries(reviews: [String: (revision: Int, approved: Int, touched: Int)]) -> [QueueEntry] {
        var out: [QueueEntry] = []
        for name in Self.list(layout.inbox) where !Self.isHidden(name) {
            out.append(QueueEntry(
                stage: .inbox, id: nil, name: name, title: name, titleIsArabic: false, received: Self.mtime(layout.inbox + "/" + name),
                approved: 0))
        }
        for job in Self.list(layout.active) {
            for name in Self.list(layout.active + "/" + job) where !Self.isHidden(name) {
                out.append(QueueEntry(
                    stage: .inFlight, id: nil, name: name, title: name, titleIsArabic: false,
                    received: Self.mtime(layout.active + "/" + job + "/" + name), approved: 0))
            }
        }
        for name in Self.list(layout.failed) where !name.hasSuffix(".reason.txt") && !Self.isHidden(name) {
            let reasonData = FileManager.default.contents(atPath: layout.failed + "/" + name + ".reason.txt")
            let reason = reasonData.map { String(decoding: $0.prefix(2000), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
            out.append(QueueEntry(
                stage: .failed, id: nil, name: name, title: name, titleIsArabic: false, received: Self.mtime(layout.failed + "/" + name),
                approved: 0, reason: reason))
        }
        var live = Set<String>()
        for name in Self.list(layout.out) where !Self.isHidden(name) {
            let path = layout.out + "/" + name + "/result.json"
            let modified = Self.mtimeNanos(path)
            guard modified != 0 else { continue }
            live.insert(name)
            let summary: Summary
            if let cached = cache.withLock({ $0[name] }), cached.mtime == modified {
                summary = cached.summary
            } else if let result = try? ResultJSONReader.read(path: path) {
                summary = Self.summarize(result)
                cache.withLock { $0[name] = (modified, summary) }
            } else {
                continue
            }
            let valid = DocumentID.isValid(name)
            let review = reviews[name]
            let approved = review?.approved ?? 0
            let state: ReviewState =
                approved >= summary.segments ? .approved : ((review?.touched ?? 0) > 0 ? .inReview : .new)
            out.append(QueueEntry(
                stage: .published, id: valid ? name : nil, name: name, title: summary.title, titleIsArabic: summary.titleIsArabic,
                received: Date(timeIntervalSince1970: Double(modified) / 1e9), segments: summary.segments, issues: summary.issues,
                approved: approved, reviewState: state,
                note: valid ? nil : "this folder's name holds characters the workspace does not accept in an id; rename the input file (letters, digits, . _ -) and drop it again"))
        }
        cache.withLock { c in c = c.filter { live.contains($0.key) } }
        return out.sorted { ($0.received, $0.name) > ($1.received, $1.name) }
    }

    /// Title: the first heading, else the first sentence, else the file name.
    public static func title(_ result: DocumentResult) -> String {
        let headings = Set(result.paragraphs.filter { $0.kind == .heading }.map(\.index))
        if let first = result.pairs.first(where: { headings.contains($0.segment.paragraph) }) {
            return result.pairs.filter { $0.segment.paragraph == first.segment.paragraph }.map(\.segment.text).joined(separator: " ")
        }
        return result.pairs.first?.segment.text ?? result.source.file
    }

    static func summarize(_ result: DocumentResult) -> Summary {
        var title = title(result)
        if title.count > 160 { title = String(title.prefix(157)) + "…" }
        return Summary(
            title: title, titleIsArabic: !result.pairs.isEmpty, segments: result.pairs.count,
            issues: result.pairs.reduce(0) { $0 + $1.qa.count }, file: result.source.file)
    }

    static func isHidden(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix(".part") || name.hasSuffix(".tmp") || name.hasSuffix("~")
    }

    static func list(_ folder: String) -> [String] { (try? DurableFS.listDirectory(folder)) ?? [] }

    static func mtimeNanos(_ path: String) -> Int64 {
        var st = stat()
        guard stat(path, &st) == 0 else { return 0 }
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }

    static func mtime(_ path: String) -> Date { Date(timeIntervalSince1970: Double(mtimeNanos(path)) / 1e9) }
}
