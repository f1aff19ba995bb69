/// What a reader produced from one input file: the decoded text and its paragraphs in order.
///
/// Offsets everywhere in Bayan are Unicode-scalar offsets into `text`, end exclusive, so that
/// every stage (and every tool reading `result.json`) can find a span in the decoded source.
public struct Document: Sendable, Equatable {
    public var source: SourceInfo
    public var text: String
    public var paragraphs: [Paragraph]

    public init(source: SourceInfo, text: String, paragraphs: [Paragraph]) {
        self.source = source
        self.text = text
        self.paragraphs = paragraphs
    }
}

/// Where a document came from and how it was read.
public struct SourceInfo: Sendable, Equatable, Codable {
    public var file: String
    public var sha256: String
    public var encoding: String
    public var format: String

    public init(file: String, sha256: String, encoding: String, format: String) {
        self.file = file
        self.sha256 = sha256
        self.encoding = encoding
        self.format = format
    }
}

public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
    case heading
    case paragraph
    case listItem = "list_item"
    case tableCell = "table_cell"
    /// A block quotation (Markdown `>`).
    case quote
}

/// One block of the document (a paragraph, heading, list item, table cell or quote).
public struct Paragraph: Sendable, Equatable, Codable {
    public var index: Int
    public var kind: ParagraphKind
    /// Scalar offsets of the paragraph in `Document.text`.
    public var start: Int
    public var end: Int

    public init(index: Int, kind: ParagraphKind, start: Int, end: Int) {
        self.index = index
        self.kind = kind
        self.start = start
        self.end = end
    }
}
