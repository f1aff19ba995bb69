import ArabicText
import BayanCore
import Foundation

/// `<stem>.bilingual.docx`: the copy circulated for sign-off. The summary first (its own page),
/// then a two-column table with one row per paragraph, English left and Arabic right-to-left on
/// the right, headings in bold, glossary terms highlighted, the checks' findings in red after
/// their paragraph's English; every page's footer says which
/// document, which Bayan and engine, and whether a person reviewed the English.
public struct BilingualDocxWriter: OutputWriter {
    public static let machineOnly = "machine translation, not reviewed"

    public init() {}

    public func fileName(stem: String) -> String { "\(stem).bilingual.docx" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var zip = ZipWriter()
        try Self.addFixedParts(to: &zip)
        try zip.add("word/document.xml", document(result))
        try zip.add("word/footer1.xml", footer(result))
        try zip.add("docProps/core.xml", core(result))
        return zip.archive()
    }

    /// An English-only .docx from the paragraphs alone: the English release's fallback when the
    /// original's layout cannot be rebuilt (a damaged part). Headings bold, list items bulleted;
    /// the footer says why the layout is missing.
    func englishOnly(_ result: DocumentResult, paragraphs: [Paragraph], english: [Int: String], reason: String) throws -> [UInt8] {
        var body = ""
        for paragraph in paragraphs {
            guard let text = english[paragraph.index] else { continue }
            switch paragraph.kind {
            case .heading: body += self.paragraph([Run(text, bold: true, size: 28)])
            case .listItem: body += self.paragraph([Run("• " + text)])
            default: body += self.paragraph([Run(text)])
            }
        }
        let section = "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr>"
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(Self.wNS)" xmlns:r="\(Self.rNS)"><w:body>\(body)\(section)</w:body></w:document>
            """
        let footer = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(Self.wNS)">\(self.paragraph([Run("Rebuilt without the original's layout: " + reason, size: 14)]))</w:ftr>
            """
        var zip = ZipWriter()
        try Self.addFixedParts(to: &zip)
        try zip.add("word/document.xml", document)
        try zip.add("word/footer1.xml", footer)
        try zip.add("docProps/core.xml", core(result))
        return zip.archive()
    }

