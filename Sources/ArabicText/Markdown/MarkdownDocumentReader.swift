import BayanCore

/// Markdown (.md, .markdown) read as Markdown: headings, paragraphs (soft-wrapped lines joined),
/// list items at every nesting level, quotes and table cells become paragraphs of their kind with
/// the markers removed; code blocks, HTML blocks, link targets and front matter are not
/// translated. Parsing is Ink's (`MarkdownLayout`); `format` is "markdown".
public struct MarkdownDocumentReader: DocumentReader {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .init()) { self.limits = limits }

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        let decoded = try TextDecoder.decode(bytes, fileName: fileName)
        let layout = try MarkdownLayout.parse(decoded.text, maxScalars: limits.maxTextScalars, fileName: fileName)
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(bytes), encoding: decoded.encoding, format: "markdown")
        return Document(source: source, text: layout.text, paragraphs: layout.paragraphs)
    }

    /// The layout of a Markdown file (blocks, their source lines and inline marks), as read.
    public static func layout(_ bytes: [UInt8], fileName: String, limits: ReaderLimits = .init()) throws -> MarkdownLayout {
        let decoded = try TextDecoder.decode(bytes, fileName: fileName)
        return try MarkdownLayout.parse(decoded.text, maxScalars: limits.maxTextScalars, fileName: fileName)
    }
}
