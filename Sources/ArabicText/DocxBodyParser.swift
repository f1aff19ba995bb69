import Foundation
import BayanCore

/// Walks WordprocessingML (document, footnotes, endnotes) and collects paragraphs with kinds.
struct DocxBodyParser {
    struct Para {
        var text: String
        var kind: ParagraphKind
        /// Which part (index in the reader's part list) and the byte offset of its `<w:p>`.
        var part: Int
        var offset: Int
    }

    private struct Open {
        var text = String.UnicodeScalarView()
        var style: String?
        var numbered = false
        var outline = false
        var inTable = false
        var offset = 0
    }

    /// Fields whose result Word computes (page numbers, dates): their result is not text to
    /// translate, and the release renderer leaves it in place.
    static let computedFields: Set<String> = ["PAGE", "NUMPAGES", "SECTIONPAGES", "DATE", "TIME", "CREATEDATE", "SAVEDATE", "PRINTDATE"]

    static func isComputed(_ instruction: String) -> Bool {
        computedFields.contains(instruction.split(separator: " ").first.map { $0.uppercased() } ?? "")
    }

    let styles: DocxStyles
    let fileName: String
    private(set) var paragraphs: [Para] = []

    init(styles: DocxStyles, fileName: String) {
        self.styles = styles
        self.fileName = fileName
    }

    mutating func parse(_ xml: [UInt8], notes: Bool, part: Int = 0, lettersOnly: Bool = false) throws {
        try MarkupScanner.rejectDoctype(xml, part: notes ? "notes" : "word/document.xml", fileName: fileName)
        var scanner = MarkupScanner(xml, html: false, fileName: fileName)
        var stack: [Open] = []
        var tableDepth = 0
        var inText = false
        var inProperties = 0  // inside w:pPr / w:rPr, where w:tab means a tab stop, not a tab
        var skipDepth = 0  // deleted text, field instructions, fallback copies, separator notes
        var skipName: String?
        // Complex fields (fldChar begin … separate … end): their instruction, and whether the
        // result is being read.
        var fields: [(instruction: String, computedResult: Bool)] = []
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if skipDepth > 0 {
                    if name == skipName && !selfClosing { skipDepth += 1 }
                    continue
                }
                switch name {
                case "w:fldChar":
                    switch attributes["w:fldCharType"] {
                    case "begin": fields.append(("", false))
                    case "separate": if !fields.isEmpty { fields[fields.count - 1].computedResult = Self.isComputed(fields[fields.count - 1].instruction) }
                    case "end": _ = fields.popLast()
                    default: break
                    }
                case "w:fldSimple":
                    if !selfClosing, Self.isComputed(attributes["w:instr"] ?? "") {
                        skipDepth = 1
                        skipName = name
                    }
                case "w:del", "w:instrText", "w:delText", "mc:Fallback", "w:delInstrText":
                    if !selfClosing {
                        skipDepth = 1
                        skipName = name
                    }
                case "w:footnote", "w:endnote":
                    if let type = attributes["w:type"], type != "normal", !selfClosing {
                        skipDepth = 1
                        skipName = name
                    }
                case "w:tbl":
                    if !selfClosing { tableDepth += 1 }
                case "w:p":
                    var open = Open()
                    open.inTable = tableDepth > 0
                    open.offset = scanner.tokenStart
                    if selfClosing { close(open, part, lettersOnly) } else { stack.append(open) }
                case "w:pPr", "w:rPr":
                    if !selfClosing { inProperties += 1 }
                case "w:pStyle":
                    if !stack.isEmpty { stack[stack.count - 1].style = attributes["w:val"] }
                case "w:numPr":
                    if !stack.isEmpty, inProperties > 0 { stack[stack.count - 1].numbered = true }
                case "w:outlineLvl":
                    if !stack.isEmpty, let level = Int(attributes["w:val"] ?? ""), level < 9 {
                        stack[stack.count - 1].outline = true
                    }
                case "w:t":
                    inText = !selfClosing
                case "w:tab":
                    if inProperties == 0 { append(&stack, "\t") }
                case "w:br", "w:cr":
                    append(&stack, "\n")
                case "w:noBreakHyphen":
                    append(&stack, "-")
                default:
                    break
                }
            case .end(let name):
                if skipDepth > 0 {
                    if name == skipName { skipDepth -= 1 }
                    continue
                }
                switch name {
                case "w:t":
                    inText = false
                case "w:tbl":
                    tableDepth = max(0, tableDepth - 1)
                case "w:pPr", "w:rPr":
                    inProperties = max(0, inProperties - 1)
                case "w:p":
                    if let open = stack.popLast() { close(open, part, lettersOnly) }
                default:
                    break
                }
            case .text(let text):
                if skipName == "w:instrText", skipDepth > 0, !fields.isEmpty {
                    fields[fields.count - 1].instruction += text.trimmingCharacters(in: .whitespaces) + " "
                }
                if inText && skipDepth == 0 && !fields.contains(where: \.computedResult) { append(&stack, text) }
            }
        }
        while let open = stack.popLast() { close(open, part, lettersOnly) }
    }

    private func append(_ stack: inout [Open], _ text: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text.append(contentsOf: text.unicodeScalars)
    }

    private mutating func close(_ open: Open, _ part: Int, _ lettersOnly: Bool) {
        if lettersOnly, !open.text.contains(where: { $0.properties.isAlphabetic }) { return }
        let kind: ParagraphKind
        if open.inTable {
            kind = .tableCell
        } else if open.outline || (open.style.map { styles.isHeading($0) } ?? false) {
            kind = .heading
        } else if open.numbered || (open.style.map { styles.isList($0) } ?? false) {
            kind = .listItem
        } else {
            kind = .paragraph
        }
        paragraphs.append(Para(text: String(open.text), kind: kind, part: part, offset: open.offset))
    }
}
