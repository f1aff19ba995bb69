import BayanCore

/// Plain text in UTF-8, UTF-16 (BOM) or Windows-1256. One paragraph per non-blank line (press
/// releases put one paragraph per line); «#» lines are taken as headings and «- », «* », «1. »
/// lines as list items. Files named .md go to `MarkdownDocumentReader` instead.
public struct TextDocumentReader: DocumentReader {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .init()) { self.limits = limits }

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        let decoded = try TextDecoder.decode(bytes, fileName: fileName)
        return try Self.document(decoded.text, encoding: decoded.encoding, bytes: bytes, fileName: fileName, limits: limits)
    }

    static func document(_ text: String, encoding: String, bytes: [UInt8], fileName: String, limits: ReaderLimits) throws -> Document {
        var paragraphs = PlainTextReader.lineParagraphs(text)
        let scalars = ScalarText.scalars(Array(text.utf8))
        guard scalars.count <= limits.maxTextScalars else {
            throw BayanError.badInput(
                "\(fileName) holds more than \(limits.maxTextScalars) characters of text, more than Bayan reads from one file. Split it into smaller files and drop them again.")
        }
        for k in paragraphs.indices {
            paragraphs[k].kind = kind(scalars, paragraphs[k].start, paragraphs[k].end)
        }
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(bytes), encoding: encoding, format: "text")
        return Document(source: source, text: text, paragraphs: paragraphs)
    }

    static func kind(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> ParagraphKind {
        guard b - a >= 2 else { return .paragraph }
        let c0 = s[a].value, c1 = s[a + 1].value
        if c0 == 0x23 && (c1 == 0x20 || c1 == 0x23) { return .heading }  // "# " "## "
        if (c0 == 0x2D || c0 == 0x2A || c0 == 0x2022) && c1 == 0x20 { return .listItem }
        var k = a
        while k < b, k - a < 3, ArabicSentenceSegmenter.digitValue(s[k].value) != nil { k += 1 }
        if k > a, k + 1 < b, s[k].value == 0x2E || s[k].value == 0x29, s[k + 1].value == 0x20 { return .listItem }
        return .paragraph
    }
}