    /// The four parts every copy shares, deflated once per process (compressing them for each
    /// document was a third of this writer's time on short documents).
    private static let fixedParts: [ZipWriter.Entry]? = try? [
        ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRels),
        ("word/_rels/document.xml.rels", documentRels), ("word/styles.xml", styles),
    ].map { try ZipWriter.deflated($0.0, Array($0.1.utf8)) }

    private static func addFixedParts(to zip: inout ZipWriter) throws {
        if let parts = fixedParts {
            for part in parts { zip.addRaw(part) }
        } else {
            // Deflating a constant failed once: try again here, where the error can be reported.
            try zip.add("[Content_Types].xml", contentTypes)
            try zip.add("_rels/.rels", packageRels)
            try zip.add("word/_rels/document.xml.rels", documentRels)
            try zip.add("word/styles.xml", styles)
        }
    }

    // MARK: - document.xml

    func document(_ result: DocumentResult) -> String {
        let overview = DocumentOverview(result)
        var body = ""
        body += paragraph([Run("Bilingual copy for sign-off", bold: true, size: 32)])
        body += paragraph([Run(result.source.file + " · " + reviewState(result), size: 20)])
        body += paragraph([Run("Summary", bold: true, size: 26)], spaceBefore: 240)
        if result.summary.isEmpty {
            body += paragraph([Run("No summary sentences were chosen for this document.")])
        } else {
            var rows: [(english: [Run], arabic: [Run])] = []
            for item in result.summary {
                let pair = result.pairs.first { $0.segment.id == item.id }
                rows.append(pair.map { marked($0) } ?? ([Run(item.en)], [Run(item.ar)]))
            }
            body += table(rows.map { (english: $0.english, arabic: $0.arabic, heading: false) })
        }
        body += paragraph([Run(
            "Highlighted: glossary terms. \(overview.sentences) sentences; \(overview.flaggedSentences) flagged by the checks; glossary terms \(overview.termsOK) matched, \(overview.termsMissing) missing.",
            size: 18)])
        body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
        var rows: [(english: [Run], arabic: [Run], heading: Bool)] = []
        let byParagraph = Dictionary(grouping: result.pairs, by: \.segment.paragraph)
        for paragraph in Self.paragraphs(result) {
            guard let pairs = byParagraph[paragraph.index]?.sorted(by: { $0.segment.start < $1.segment.start }) else { continue }
            var english: [Run] = [], arabic: [Run] = []
            for (k, pair) in pairs.enumerated() {
                if k > 0 {
                    english.append(Run(" "))
                    arabic.append(Run(" "))
                }
                let runs = marked(pair)
                english += runs.english
                arabic += runs.arabic
            }
            let heading = paragraph.kind == .heading
            if heading {
                for k in english.indices { english[k].bold = true }
                for k in arabic.indices { arabic[k].bold = true }
            }
            // What the checks flagged stays visible on the copy that is signed off.
            var checks: [String] = []
            for issue in pairs.flatMap(\.qa) where !checks.contains(issue.check) { checks.append(issue.check) }
            if !checks.isEmpty { english.append(Run(" [check: " + checks.joined(separator: ", ") + "]", flag: true, size: 16)) }
            rows.append((english, arabic, heading))
        }
        body += table(rows, header: true)
        let section = """
            <w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>\
            <w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>
            """
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(Self.wNS)" xmlns:r="\(Self.rNS)"><w:body>\(body)\(section)</w:body></w:document>
            """
    }

    /// The result's paragraphs; a result rebuilt from result.json has none, so they come from
    /// the original when it is given, else from the sentences (kinds unknown: plain paragraphs).
    static func paragraphs(_ result: DocumentResult) -> [Paragraph] {
        if !result.paragraphs.isEmpty { return result.paragraphs }
        if result.original != nil, let document = try? ReleaseWriter.original(of: result).1 { return document.paragraphs }
        return Set(result.pairs.map(\.segment.paragraph)).sorted().map { Paragraph(index: $0, kind: .paragraph, start: 0, end: 0) }
    }

    /// A run of text with the formatting this copy uses.
    struct Run {
        var text: String
        var bold = false
        var term = false
        /// A check's finding: red.
        var flag = false
        var size: Int? = nil

        init(_ text: String, bold: Bool = false, term: Bool = false, flag: Bool = false, size: Int? = nil) {
            self.text = text
            self.bold = bold
            self.term = term
            self.flag = flag
            self.size = size
        }
    }

    /// The pair's English and Arabic cut into runs at the glossary terms.
    func marked(_ pair: AlignedPair) -> (english: [Run], arabic: [Run]) {
        let marks = TermMarks(pair)
        func cut(_ text: String, _ ranges: [Range<Int>]) -> [Run] {
            let scalars = Array(text.unicodeScalars)
            var runs: [Run] = []
            var at = 0
            for range in ranges where range.lowerBound >= at && range.upperBound <= scalars.count {
                if range.lowerBound > at { runs.append(Run(String(String.UnicodeScalarView(scalars[at..<range.lowerBound])))) }
                runs.append(Run(String(String.UnicodeScalarView(scalars[range])), term: true))
                at = range.upperBound
            }
            if at < scalars.count { runs.append(Run(String(String.UnicodeScalarView(scalars[at...])))) }
            return runs
        }
        return (cut(pair.en, marks.english.map(\.range)), cut(pair.segment.text, marks.arabic.map(\.range)))
    }

    func table(_ rows: [(english: [Run], arabic: [Run], heading: Bool)], header: Bool = false) -> String {
        let border = "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
        var out = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>\(border)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        out += "<w:tblCellMar><w:left w:w=\"100\" w:type=\"dxa\"/><w:right w:w=\"100\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "<w:tblGrid><w:gridCol w:w=\"4819\"/><w:gridCol w:w=\"4819\"/></w:tblGrid>"
        if header {
            out += "<w:tr><w:trPr><w:tblHeader/></w:trPr>"
            out += cell(paragraph([Run("English", bold: true)]), shade: true)
            out += cell(paragraph([Run("العربية", bold: true)], arabic: true), shade: true)
            out += "</w:tr>"
        }
        for row in rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            out += cell(paragraph(row.english))
            out += cell(paragraph(row.arabic, arabic: true))
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }

    func cell(_ content: String, shade: Bool = false) -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"2500\" w:type=\"pct\"/>"
            + (shade ? "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>" : "") + "</w:tcPr>\(content)</w:tc>"
    }

    /// A paragraph; Arabic ones are right-to-left with runs marked rtl and tagged ar-SA.
    func paragraph(_ runs: [Run], arabic: Bool = false, spaceBefore: Int = 0) -> String {
        var out = "<w:p><w:pPr>"
        if arabic { out += "<w:bidi/>" }
        out += "<w:spacing w:before=\"\(spaceBefore)\" w:after=\"120\"/></w:pPr>"
        for run in runs where !run.text.isEmpty {
            out += "<w:r><w:rPr>"
            if run.bold { out += "<w:b/><w:bCs/>" }
            if run.flag { out += "<w:color w:val=\"C00000\"/>" }
            if let size = run.size { out += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            if run.term { out += "<w:highlight w:val=\"yellow\"/>" }
            out += arabic ? "<w:rtl/><w:lang w:val=\"en-US\" w:bidi=\"ar-SA\"/>" : "<w:lang w:val=\"en-US\"/>"
            out += "</w:rPr><w:t xml:space=\"preserve\">\(XMLEscaping.escape(UTF8Search.replacing("\n", with: " ", in: run.text)))</w:t></w:r>"
        }
        return out + "</w:p>"
    }

    func reviewState(_ result: DocumentResult) -> String {
        let state = result.reviewState?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return state.isEmpty ? Self.machineOnly : state
    }

    func footer(_ result: DocumentResult) -> String {
        let text = "Document \(result.source.file) (SHA-256 \(result.source.sha256.prefix(16))) · \(BayanVersion.tool) \(BayanVersion.version) · engine \(DocumentOverview.engineLabel(result.engine)) · \(reviewState(result)) · page "
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(Self.wNS)" xmlns:r="\(Self.rNS)"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
            <w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t xml:space="preserve">\(XMLEscaping.escape(text))</w:t></w:r>\
            <w:fldSimple w:instr=" PAGE "><w:r><w:rPr><w:sz w:val="16"/></w:rPr><w:t>1</w:t></w:r></w:fldSimple></w:p></w:ftr>
            """
    }

    func core(_ result: DocumentResult) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(XMLEscaping.escape("Bilingual copy: " + result.source.file))</dc:title><dc:creator>\(BayanVersion.tool) \(BayanVersion.version)</dc:creator><dc:description>\(XMLEscaping.escape(reviewState(result)))</dc:description></cp:coreProperties>
        """
    }

    // MARK: - Fixed parts

    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let packageRels = relationships([
        ("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
    ])

    static let documentRels = relationships([
        ("rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
        ("rIdFooter1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml"),
    ])

    static func relationships(_ items: [(id: String, type: String, target: String)]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + items.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Arial"/><w:sz w:val="21"/><w:szCs w:val="22"/>\
        <w:lang w:val="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        </w:styles>
        """
}
