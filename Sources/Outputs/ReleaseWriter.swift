import ArabicText
import BayanCore
import Foundation

/// `<stem>.en.<ext>`: the English release in the input's own format, rebuilt from the original
/// bytes (`DocumentResult.original`) by the renderer beside that format's reader, with each
/// paragraph's English taken from the result's pairs (the reviewed English once approved).
public struct ReleaseWriter: OutputWriter {
    public init() {}

    public func fileName(stem: String) -> String { "\(stem).en.txt" }

    public func fileName(stem: String, result: DocumentResult) -> String {
        "\(stem).en.\(ReleaseRenderer.fileExtension(result.source))"
    }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        let (original, document) = try Self.original(of: result)
        let english = ReleaseRenderer.englishByParagraph(document, pairs: result.pairs)
        do {
            return try ReleaseRenderer.render(original: original, document: document, englishByParagraph: english)
        } catch let error as BayanError where error.code == .badInput && document.source.format == "docx" {
            // A part the reader never needed is damaged (an image cut short): the English is
            // still published, as plain paragraphs, rather than holding back every output.
            return try BilingualDocxWriter().englishOnly(result, paragraphs: document.paragraphs, english: english, reason: error.message)
        }
    }

    /// For a republish: the bytes of the processed original in the spool's `done/` folder whose
    /// SHA-256 is the result's (done/ may hold it as `name (2).ext` after a name clash). Set
    /// `DocumentResult.original` to them before publishing; nil when no such file is there.
    public static func original(inDone folder: String, for source: SourceInfo) -> [UInt8]? {
        let ns = source.file as NSString
        let base = ns.deletingPathExtension
        var names = [source.file]
        if let all = try? FileManager.default.contentsOfDirectory(atPath: folder) {
            names += all.filter { $0 != source.file && $0.hasPrefix(base + " (") }.sorted()
        }
        for name in names {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name) else { continue }
            let bytes = Array(data)
            if SHA256.hex(bytes) == source.sha256 { return bytes }
        }
        return nil
    }

    /// The original bytes and the document read from them again, checked against the result.
    static func original(of result: DocumentResult) throws -> ([UInt8], Document) {
        guard let original = result.original else {
            throw BayanError(
                .internal,
                "the English release of \(result.source.file) needs the original input: set DocumentResult.original to the file's bytes (the pipeline does; a republish reads them from done/)")
        }
        guard SHA256.hex(original) == result.source.sha256 else {
            throw BayanError(
                .internal,
                "the original given for \(result.source.file) is not the file this result was made from (its SHA-256 differs); pass the bytes of done/\(result.source.file)")
        }
        let document = try SniffingDocumentReader(limits: .alreadyAccepted).read(original, fileName: result.source.file)
        // Every sentence must lie where the result says (a result rebuilt from result.json has
        // no paragraph list, so the spans are what is checked).
        let text = Array(document.text.unicodeScalars)
        let misplaced = result.pairs.first { pair in
            let s = pair.segment
            return s.paragraph >= document.paragraphs.count || s.start < 0 || s.end > text.count || s.start > s.end
                || String(String.UnicodeScalarView(text[s.start..<s.end])) != s.text
        }
        if let misplaced {
            throw BayanError(
                .internal,
                "\(result.source.file) reads differently now than when its result was made (sentence s\(misplaced.segment.id) is not where the result puts it; another Bayan version?); run it again with bayan reprocess")
        }
        return (original, document)
    }
}
