import Foundation
import ZIPFoundation

/// Builds .docx files with ZIPFoundation in a temporary directory, as Word lays them out.
public enum DocxFixture {
    public static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
        """
    public static let rels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
        """
    /// Localized style ids, as Arabic Word writes them: «1» is "heading 1".
    public static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="List Paragraph"/></w:style><w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="My Title"/><w:basedOn w:val="1"/></w:style></w:styles>
        """

    public static func body(_ inner: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>\(inner)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
        """
    }

    /// A paragraph with its text split into several runs (Word splits runs anywhere, mid-word too).
    public static func paragraph(_ text: String, style: String? = nil, list: Bool = false) -> String {
        var ppr = ""
        if style != nil || list {
            ppr = "<w:pPr>" + (style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? "")
                + (list ? "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" : "")
                + "<w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs><w:bidi/></w:pPr>"
        }
        let chars = Array(text)
        var runs = ""
        var k = 0
        var size = 3
        while k < chars.count {
            let piece = String(chars[k..<min(chars.count, k + size)])
            runs += "<w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space=\"preserve\">\(escape(piece))</w:t></w:r>"
            k += size
            size = size % 7 + 2
        }
        return "<w:p>\(ppr)\(runs)</w:p>"
    }

    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// Writes the parts into a .docx in a fresh temporary directory and returns its bytes.
    public static func build(document: String, extra: [String: String] = [:]) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bayan-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("fixture.docx")
        let archive = try Archive(url: url, accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", rels), ("word/styles.xml", styles),
            ("word/document.xml", document),
        ]
        for (path, xml) in extra.sorted(by: { $0.key < $1.key }) { parts.append((path, xml)) }
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                position, size in data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return Array(try Data(contentsOf: url))
    }
}
