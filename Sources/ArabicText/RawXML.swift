import BayanCore

/// A small element tree over a Word XML part that keeps every byte it does not change: each node
/// holds its raw start tag, end tag and text, so writing an untouched tree back gives the same
/// bytes. The release renderer edits a few nodes (runs, pPr/rPr children) and writes the rest
/// through. Built with `MarkupScanner`, so a DOCTYPE is refused as the reader refuses it.
final class RawXML {
    /// Element name ("w:p"), or "" for raw bytes (text, comments, the XML declaration).
    var name: String
    /// The raw start tag of an element (with "/>" when `endTag` is nil), or the raw bytes.
    var startTag: [UInt8]
    var endTag: [UInt8]?
    var attributes: [String: String]
    var children: [RawXML] = []
    /// Byte offset of the start tag in the part (-1 for nodes made here).
    var offset: Int

    init(name: String, startTag: [UInt8], endTag: [UInt8]?, attributes: [String: String] = [:], offset: Int = -1) {
        self.name = name
        self.startTag = startTag
        self.endTag = endTag
        self.attributes = attributes
        self.offset = offset
    }

    /// A new element written out in full; `children` nil makes it self-closing.
    static func element(_ name: String, _ attributes: [(String, String)] = [], children: [RawXML]? = nil) -> RawXML {
        var tag = "<" + name
        for (key, value) in attributes { tag += " \(key)=\"\(XMLEscaping.escape(value))\"" }
        tag += children == nil ? "/>" : ">"
        let node = RawXML(
            name: name, startTag: Array(tag.utf8), endTag: children == nil ? nil : Array("</\(name)>".utf8),
            attributes: Dictionary(attributes, uniquingKeysWith: { a, _ in a }))
        node.children = children ?? []
        return node
    }

    static func raw(_ text: String) -> RawXML { RawXML(name: "", startTag: Array(text.utf8), endTag: nil) }

    /// Parses a whole part. Unbalanced end tags are kept as raw bytes; unclosed elements are
    /// closed at the end (the reader accepts such parts, so the renderer must too).
    static let maxDepth = 200

    static func parse(_ bytes: [UInt8], part: String, fileName: String) throws -> RawXML {
        try MarkupScanner.rejectDoctype(bytes, part: part, fileName: fileName)
        var scanner = MarkupScanner(bytes, html: false, fileName: fileName)
        let root = RawXML(name: "#document", startTag: [], endTag: [])
        var stack: [RawXML] = [root]
        var consumed = 0
        func gap(upTo end: Int) {
            if end > consumed { stack[stack.count - 1].children.append(RawXML(name: "", startTag: Array(bytes[consumed..<end]), endTag: nil)) }
        }
        // Below this depth an element is kept whole as raw bytes, so that walking, writing and
        // freeing the tree never recurse deeper (a hostile part can nest without end).
        var opaque: (start: Int, depth: Int)?
        while let event = try scanner.next() {
            if let held = opaque {
                switch event {
                case .start(_, _, let selfClosing) where !selfClosing: opaque = (held.start, held.depth + 1)
                case .end: opaque = held.depth == 1 ? nil : (held.start, held.depth - 1)
                default: break
                }
                if opaque == nil {
                    stack[stack.count - 1].children.append(RawXML(name: "", startTag: Array(bytes[held.start..<scanner.tokenEnd]), endTag: nil))
                    consumed = scanner.tokenEnd
                }
                continue
            }
            gap(upTo: scanner.tokenStart)  // comments, processing instructions
            let raw = Array(bytes[scanner.tokenStart..<scanner.tokenEnd])
            consumed = scanner.tokenEnd
            switch event {
            case .start(_, _, let selfClosing) where stack.count > maxDepth && !selfClosing:
                opaque = (scanner.tokenStart, 1)
            case .start(let name, let attributes, let selfClosing):
                let node = RawXML(name: name, startTag: raw, endTag: selfClosing ? nil : [], attributes: attributes, offset: scanner.tokenStart)
                stack[stack.count - 1].children.append(node)
                if !selfClosing { stack.append(node) }
            case .end(let name):
                if let k = stack.lastIndex(where: { $0.name == name }), k > 0 {
                    for open in stack[(k + 1)...] { open.endTag = Array("</\(open.name)>".utf8) }
                    stack[k].endTag = raw
                    stack.removeSubrange(k...)
                } else {
                    stack[stack.count - 1].children.append(RawXML(name: "", startTag: raw, endTag: nil))
                }
            case .text:
                stack[stack.count - 1].children.append(RawXML(name: "", startTag: raw, endTag: nil))
            }
        }
        if let held = opaque {
            stack[stack.count - 1].children.append(RawXML(name: "", startTag: Array(bytes[held.start...]), endTag: nil))
            consumed = bytes.count
        }
        gap(upTo: bytes.count)
        for open in stack.dropFirst() where open.endTag?.isEmpty == true { open.endTag = Array("</\(open.name)>".utf8) }
        return root
    }

    func serialize() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    private func write(into out: inout [UInt8]) {
        out.append(contentsOf: startTag)
        guard let endTag else { return }
        for child in children { child.write(into: &out) }
        out.append(contentsOf: endTag)
    }

    func child(_ name: String) -> RawXML? { children.first { $0.name == name } }

    /// A deep copy (for properties given to several new runs).
    func copy() -> RawXML {
        let node = RawXML(name: name, startTag: startTag, endTag: endTag, attributes: attributes, offset: offset)
        node.children = children.map { $0.copy() }
        return node
    }

    /// Sets one attribute, writing the start tag anew (attribute order is not significant).
    func set(_ key: String, _ value: String) {
        attributes[key] = value
        var tag = "<" + name
        for (k, v) in attributes.sorted(by: { $0.key < $1.key }) { tag += " \(k)=\"\(XMLEscaping.escape(v))\"" }
        tag += endTag == nil ? "/>" : ">"
        startTag = Array(tag.utf8)
    }

    /// ST_OnOff: absent value or 1/true/on is on.
    var isOn: Bool {
        guard let value = attributes["w:val"] else { return true }
        return !["0", "false", "off"].contains(value.lowercased())
    }

    /// Every element in document order, depth first.
    func walk(_ visit: (RawXML, RawXML) -> Void) {
        for child in children where !child.name.isEmpty {
            visit(child, self)
            child.walk(visit)
        }
    }
}
