import Foundation

/// One segment of a published document (`out/<document>/result.json`), as the workspace keeps
/// it: the Arabic, the machine English (`mt`), the current English (`en`) and whose it is
/// (`origin`: engine, memory or reviewed). Fields a result written before review existed lacks
/// are nil.
public struct PublishedSegment: Sendable, Equatable, Codable {
    /// The document's folder name under `out/`.
    public var document: String
    public var id: Int
    public var ar: String
    public var en: String
    public var mt: String?
    public var origin: String?
    public var reviewedBy: String?
    public var reviewedAt: String?

    public init(document: String, id: Int, ar: String, en: String, mt: String? = nil, origin: String? = nil,
                reviewedBy: String? = nil, reviewedAt: String? = nil) {
        self.document = document
        self.id = id
        self.ar = ar
        self.en = en
        self.mt = mt
        self.origin = origin
        self.reviewedBy = reviewedBy
        self.reviewedAt = reviewedAt
    }

    /// A person changed the machine English: reviewed, with both texts, and they differ.
    public var isReviewedCorrection: Bool {
        guard origin == "reviewed", let mt else { return false }
        return !mt.isEmpty && !en.isEmpty && mt != en
    }
}

/// Reads the published results of a spool's `out/` folder.
public enum PublishedResults {
    struct Record: Decodable {
        struct Segment: Decodable {
            var id: Int
            var ar: String
            var en: String
            var mt: String?
            var origin: String?
            var reviewedBy: String?
            var reviewedAt: String?
            enum CodingKeys: String, CodingKey { case id, ar, en, mt, origin, reviewedBy = "reviewed_by", reviewedAt = "reviewed_at" }
        }
        var segments: [Segment]
    }

    /// Every segment of every `out/*/result.json`, documents in name order. A result that cannot
    /// be read is skipped and named in `unreadable`.
    public static func segments(outDirectory: String) -> (segments: [PublishedSegment], unreadable: [String]) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: outDirectory)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        var out: [PublishedSegment] = []
        var unreadable: [String] = []
        for name in names {
            let path = outDirectory + "/" + name + "/result.json"
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            guard let record = try? JSONDecoder().decode(Record.self, from: data) else {
                unreadable.append(path)
                continue
            }
            for s in record.segments {
                out.append(PublishedSegment(document: name, id: s.id, ar: s.ar, en: s.en, mt: s.mt, origin: s.origin,
                                            reviewedBy: s.reviewedBy, reviewedAt: s.reviewedAt))
            }
        }
        return (out, unreadable)
    }
}
