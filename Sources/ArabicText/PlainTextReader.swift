import BayanCore

/// Reads UTF-8 text (a BOM is accepted and dropped). Each run of non-blank lines separated by
/// line breaks is a paragraph: press releases put one paragraph per line.
public struct PlainTextReader: DocumentReader {
    public init() {}

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        guard let text = String(validating: body, as: UTF8.self) else {
            throw BayanError.badInput(
                "\(fileName) is not valid UTF-8 text. Save it as UTF-8 (in most editors: Save As → Encoding → UTF-8) and drop it again."
            )
        }
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(bytes), encoding: "utf-8", format: "text")
        return Document(source: source, text: text, paragraphs: Self.lineParagraphs(text))
    }

    /// Paragraphs at line boundaries, trimmed of surrounding white space.
    public static func lineParagraphs(_ text: String) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var offset = 0
        var firstContent: Int? = nil
        var lastContentEnd = 0
        func close() {
            if let start = firstContent {
                paragraphs.append(Paragraph(index: paragraphs.count, kind: .paragraph, start: start, end: lastContentEnd))
            }
            firstContent = nil
        }
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2029}" || scalar == "\u{2028}" {
                close()
            } else if !ScalarClass.isSpace(scalar.value) {  // the White_Space set, without a property lookup
                if firstContent == nil { firstContent = offset }
                lastContentEnd = offset + 1
            }
            offset += 1
        }
        close()
        return paragraphs
    }
}
