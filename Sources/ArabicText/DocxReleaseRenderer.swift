import Foundation
import BayanCore

/// The English .docx: the original package with each translated paragraph's runs rebuilt, the
/// right-to-left flags removed and right alignment mirrored, in the document, its notes,
/// headers, footers and styles. Every other part (images, numbering, settings, theme, all
/// relationships) is copied with its original compressed bytes.
public enum DocxReleaseRenderer {
    public static func render(original: [UInt8], document: Document, englishByParagraph: [Int: String]) throws -> [UInt8] {
        let fileName = document.source.file
        let content = try DocxDocumentReader(limits: .alreadyAccepted).content(original, fileName: fileName)
        guard content.document.paragraphs.count == document.paragraphs.count else {
            throw BayanError.badInput(
                "\(fileName): the original read now has \(content.document.paragraphs.count) paragraphs where the result has \(document.paragraphs.count); it is not the document this result was made from. Pass the original from done/.")
        }
        var targets: [Int: [Int: Int]] = [:]  // part → <w:p> offset → paragraph index
        for (k, paragraph) in content.paragraphs.enumerated() {
            if let index = content.kept[k] { targets[paragraph.part, default: [:]][paragraph.offset] = index }
        }
        var rewritten: [String: [UInt8]] = [:]
        let styleTree = try content.styles.map { try RawXML.parse($0.xml, part: $0.path, fileName: fileName) }
        let bidi = ParagraphDirection(styles: styleTree)
        for (k, part) in content.parts.enumerated() {
            let tree = try RawXML.parse(part.xml, part: part.path, fileName: fileName)
            let here = targets[k] ?? [:]
            var paragraphs: [(RawXML, String)] = []
            tree.walk { node, _ in
                if node.name == "w:p", let index = here[node.offset], let english = englishByParagraph[index] {
                    paragraphs.append((node, english))
                }
            }
            for (node, english) in paragraphs { DocxEnglishParagraph.rebuild(node, english: english) }
            DocxEnglishParagraph.makeLeftToRight(tree, bidi)
            rewritten[part.path] = tree.serialize()
        }
        if let styles = content.styles, let styleTree {
            DocxEnglishParagraph.makeLeftToRight(styleTree, bidi)
            rewritten[styles.path] = styleTree.serialize()
        }
        var zip = ZipWriter()
        for (path, part) in content.entries.sorted(by: { $0.value.order < $1.value.order }) {
            if let bytes = rewritten[path] {
                try zip.add(path, bytes)
            } else {
                let at = part.location
                guard at.dataOffset + at.compressedSize <= original.count else {
                    throw BayanError.badInput(
                        "\(fileName): its part \(path) is cut short (its data runs past the end of the file), so the layout cannot be copied. Open it in Word and save it again.")
                }
                zip.addRaw(ZipWriter.Entry(
                    path: path, method: UInt16(at.method), data: Array(original[at.dataOffset..<(at.dataOffset + at.compressedSize)]),
                    crc: part.entry.checksum, uncompressedSize: UInt32(part.entry.uncompressedSize)))
            }
        }
        return zip.archive()
    }
}

/// Edits on one WordprocessingML tree: a paragraph's runs rebuilt around its English, and the
/// right-to-left properties turned into left-to-right ones.
enum DocxEnglishParagraph {
    /// Run content that is text (replaced by the English); anything else in a run is kept.
    static let textContent: Set<String> = [
        "w:t", "w:tab", "w:br", "w:cr", "w:noBreakHyphen", "w:softHyphen", "w:lastRenderedPageBreak", "w:sym",
    ]
    /// Containers whose runs are not this paragraph's text (the reader skips them, or they are
    /// paragraphs of their own).
    static let notText: Set<String> = ["w:p", "w:pPr", "w:del", "w:moveFrom", "mc:Fallback", "w:rPr"]

    /// Schema order of `w:rPr` children (ECMA-376 CT_RPr), for inserting b, i, sz and lang.
    static let runPropertyOrder: [String: Int] = Dictionary(uniqueKeysWithValues: [
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
        "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
        "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath", "w:rPrChange",
    ].enumerated().map { ($1, $0) })

