import BayanCore
import Foundation

/// The English page: the original markup with each paragraph's text nodes replaced by its
/// English (the first node takes it, the others are emptied, so links, images and classes
/// stay), `lang="en" dir="ltr"` on `<html>`, right-to-left and Arabic language attributes and
/// CSS turned left-to-right, the title set to the headline's English, UTF-8 declared.
public enum HTMLReleaseRenderer {
    public static func render(original: [UInt8], document: Document, englishByParagraph: [Int: String]) throws -> [UInt8] {
        let fileName = document.source.file
        let scanned = try HTMLDocumentReader(limits: .alreadyAccepted).scan(original, fileName: fileName)
        guard scanned.pieces.count == document.paragraphs.count else {
            throw BayanError.badInput(
                "\(fileName): the original read now has \(scanned.pieces.count) paragraphs where the result has \(document.paragraphs.count); it is not the page this result was made from. Pass the original from done/.")
        }
        let page = scanned.utf8
        var edits: [Int: (end: Int, bytes: [UInt8])] = [:]
        let text = Array(document.text.unicodeScalars)
        for (index, ranges) in scanned.pieces.enumerated() {
            guard let english = englishByParagraph[index] else { continue }
            let paragraph = document.paragraphs[index]
            let placed = place(UTF8Search.replacing("\n", with: " ", in: english), String(String.UnicodeScalarView(text[paragraph.start..<paragraph.end])),
                ranges.map { page[$0] })
            for (range, english) in zip(ranges, placed) {
                let bytes = page[range]
                let lead = bytes.prefix { MarkupScanner.isSpace($0) }
                guard lead.count < bytes.count else { continue }  // white space only: kept
                let trail = bytes.reversed().prefix { MarkupScanner.isSpace($0) }
                edits[range.lowerBound] = (range.upperBound, Array(lead) + Array(XMLEscaping.escape(english).utf8) + Array(trail.reversed()))
            }
        }
        let headline = document.paragraphs.first { $0.kind == .heading }.flatMap { englishByParagraph[$0.index] }
            ?? document.paragraphs.first.flatMap { englishByParagraph[$0.index] }
        try markupEdits(page, fileName: fileName, headline: headline, into: &edits)
        var out: [UInt8] = []
        out.reserveCapacity(page.count)
        var at = 0
        for start in edits.keys.sorted() where start >= at {
            let edit = edits[start]!
            out += page[at..<start]
            out += edit.bytes
            at = edit.end
        }
        out += page[at...]
        return out
    }

    /// The English for each text node of a paragraph: each sentence's English goes to the node
    /// where its Arabic begins (so a link or emphasis that holds whole sentences keeps them),
    /// when the English splits into as many sentences as the Arabic; else all of it to the
    /// first node with text. Nodes are matched to the paragraph by their visible characters.
    static func place(_ english: String, _ arabic: String, _ nodes: [ArraySlice<UInt8>]) -> [String] {
        func visible(_ s: Unicode.Scalar) -> Bool { !ScalarClass.isSpace(s.value) && !(0x2066...0x2069).contains(s.value) }
        var out = [String](repeating: "", count: nodes.count)
        guard let first = nodes.firstIndex(where: { $0.contains { !MarkupScanner.isSpace($0) } }) else { return out }
        out[first] = english
        let sentences = ReleaseRenderer.segmenter.segment(text: arabic)
        let englishSentences = EnglishSentences.split(english)
        guard sentences.count > 1, englishSentences.count == sentences.count else { return out }
        // Visible characters before each node, and before each sentence.
        var ends: [Int] = []
        var count = 0
        for node in nodes {
            var scanner = MarkupScanner(Array(node), html: true, fileName: "")
            while let event = try? scanner.next() {
                if case .text(let t) = event { count += t.unicodeScalars.filter(visible).count }
            }
            ends.append(count)
        }
        var visibleBefore = [0]  // visible characters before each offset of the paragraph
        for scalar in arabic.unicodeScalars { visibleBefore.append(visibleBefore.last! + (visible(scalar) ? 1 : 0)) }
        var placed = [String](repeating: "", count: nodes.count)
        var node = 0  // sentences come in order: one pass over the nodes
        for (sentence, english) in zip(sentences, englishSentences) {
            let before = visibleBefore[min(max(0, sentence.start), visibleBefore.count - 1)]
            while node < ends.count, ends[node] <= before { node += 1 }
            guard node < ends.count else { return out }
            placed[node] += english
        }
        return placed.map { $0.trimmingSpaces() }
    }

