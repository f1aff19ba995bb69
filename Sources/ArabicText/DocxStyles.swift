/// Which Word paragraph styles are headings or lists, from `word/styles.xml`. Style ids are
/// localized (Arabic Word writes ids such as «1» for "heading 1"), so the style *name*, its
/// outline level and its `basedOn` chain decide.
struct DocxStyles {
    private var names: [String: String] = [:]
    private var basedOn: [String: String] = [:]
    private var outline: Set<String> = []
    private var numbered: Set<String> = []

    init() {}

    init(xml: [UInt8], fileName: String) throws {
        try MarkupScanner.rejectDoctype(xml, part: "word/styles.xml", fileName: fileName)
        var scanner = MarkupScanner(xml, html: false, fileName: fileName)
        var current: String?
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, _):
                switch name {
                case "w:style":
                    current = attributes["w:styleId"]
                case "w:name":
                    if let id = current, let value = attributes["w:val"] { names[id] = value.lowercased() }
                case "w:basedOn":
                    if let id = current, let value = attributes["w:val"] { basedOn[id] = value }
                case "w:outlineLvl":
                    if let id = current, let level = Int(attributes["w:val"] ?? ""), level < 9 { outline.insert(id) }
                case "w:numPr":
                    if let id = current { numbered.insert(id) }
                default:
                    break
                }
            case .end(let name):
                if name == "w:style" { current = nil }
            case .text:
                break
            }
        }
    }

    func isHeading(_ id: String) -> Bool {
        chain(id).contains { style in
            if outline.contains(style) { return true }
            let name = names[style] ?? style.lowercased()
            return name.hasPrefix("heading") || name == "title" || name == "subtitle"
        }
    }

    func isList(_ id: String) -> Bool {
        chain(id).contains { style in
            if numbered.contains(style) { return true }
            let name = names[style] ?? style.lowercased()
            return name.hasPrefix("list")
        }
    }

    private func chain(_ id: String) -> [String] {
        var out = [id]
        var k = id
        while let parent = basedOn[k], out.count < 10, !out.contains(parent) {
            out.append(parent)
            k = parent
        }
        return out
    }
}
