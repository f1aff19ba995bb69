import BayanCore

/// Walks WordprocessingML (document, footnotes, endnotes) and collects paragraphs with kinds.
struct DocxBodyParser {
    struct Para {
        var text: String
        var kind: ParagraphKind
    }

    private struct Open {
        var text = String.UnicodeScalarView()
        var style: String?
        var numbered = false
        var outline = false
        var inTable = false
    }

    let styles: DocxStyles
    let fileName: String
    private(set) var paragraphs: [Para] = []

    init(styles: DocxStyles, fileName: String) {
        self.styles = styles
        self.fileName = fileName
    }

    mutating func parse(_ xml: [UInt8], notes: Bool) throws {
        try MarkupScanner.rejectDoctype(xml, part: notes ? "notes" : "word/document.xml", fileName: fileName)
        var scanner = MarkupScanner(xml, html: false, fileName: fileName)
        var stack: [Open] = []
        var tableDepth = 0
        var inText = false
        var inProperties = 0  // inside w:pPr / w:rPr, where w:tab means a tab stop, not a tab
        var skipDepth = 0  // deleted text, field instructions, fallback copies, separator notes
        var skipName: String?
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let selfClosing):
                if skipDepth > 0 {
                    if name == skipName && !selfClosing { skipDepth += 1 }
                    continue
                }
                switch name {
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
                    if selfClosing { close(open) } else { stack.append(open) }
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
                    if let open = stack.popLast() { close(open) }
                default:
                    break
                }
            case .text(let text):
                if inText && skipDepth == 0 { append(&stack, text) }
            }
        }
        while let open = stack.popLast() { close(open) }
    }

    private func append(_ stack: inout [Open], _ text: String) {
        guard !stack.isEmpty else { return }
        stack[stack.count - 1].text.append(contentsOf: text.unicodeScalars)
    }

    private mutating func close(_ open: Open) {
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
        paragraphs.append(Para(text: String(open.text), kind: kind))
    }
}
