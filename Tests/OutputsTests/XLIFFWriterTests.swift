import BayanCore
import Testing

@testable import Outputs

@Suite struct XLIFFWriterTests {
    @Test func writesOneUnitPerParagraphAndOneSegmentPerSentence() throws {
        let result = Fixtures.small()
        let root = try #require(XMLTree.parse(try XLIFFWriter().render(result, stem: "pr-1")), "XLIFF must be well-formed")
        #expect(root.name == "xliff")
        #expect(root.attributes["xmlns"] == "urn:oasis:names:tc:xliff:document:2.0")
        #expect(root.attributes["version"] == "2.1")
        #expect(root.attributes["srcLang"] == "ar")
        #expect(root.attributes["trgLang"] == "en")
        let files = root.all("file")
        #expect(files.count == 1)
        let file = try #require(files.first)
        #expect(file.attributes["id"] == "f1")
        // The document id (the published folder's name), which a reviewed file brings back.
        #expect(file.attributes["original"] == "pr-1")
        #expect(file.child("notes")?.all("note").map(\.text) == ["pr-1 <&>.txt"])
        #expect(file.attributes["srcDir"] == "rtl")
        let units = file.all("unit")
        #expect(units.map { $0.attributes["id"] } == ["p1", "p2"])
        #expect(units[0].all("segment").count == 1)
        // Paragraph 2: notes first, then segment, ignorable (the space between sentences), segment.
        #expect(units[1].children.map(\.name) == ["notes", "segment", "ignorable", "segment"])
        let segments = units.flatMap { $0.all("segment") }
        #expect(segments.map { $0.attributes["id"] } == ["s1", "s2", "s3"])
        for (segment, pair) in zip(segments, result.pairs) {
            #expect(segment.attributes["state"] == "translated")
            #expect(segment.children.map(\.name) == ["source", "target"])
            #expect(segment.child("source")?.text == pair.segment.text)
            #expect(segment.child("target")?.text == pair.en.replacingOccurrences(of: "\u{1}", with: ""))
        }
        let notes = try #require(units[1].child("notes")).all("note")
        #expect(notes.count == 2)  // the QA issue and the failed glossary hit
        #expect(notes.allSatisfy { $0.attributes["id"] != nil && $0.text.hasPrefix("s3") })
    }

    @Test func untranslatedSegmentStaysInitialWithoutTarget() throws {
        var result = Fixtures.small()
        result.pairs[0].en = ""
        let root = try #require(XMLTree.parse(try XLIFFWriter().render(result, stem: "x")))
        let first = try #require(root.child("file")?.child("unit")?.child("segment"))
        #expect(first.attributes["state"] == "initial")
        #expect(first.children.map(\.name) == ["source"])
        #expect(XLIFFWriter().fileName(stem: "pr-7") == "pr-7.xlf")
    }
}
