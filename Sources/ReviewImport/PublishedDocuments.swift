import BayanCore
import Foundation

/// Documents as published under the spool's `out/`: each `out/<id>/result.json`. It knows the
/// English but not approvals (a segment's `approved` is read when result.json carries it).
public struct PublishedDocuments: ReviewDocumentSource {
    public let outDirectory: String

    public init(outDirectory: String) {
        self.outDirectory = outDirectory
    }

    public func document(id: String) throws -> ReviewDocument? {
        // Only a plain folder name: nothing outside out/ is looked at.
        guard !id.isEmpty, !id.hasPrefix("."), !id.contains("/"), !id.contains("\0") else { return nil }
        let path = outDirectory + "/" + id + "/result.json"
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BayanError(.io, "cannot read \(path); check its permissions")
        }
        let record: Record
        do {
            record = try JSONDecoder().decode(Record.self, from: data)
        } catch {
            throw BayanError(.io, "out/\(id)/result.json cannot be read as Bayan's result (\(error)); publish the document again")
        }
        return ReviewDocument(id: id, segments: record.segments.map {
            ReviewDocument.Segment(id: $0.id, source: $0.ar, english: $0.en, approved: $0.approved ?? false)
        })
    }

    struct Record: Decodable {
        struct Segment: Decodable {
            var id: Int
            var ar: String
            var en: String
            var approved: Bool?
        }
        var segments: [Segment]
    }
}