    /// Attribute, title and style edits, and the UTF-8 declaration.
    private static func markupEdits(_ page: [UInt8], fileName: String, headline: String?, into edits: inout [Int: (end: Int, bytes: [UInt8])]) throws {
        var scanner = MarkupScanner(page, html: true, fileName: fileName)
        var declared = false
        var htmlTag: Int?, headTag: Int?
        var inTitle = false
        var styleBody: Int?
        while let event = try scanner.next() {
            if let start = styleBody {
                styleBody = nil
                let css = String(decoding: page[start..<scanner.tokenStart], as: UTF8.self)
                let ltr = leftToRightCSS(css)
                if ltr != css { edits[start] = (scanner.tokenStart, Array(ltr.utf8)) }
            }
            switch event {
            case .start(let name, let attributes, let selfClosing):
                let range = scanner.tokenStart..<scanner.tokenEnd
                var tag = Tag(String(decoding: page[range], as: UTF8.self))
                switch name {
                case "html":
                    tag.set("lang", "en")
                    tag.set("dir", "ltr")
                    htmlTag = range.lowerBound
                case "head":
                    headTag = range.lowerBound
                case "meta":
                    if attributes["charset"] != nil {
                        tag.set("charset", "utf-8")
                        declared = true
                    } else if attributes["http-equiv"]?.lowercased() == "content-type" {
                        tag.set("content", "text/html; charset=utf-8")
                        declared = true
                    }
                case "title":
                    inTitle = !selfClosing
                case "style":
                    if !selfClosing { styleBody = scanner.tokenEnd }
                default:
                    break
                }
                if name != "html" {
                    if let dir = attributes["dir"], dir.lowercased() == "rtl" { tag.set("dir", "ltr") }
                    if let lang = attributes["lang"], lang.lowercased().hasPrefix("ar") { tag.set("lang", "en") }
                }
                if let align = attributes["align"], align.lowercased() == "right" { tag.set("align", "left") }
                if let style = attributes["style"], leftToRightCSS(style) != style { tag.set("style", leftToRightCSS(style)) }
                if tag.changed { edits[range.lowerBound] = (range.upperBound, Array(tag.text.utf8)) }
            case .end(let name):
                if name == "title" { inTitle = false }
            case .text:
                if inTitle, let headline {
                    edits[scanner.tokenStart] = (scanner.tokenEnd, Array(XMLEscaping.escape(headline).utf8))
                    inTitle = false
                }
            }
        }
        guard !declared else { return }
        let meta = Array("<meta charset=\"utf-8\">".utf8)
        if let at = headTag ?? htmlTag, let edit = edits[at] {
            edits[at] = (edit.end, edit.bytes + meta)
        } else if let at = headTag ?? htmlTag {
            let end = page[at...].firstIndex(of: 0x3E).map { $0 + 1 } ?? at
            edits[at] = (end, Array(page[at..<end]) + meta)
        } else {
            // No <html> or <head>: after a doctype if there is one, else first.
            let head = String(decoding: page.prefix(200), as: UTF8.self).lowercased()
            var at = 0
            if let range = head.range(of: "<!doctype"), let close = head[range.upperBound...].firstIndex(of: ">") {
                at = head.utf8.distance(from: head.startIndex, to: close) + 1
            }
            edits[at] = (at, meta + (edits[at]?.bytes ?? []))
        }
    }

    static func leftToRightCSS(_ css: String) -> String {
        var out = css
        for (pattern, replacement) in [("direction\\s*:\\s*rtl", "direction: ltr"), ("text-align\\s*:\\s*right", "text-align: left")] {
            out = out.replacingOccurrences(of: pattern, with: replacement, options: [.regularExpression, .caseInsensitive])
        }
        return out
    }

    /// One start tag's attributes, rewritten in their original order and quoting.
    struct Tag {
        var name: String
        var attributes: [(name: String, raw: String)]
        var selfClosing: Bool
        var changed = false

        init(_ raw: String) {
            var body = Substring(raw.dropFirst())  // "<"
            if body.hasSuffix(">") { body = body.dropLast() }
            selfClosing = body.hasSuffix("/")
            if selfClosing { body = body.dropLast() }
            name = String(body.prefix { !$0.isWhitespace })
            body = body.dropFirst(name.count)
            attributes = []
            while true {
                body = body.drop { $0.isWhitespace || $0 == "/" }
                guard !body.isEmpty else { break }
                let attribute = body.prefix { !$0.isWhitespace && $0 != "=" }
                body = body.dropFirst(attribute.count).drop { $0.isWhitespace }
                var value = ""
                if body.first == "=" {
                    body = body.dropFirst().drop { $0.isWhitespace }
                    if let q = body.first, q == "\"" || q == "'" {
                        let inner = body.dropFirst().prefix { $0 != q }
                        value = String(q) + inner + String(q)
                        body = body.dropFirst(inner.count + 2)
                    } else {
                        let inner = body.prefix { !$0.isWhitespace }
                        value = String(inner)
                        body = body.dropFirst(inner.count)
                    }
                    value = "=" + value
                }
                attributes.append((String(attribute), value))
            }
        }

        mutating func set(_ key: String, _ value: String) {
            let raw = "=\"" + XMLEscaping.escape(value) + "\""
            if let k = attributes.firstIndex(where: { $0.name.lowercased() == key }) {
                if attributes[k].raw != raw { attributes[k].raw = raw }
            } else {
                attributes.append((key, raw))
            }
            changed = true
        }

        var text: String {
            "<" + name + attributes.map { " " + $0.name + $0.raw }.joined() + (selfClosing ? "/>" : ">")
        }
    }
}
