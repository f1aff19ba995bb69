import BayanCore
import Foundation

/// HTML pages: the text of block elements (p, h1–h6, li, td/th, div…), `<br>` as a line break,
/// scripts, styles and the head dropped, entities decoded. An inline element with a `dir`
/// attribute becomes a bidi isolate (LRI/RLI/FSI … PDI), as HTML renders it, so English inside
/// Arabic keeps its order; the marks are invisible to matching and segmentation.
public struct HTMLDocumentReader: DocumentReader {
    public var limits: ReaderLimits

    public init(limits: ReaderLimits = .init()) { self.limits = limits }

    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "table", "ul", "ol", "dl", "dt",
        "dd", "blockquote", "section", "article", "header", "footer", "main", "aside", "nav", "figure",
        "figcaption", "pre", "address", "hr", "caption", "form", "fieldset", "legend", "details", "summary",
        "body", "html", "center", "tbody", "thead", "tfoot",
    ]
    static let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg", "math", "iframe", "object", "select", "button"]
    static let void: Set<String> = ["br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "embed", "source", "track", "param"]

    public func read(_ bytes: [UInt8], fileName: String) throws -> Document {
        try scan(bytes, fileName: fileName).document
    }

    /// The document, the decoded page as UTF-8, and for each paragraph the byte ranges in it of
    /// the text nodes it was made from (the release renderer replaces those).
    func scan(_ bytes: [UInt8], fileName: String) throws -> (document: Document, utf8: [UInt8], pieces: [[Range<Int>]]) {
        let decoded = try Self.decode(bytes, fileName: fileName)
        let utf8 = Array(decoded.text.utf8)
        var scanner = MarkupScanner(utf8, html: true, fileName: fileName)
        var piece: [Range<Int>] = []
        var pieces: [[Range<Int>]] = []
        var builder = DocumentBuilder(maxScalars: limits.maxTextScalars, fileName: fileName)
        var current = String.UnicodeScalarView()
        var kinds: [(name: String, kind: ParagraphKind)] = []
        var isolates: [String] = []
        var skip: [String] = []
        var pre = 0
        var pendingSpace = false

        func kindNow() -> ParagraphKind { kinds.last?.kind ?? .paragraph }
        func flush() throws {
            if try builder.add(current, kind: kindNow()) { pieces.append(piece) }
            piece = []
            current = String.UnicodeScalarView()
            pendingSpace = false
        }

        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if !skip.isEmpty {
                    if !selfClosing && !Self.void.contains(name) && Self.skipped.contains(name) { skip.append(name) }
                    continue
                }
                if Self.skipped.contains(name) {
                    if !selfClosing { skip.append(name) }
                    continue
                }
                if name == "br" {
                    current.append("\n")
                    pendingSpace = false
                    continue
                }
                if Self.blocks.contains(name) {
                    try flush()
                    if name == "pre" { pre += 1 }
                    if !selfClosing && !Self.void.contains(name) {
                        kinds.append((name, Self.kind(of: name) ?? kindNow()))
                    }
                    continue
                }
                if !selfClosing && !Self.void.contains(name), let dir = attributes["dir"]?.lowercased() {
                    let mark: Unicode.Scalar = dir == "rtl" ? "\u{2067}" : (dir == "ltr" ? "\u{2066}" : "\u{2068}")
                    if pendingSpace { current.append(" ") }
                    pendingSpace = false
                    current.append(mark)
                    isolates.append(name)
                }
            case .end(let name):
                if !skip.isEmpty {
                    if skip.last == name { skip.removeLast() }
                    continue
                }
                if Self.blocks.contains(name) {
                    try flush()
                    if name == "pre" { pre = max(0, pre - 1) }
                    if let k = kinds.lastIndex(where: { $0.name == name }) { kinds.removeSubrange(k...) }
                    continue
                }
                if let k = isolates.lastIndex(of: name) {
                    for _ in k..<isolates.count { current.append("\u{2069}") }
                    isolates.removeSubrange(k...)
                }
            case .text(let text):
                guard skip.isEmpty else { continue }
                piece.append(scanner.tokenStart..<scanner.tokenEnd)
                if pre > 0 {
                    current.append(contentsOf: text.unicodeScalars)
                    continue
                }
                // Collapse white space as a browser does.
                for u in text.unicodeScalars {
                    if u == " " || u == "\n" || u == "\t" || u == "\r" || u == "\u{0C}" {
                        pendingSpace = true
                    } else {
                        if pendingSpace, let last = current.last, last != "\n" { current.append(" ") }
                        pendingSpace = false
                        current.append(u)
                    }
                }
            }
        }
        try flush()
        let source = SourceInfo(file: fileName, sha256: SHA256.hex(bytes), encoding: decoded.encoding, format: "html")
        return (builder.document(source), utf8, pieces)
    }

    static func kind(of name: String) -> ParagraphKind? {
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6": return .heading
        case "li", "dt", "dd": return .listItem
        case "td", "th": return .tableCell
        case "p", "div", "blockquote", "pre", "figcaption", "caption": return .paragraph
        default: return nil
        }
    }

    /// A BOM wins; then `<meta charset>`; then the text detection (UTF-8, Windows-1256).
    static func decode(_ bytes: [UInt8], fileName: String) throws -> TextDecoder.Decoded {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return try TextDecoder.decode(bytes, fileName: fileName)
        }
        let head = String(decoding: bytes.prefix(4096).map { $0 < 0x80 ? $0 : 0x20 }, as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let rest = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
            let label = String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            switch label {
            case "windows-1256", "cp1256", "x-cp1256", "win-1256":
                return TextDecoder.Decoded(text: Windows1256.decode(bytes[...]), encoding: "windows-1256")
            case "iso-8859-6", "iso8859-6", "arabic", "asmo-708":
                if let text = String(bytes: bytes, encoding: String.Encoding(rawValue: 0x8000_0206)) {
                    return TextDecoder.Decoded(text: text, encoding: "iso-8859-6")
                }
            default:
                break
            }
        }
        return try TextDecoder.decode(bytes, fileName: fileName)
    }
}
