import BayanCore
import Ink

/// The text of one Ink block's HTML: one item per translatable paragraph in it (a heading, a
/// paragraph, a quote, each list item down the nesting, each table cell), with emphasis, links
/// and inline code recorded as spans instead of kept as marks. Whitespace runs (a soft line break
/// among them) become one space.
enum BlockHTML {
    struct Item {
        var kind: ParagraphKind
        var text: [Unicode.Scalar] = []
        var inlines: [MarkdownLayout.Inline] = []
        /// List nesting depth (0 for a top-level item).
        var depth = 0
    }

    static func items(_ html: String, target: Modifier.Target, fileName: String) throws -> [Item] {
        let kind: ParagraphKind
        switch target {
        case .headings: kind = .heading
        case .paragraphs: kind = .paragraph
        case .blockquotes: kind = .quote
        case .lists: kind = .listItem
        case .tables: kind = .tableCell
        default: return []  // code blocks, HTML blocks, rules: kept verbatim, not translated
        }
        var scanner = MarkupScanner(Array(html.utf8), html: true, fileName: fileName)
        var items: [Item] = []
        var current: Item? = kind == .listItem || kind == .tableCell ? nil : Item(kind: kind)
        var open: [(kind: MarkdownLayout.Inline.Kind, start: Int, target: String?)] = []
        var depth = -1
        var pendingSpace = false

        func finish() {
            if let item = current { items.append(item) }
            current = nil
            open.removeAll()
            pendingSpace = false
        }
        func append(_ text: String) {
            guard current != nil else { return }
            for s in text.unicodeScalars {
                if ScalarClass.isSpace(s.value) || s == "\n" || s == "\r" || s == "\t" {
                    pendingSpace = !(current?.text.isEmpty ?? true)
                } else {
                    if pendingSpace { current?.text.append(" ") }
                    pendingSpace = false
                    current?.text.append(s)
                }
            }
        }
        func offset() -> Int { (current?.text.count ?? 0) + (pendingSpace ? 1 : 0) }

        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, _):
                switch name {
                case "ul", "ol":
                    if kind == .listItem { if current != nil { finish() }; depth += 1 }
                case "li":
                    if kind == .listItem { finish(); current = Item(kind: .listItem, depth: max(depth, 0)) }
                case "td", "th":
                    if kind == .tableCell { finish(); current = Item(kind: .tableCell) }
                case "em", "i": open.append((.emphasis, offset(), nil))
                case "strong", "b": open.append((.strong, offset(), nil))
                case "code": open.append((.code, offset(), nil))
                case "a": open.append((.link, offset(), attributes["href"]))
                case "img":
                    if current != nil, let src = attributes["src"] {
                        let at = offset()
                        current?.inlines.append(MarkdownLayout.Inline(kind: .image, start: at, end: at, target: src, alt: attributes["alt"] ?? ""))
                    }
                case "br": if current != nil { pendingSpace = !(current?.text.isEmpty ?? true) }
                default: break
                }
            case .end(let name):
                switch name {
                case "ul", "ol": if kind == .listItem { finish(); depth -= 1 }
                case "li", "td", "th": finish()
                case "em", "i", "strong", "b", "code", "a":
                    let want: MarkdownLayout.Inline.Kind = name == "em" || name == "i" ? .emphasis
                        : name == "strong" || name == "b" ? .strong : name == "code" ? .code : .link
                    if let k = open.lastIndex(where: { $0.kind == want }) {
                        let span = open.remove(at: k)
                        let start = min(span.start, current?.text.count ?? 0)
                        let end = current?.text.count ?? 0
                        if start < end {
                            current?.inlines.append(MarkdownLayout.Inline(kind: want, start: start, end: end, target: span.target))
                        }
                    }
                default: break
                }
            case .text(let text):
                append(text)
            }
        }
        finish()
        return items
    }
}
