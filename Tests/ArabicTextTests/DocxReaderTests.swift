import BayanTestSupport
import ArabicText
import BayanCore
import Foundation
import Testing

@Suite struct DocxReaderTests {
    let reader = SniffingDocumentReader()

    @Test func pitfallsThroughWord() throws {
        let paragraphs = PitfallCorpus.lines.enumerated().map { k, sentences in
            DocxFixture.paragraph(sentences.joined(separator: " "), style: k == 0 ? "1" : nil)
        }
        let bytes = try DocxFixture.build(document: DocxFixture.body(paragraphs.joined()))
        let doc = try reader.read(bytes, fileName: "release.bin")  // found by content, not by name
        #expect(doc.source.format == "docx")
        #expect(doc.text == PitfallCorpus.text)
        #expect(doc.paragraphs.first?.kind == .heading)
        #expect(ArabicSentenceSegmenter().segment(doc).map(\.text) == PitfallCorpus.sentences)
    }

    @Test func structureTablesListsTabsBreaksNotes() throws {
        let inner = DocxFixture.paragraph("العنوان الرئيسي", style: "MyTitle")
            + "<w:p><w:r><w:t>قبل</w:t></w:r><w:r><w:tab/><w:t>بعد</w:t><w:br/><w:t>سطر ثان</w:t></w:r>"
            + "<w:del><w:r><w:delText>محذوف</w:delText></w:r></w:del>"
            + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> HYPERLINK \"x\" </w:instrText></w:r>"
            + "<w:r><w:t xml:space=\"preserve\"> &amp; نهاية.</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/></w:r></w:p>"
            + DocxFixture.paragraph("بند في قائمة", list: true)
            + DocxFixture.paragraph("بند بنمط القائمة", style: "a3")
            + "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>خلية أولى</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>خلية ثانية</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + "<w:p/>"
            + "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:t>نص</w:t></mc:Choice><mc:Fallback><w:t>نص مكرر</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        let footnotes = """
            <?xml version="1.0" encoding="UTF-8"?>
            <w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>حاشية سفلية.</w:t></w:r></w:p></w:footnote></w:footnotes>
            """
        let bytes = try DocxFixture.build(document: DocxFixture.body(inner), extra: ["word/footnotes.xml": footnotes])
        let doc = try reader.read(bytes, fileName: "x.docx")
        let texts = doc.paragraphs.map { p in
            String(String.UnicodeScalarView(Array(doc.text.unicodeScalars)[p.start..<p.end]))
        }
        #expect(texts == ["العنوان الرئيسي", "قبل\tبعد\nسطر ثان & نهاية.", "بند في قائمة", "بند بنمط القائمة", "خلية أولى", "خلية ثانية", "نص", "حاشية سفلية."])
        #expect(doc.paragraphs.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .tableCell, .tableCell, .paragraph, .paragraph])
        // A line break inside a paragraph is a sentence boundary.
        #expect(ArabicSentenceSegmenter().segment(doc).map(\.text).prefix(3) == ["العنوان الرئيسي", "قبل\tبعد", "سطر ثان & نهاية."])
    }

    @Test func otherOfficeFilesAreNamed() throws {
        let xlsx = TestZip.archive([TestZip.stored("xl/workbook.xml", Array("<workbook/>".utf8))])
        let error = #expect(throws: BayanError.self) { try reader.read(xlsx, fileName: "sheet.xlsx") }
        #expect(error?.message.contains("Excel") == true)
        #expect(error?.message.contains(".docx") == true)
    }
}

@Suite struct DocxLimitTests {
    @Test func extractedTextIsBounded() throws {
        let long = String(repeating: "جمارك دبي تشارك في المؤتمر. ", count: 200)
        let bytes = try DocxFixture.build(document: DocxFixture.body(DocxFixture.paragraph(long)))
        let reader = SniffingDocumentReader(limits: ReaderLimits(maxTextScalars: 1_000))
        let error = #expect(throws: BayanError.self) { try reader.read(bytes, fileName: "long.docx") }
        #expect(error?.message.contains("more than 1000 characters") == true)
    }
}