    private static func isText(_ node: RawXML) -> Bool {
        guard textContent.contains(node.name) else { return false }
        if node.name == "w:br", let type = node.attributes["w:type"], type != "textWrapping" { return false }  // page/column break
        return true
    }

    /// Replaces the paragraph's text runs by runs holding `english` (see `placed`), with the
    /// properties of the runs they replace, without rtl/cs and tagged en-US.
    static func rebuild(_ paragraph: RawXML, english: String) {
        var runs: [(run: RawXML, parent: RawXML)] = []
        // A computed field's result (a page number, a date) is not text: the reader skips it too.
        var fields: [(instruction: String, computedResult: Bool)] = []
        func collect(_ node: RawXML) {
            for child in node.children where !child.name.isEmpty && !notText.contains(child.name) {
                if child.name == "w:fldSimple", DocxBodyParser.isComputed(child.attributes["w:instr"] ?? "") { continue }
                guard child.name == "w:r" else {
                    collect(child)
                    continue
                }
                for part in child.children {
                    if part.name == "w:fldChar" {
                        switch part.attributes["w:fldCharType"] {
                        case "begin": fields.append(("", false))
                        case "separate": if !fields.isEmpty { fields[fields.count - 1].computedResult = DocxBodyParser.isComputed(fields[fields.count - 1].instruction) }
                        case "end": _ = fields.popLast()
                        default: break
                        }
                    } else if part.name == "w:instrText", !fields.isEmpty {
                        fields[fields.count - 1].instruction += part.children.map { String(decoding: $0.startTag, as: UTF8.self) }.joined()
                            .trimmingCharacters(in: .whitespaces) + " "
                    }
                }
                if !fields.contains(where: \.computedResult) { runs.append((child, node)) }
            }
        }
        collect(paragraph)
        var textRuns: [(run: RawXML, parent: RawXML, whole: Bool)] = []
        for (run, parent) in runs {
            let content = run.children.filter { !$0.name.isEmpty && $0.name != "w:rPr" }
            let text = content.filter(isText)
            guard text.contains(where: { $0.name == "w:t" || $0.name == "w:tab" }) else { continue }
            textRuns.append((run, parent, text.count == content.count))
        }
        guard let first = textRuns.first else { return }
        // A space that separated the text from a field or image that stays («صفحة » PAGE).
        let original = textRuns.flatMap { $0.run.children.filter { $0.name == "w:t" }.flatMap(\.children).flatMap(\.startTag) }
        var english = english
        if original.first == 0x20, !english.hasPrefix(" ") { english = " " + english }
        if original.last == 0x20, !english.hasSuffix(" ") { english += " " }
        let pieces = placed(english, textRuns.map(\.run))
        var byRun: [Int: [RawXML]] = [:]
        for piece in pieces {
            let newRun = RawXML.element("w:r", children: [])
            // The properties of the run it replaces (a link's character style stays with it).
            let properties = (textRuns[piece.run].run.child("w:rPr") ?? first.run.child("w:rPr"))?.copy()
            newRun.children.append(englishProperties(properties, bold: piece.bold, italic: piece.italic))
            let lines = piece.text.split(separator: "\n", omittingEmptySubsequences: false)
            for (n, line) in lines.enumerated() {
                if n > 0 { newRun.children.append(RawXML.element("w:br")) }
                for (m, part) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                    if m > 0 { newRun.children.append(RawXML.element("w:tab")) }
                    if part.isEmpty { continue }
                    newRun.children.append(RawXML.element("w:t", [("xml:space", "preserve")], children: [RawXML.raw(XMLEscaping.escape(String(part)))]))
                }
            }
            byRun[piece.run, default: []].append(newRun)
        }
        // One pass over each parent's children (a paragraph can hold very many runs).
        var number: [ObjectIdentifier: Int] = [:]
        var parents: [RawXML] = []
        var seen: Set<ObjectIdentifier> = []
        for (n, run) in textRuns.enumerated() {
            number[ObjectIdentifier(run.run)] = n
            if seen.insert(ObjectIdentifier(run.parent)).inserted { parents.append(run.parent) }
        }
        for parent in parents {
            var children: [RawXML] = []
            children.reserveCapacity(parent.children.count)
            for child in parent.children {
                guard let n = number[ObjectIdentifier(child)] else {
                    children.append(child)
                    continue
                }
                children += byRun[n] ?? []
                if !textRuns[n].whole {
                    child.children.removeAll(where: isText)
                    children.append(child)
                }
            }
            parent.children = children
        }
    }

    /// Where the English goes and how it is formatted. When it splits into as many sentences as
    /// the Arabic, each sentence goes to the run where its Arabic begins (a hyperlink holding a
    /// whole sentence keeps it), bold or italic when the whole Arabic sentence was; otherwise all
    /// of it goes to the first run, bold or italic when every visible character was.
    static func placed(_ english: String, _ runs: [RawXML]) -> [(run: Int, text: String, bold: Bool, italic: Bool)] {
        var arabic = String.UnicodeScalarView()
        var flags: [(bold: Bool, italic: Bool, run: Int)] = []
        for (index, run) in runs.enumerated() {
            let properties = run.child("w:rPr")?.children ?? []
            let bold = properties.contains { ($0.name == "w:b" || $0.name == "w:bCs") && $0.isOn }
            let italic = properties.contains { ($0.name == "w:i" || $0.name == "w:iCs") && $0.isOn }
            for node in run.children {
                var text = ""
                switch node.name {
                case "w:t":
                    let raw = node.children.flatMap(\.startTag)
                    var scanner = MarkupScanner(raw, html: false, fileName: "")
                    while let event = try? scanner.next() { if case .text(let t) = event { text += t } }
                case "w:tab": text = "\t"
                case "w:br", "w:cr": text = "\n"
                default: continue
                }
                arabic.append(contentsOf: text.unicodeScalars)
                flags += Array(repeating: (bold, italic, index), count: text.unicodeScalars.count)
            }
        }
        let scalars = Array(arabic)
        let shown = (0..<scalars.count).filter { !ScalarClass.isSpace(scalars[$0].value) }
        func style(_ chars: [Int]) -> (bold: Bool, italic: Bool) {
            (!chars.isEmpty && chars.allSatisfy { flags[$0].bold }, !chars.isEmpty && chars.allSatisfy { flags[$0].italic })
        }
        let whole = style(shown)
        let sentences = ReleaseRenderer.segmenter.segment(text: String(arabic))
        let englishSentences = EnglishSentences.split(english)
        guard sentences.count > 1, englishSentences.count == sentences.count else { return [(0, english, whole.bold, whole.italic)] }
        var out: [(run: Int, text: String, bold: Bool, italic: Bool)] = []
        var at = 0  // into `shown`, which is sorted, as are the sentences: one pass
        for (sentence, text) in zip(sentences, englishSentences) {
            while at < shown.count, shown[at] < sentence.start { at += 1 }
            var inside: [Int] = []
            while at < shown.count, shown[at] < sentence.end {
                inside.append(shown[at])
                at += 1
            }
            let s = style(inside)
            let run = inside.first.map { flags[$0].run } ?? out.last?.run ?? 0
            if let last = out.last, last.run == run, last.bold == s.bold, last.italic == s.italic {
                out[out.count - 1].text += text
            } else {
                out.append((run, text, s.bold, s.italic))
            }
        }
        return out
    }

    /// The first run's properties for English: no rtl/cs, bold and italic as given (the Arabic
    /// often carries them only as bCs/iCs), size from szCs when there is no sz, language en-US.
    static func englishProperties(_ arabic: RawXML?, bold: Bool, italic: Bool) -> RawXML {
        let drop: Set<String> = ["w:rtl", "w:cs", "w:lang", "w:b", "w:bCs", "w:i", "w:iCs", "w:rPrChange"]
        var children = (arabic?.children ?? []).filter { !$0.name.isEmpty && !drop.contains($0.name) }
        if bold { children.append(RawXML.element("w:b")) }
        if italic { children.append(RawXML.element("w:i")) }
        if !children.contains(where: { $0.name == "w:sz" }), let cs = children.first(where: { $0.name == "w:szCs" }), let size = cs.attributes["w:val"] {
            children.append(RawXML.element("w:sz", [("w:val", size)]))
        }
        children.append(RawXML.element("w:lang", [("w:val", "en-US")]))
        return RawXML.element("w:rPr", children: ordered(children))
    }

    static func ordered(_ children: [RawXML]) -> [RawXML] {
        children.enumerated().sorted { a, b in
            let x = runPropertyOrder[a.element.name] ?? 1000, y = runPropertyOrder[b.element.name] ?? 1000
            return (x, a.offset) < (y, b.offset)
        }.map(\.element)
    }

    /// Removes bidi, rtl, bidiVisual, rtlGutter and cs everywhere; alignment is mirrored;
    /// languages become en-US; bCs/iCs/szCs without their Latin twin get one.
    ///
    /// Alignment: in a right-to-left paragraph Word and LibreOffice read `left` and `right` as
    /// start and end (measured: bidi with jc right rendered flush left), so once bidi is gone the
    /// same value already shows mirrored and is kept. A right-aligned paragraph that was not
    /// right-to-left, and a right-aligned table, become left-aligned.
    static func makeLeftToRight(_ tree: RawXML, _ direction: ParagraphDirection) {
        let removed: Set<String> = ["w:bidi", "w:rtl", "w:bidiVisual", "w:rtlGutter", "w:cs"]
        var properties: [RawXML] = []
        var styleID: String?
        tree.walk { node, _ in
            if node.name == "w:style" { styleID = node.attributes["w:styleId"] }
            if node.name == "w:pPrDefault" { styleID = ParagraphDirection.defaults }
            if node.name == "w:pPr" || node.name == "w:tblPr", let jc = node.child("w:jc"), jc.attributes["w:val"] == "right" {
                let rightToLeft: Bool
                if node.name == "w:tblPr" {
                    rightToLeft = false
                } else if let own = node.child("w:bidi") {
                    rightToLeft = own.isOn
                } else if let style = node.child("w:pStyle")?.attributes["w:val"] {
                    rightToLeft = direction.isRightToLeft(style)
                } else {
                    rightToLeft = direction.isRightToLeft(styleID)  // a style's own pPr, or the default style
                }
                if !rightToLeft { jc.set("w:val", "left") }
            }
            node.children.removeAll { removed.contains($0.name) }
            switch node.name {
            case "w:lang" where node.attributes["w:val"] != "en-US":
                node.set("w:val", "en-US")
            case "w:rPr":
                properties.append(node)
            default:
                break
            }
        }
        for rPr in properties {
            let names = Set(rPr.children.map(\.name))
            var added = false
            for (cs, latin) in [("w:bCs", "w:b"), ("w:iCs", "w:i"), ("w:szCs", "w:sz")] where names.contains(cs) && !names.contains(latin) {
                guard let source = rPr.child(cs) else { continue }
                rPr.children.append(RawXML.element(latin, source.attributes["w:val"].map { [("w:val", $0)] } ?? []))
                added = true
            }
            if added { rPr.children = ordered(rPr.children.filter { !$0.name.isEmpty }) }
        }
    }
}

