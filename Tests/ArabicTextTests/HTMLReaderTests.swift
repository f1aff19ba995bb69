import ArabicText
import BayanCore
import Testing

@Suite struct HTMLReaderTests {
    let reader = SniffingDocumentReader()

    @Test func pitfallsThroughHTML() throws {
        var body = ""
        for (k, line) in PitfallCorpus.lines.enumerated() {
            let text = line.joined(separator: " ").replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "«", with: "&laquo;")
            body += k == 0 ? "<h1 class=\"t\">\(text)</h1>\n" : "<p>\n  \(text)\n</p>\n"
        }
        let html = """
            <!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>عنوان الصفحة</title>
            <style>p { color: red; } /* <p>لا</p> */</style><script>var x = "<p>لا تقرأ</p>";</script></head>
            <body><!-- تعليق --><article>\(body)</article><script>document.write("<p>no</p>")</script></body></html>
            """
        let doc = try reader.read(Array(html.utf8), fileName: "page.txt")  // content wins over the name
        #expect(doc.source.format == "html")
        #expect(doc.paragraphs.first?.kind == .heading)
        #expect(ArabicSentenceSegmenter().segment(doc).map(\.text) == PitfallCorpus.sentences)
    }

    @Test func blocksListsTablesBreaksEntitiesDirection() throws {
        let html = """
            <html><body><div>مقدمة<br>سطر ثان</div><ul><li>أول</li><li>ثان &#1575;&#x644;</li></ul>
            <table><tr><td>خلية</td><th>رأس</th></tr></table><p>زار <span dir="ltr">Dubai Customs</span> الوفد&nbsp;أمس &amp; غادر</p>
            <p>a < b</p></body></html>
            """
        let doc = try reader.read(Array(html.utf8), fileName: "p.html")
        let s = Array(doc.text.unicodeScalars)
        let texts = doc.paragraphs.map { String(String.UnicodeScalarView(s[$0.start..<$0.end])) }
        #expect(texts == ["مقدمة\nسطر ثان", "أول", "ثان ال", "خلية", "رأس", "زار \u{2066}Dubai Customs\u{2069} الوفد\u{00A0}أمس & غادر", "a < b"])
        #expect(doc.paragraphs.map(\.kind) == [.paragraph, .listItem, .listItem, .tableCell, .tableCell, .paragraph, .paragraph])
    }

    @Test func windows1256PageByMetaCharset() throws {
        let text = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><p>جمارك دبي. تشارك.</p></body></html>"
        let bytes = try #require(Windows1256.encode(text))
        let doc = try reader.read(bytes, fileName: "old.htm")
        #expect(doc.source.encoding == "windows-1256")
        #expect(ArabicSentenceSegmenter().segment(doc).map(\.text) == ["جمارك دبي.", "تشارك."])
    }
}
