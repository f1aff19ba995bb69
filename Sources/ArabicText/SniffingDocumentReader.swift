import BayanCore

/// The reader the daemon and the CLI use: it looks at the bytes (ZIP → .docx, HTML markers →
/// HTML, else text) with the file name's extension only as a hint, and refuses everything else
/// quickly with a sentence naming the problem and the supported types.
public struct SniffingDocumentReader: DocumentReader {
    public var limits: ReaderLimits

    public static let supportedTypes = ".txt and .md (UTF-8, UTF-16 with BOM or Windows-1256; .md read as Markdown), .docx and .html/.htm"

    public init(limits: ReaderLimits = .init()) { self.limits = limits }

    public enum Format: String, Sendable { case text, docx, html, markdown }

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        guard bytes.count <= limits.maxFileBytes else {
            throw BayanError.badInput(
                "\(fileName) is larger than the limit of \(limits.maxFileBytes >> 20) MiB for one file. Split it into smaller files and drop them again.")
        }
        let document: Document
        switch try Self.sniff(bytes, fileName: fileName) {
        case .docx: document = try DocxDocumentReader(limits: limits).read(bytes, fileName: fileName)
        case .html: document = try HTMLDocumentReader(limits: limits).read(bytes, fileName: fileName)
        case .text: document = try TextDocumentReader(limits: limits).read(bytes, fileName: fileName)
        case .markdown: document = try MarkdownDocumentReader(limits: limits).read(bytes, fileName: fileName)
        }
        guard !document.paragraphs.isEmpty else {
            throw BayanError.badInput(
                "\(fileName) contains no text to translate (it may hold only images or scanned pages). Bayan reads text from \(Self.supportedTypes).")
        }
        return document
    }

    /// Decides the format by content; throws for known binary types and empty files.
    public static func sniff(_ bytes: [UInt8], fileName: String) throws -> Format {
        let ext = fileName.split(separator: ".").count > 1 ? (fileName.split(separator: ".").last.map { $0.lowercased() } ?? "") : ""
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw BayanError.badInput("\(fileName) is empty: there is no text to translate.")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .docx }
        if let kind = binaryKind(bytes) {
            throw BayanError.badInput(
                "\(fileName) is \(kind), which Bayan does not read. Bayan reads \(supportedTypes); save the text as one of these and drop it again.")
        }
        if ext == "docx" {
            throw BayanError.badInput(
                "\(fileName) is named .docx but is not a Word document inside (a .docx is a ZIP archive); it may be damaged or renamed. Open it in Word, save it as .docx and drop it again.")
        }
        if looksLikeHTML(bytes, strongOnly: !(ext == "html" || ext == "htm" || ext == "xhtml")) { return .html }
        // Markdown by name: a .txt with a "#" line stays plain text, one paragraph per line.
        if ext == "md" || ext == "markdown" { return .markdown }
        return .text
    }

    static func binaryKind(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: Array("%PDF".utf8)) { return "a PDF file" }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { return "an old Word 97–2003 (.doc) or Office binary file" }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return "an RTF file" }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "a PNG image" }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return "a JPEG image" }
        if bytes.starts(with: Array("GIF8".utf8)) { return "a GIF image" }
        if bytes.starts(with: [0x1F, 0x8B]) { return "a gzip archive" }
        if bytes.starts(with: Array("Rar!".utf8)) || bytes.starts(with: [0x37, 0x7A, 0xBC, 0xAF]) { return "a compressed archive" }
        if bytes.starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "a program (ELF binary)" }
        return nil
    }

    /// Strong markers (a doctype or <html>) decide alone; with an .html name any tag will do.
    static func looksLikeHTML(_ bytes: [UInt8], strongOnly: Bool) -> Bool {
        var head = Array(bytes.prefix(2048))
        // UTF-16 pages: look at the ASCII bytes only.
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { head = head.filter { $0 != 0 } }
        let upper = head.map { $0 < 0x80 ? MarkupScanner.upper($0) : 0x20 }
        func has(_ marker: String) -> Bool {
            let m = Array(marker.utf8)
            guard upper.count >= m.count else { return false }
            for k in 0...(upper.count - m.count) where upper[k] == 0x3C && Array(upper[k..<(k + m.count)]) == m { return true }
            return false
        }
        if has("<!DOCTYPE HTML") || has("<HTML") { return true }
        if strongOnly { return false }
        return ["<P", "<DIV", "<BODY", "<H1", "<H2", "<META", "<BR", "<SPAN", "<TABLE", "<UL"].contains { has($0) }
    }
}