/// Whether paragraphs of a style are right-to-left, following `basedOn` to the defaults.
struct ParagraphDirection {
    private var own: [String: Bool] = [:]
    private var basedOn: [String: String] = [:]
    private var defaultStyle: String?
    private var documentDefault = false

    init(styles: RawXML?) {
        guard let styles else { return }
        styles.walk { node, _ in
            switch node.name {
            case "w:pPrDefault":
                if let bidi = node.child("w:pPr")?.child("w:bidi") { documentDefault = bidi.isOn }
            case "w:style" where node.attributes["w:type"] == "paragraph":
                guard let id = node.attributes["w:styleId"] else { return }
                if node.attributes["w:default"].map({ ["1", "true", "on"].contains($0) }) == true { defaultStyle = id }
                if let parent = node.child("w:basedOn")?.attributes["w:val"] { basedOn[id] = parent }
                if let bidi = node.child("w:pPr")?.child("w:bidi") { own[id] = bidi.isOn }
            default:
                break
            }
        }
    }

    /// nil: a paragraph without a style (the default paragraph style applies).
    static let defaults = "#docDefaults"

    func isRightToLeft(_ style: String?) -> Bool {
        if style == Self.defaults { return documentDefault }
        var id = style ?? defaultStyle
        var seen = 0
        while let current = id, seen < 20 {
            if let value = own[current] { return value }
            id = basedOn[current]
            seen += 1
        }
        return documentDefault
    }
}
