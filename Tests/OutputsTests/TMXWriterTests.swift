import BayanCore
import Testing

@testable import Outputs

@Suite struct TMXWriterTests {
    @Test func writesWellFormedTMXWithOneTUPerPair() throws {
        let result = Fixtures.small()
        let bytes = try TMXWriter().render(result, stem: "pr-1")
        let root = try #require(XMLTree.parse(bytes), "TMX must be well-formed XML")
        #expect(root.name == "tmx")
        #expect(root.attributes["version"] == "1.4")
        #expect(root.children.map(\.name) == ["header", "body"])
        let header = try #require(root.child("header"))
        for required in ["creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"] {
            #expect(header.attributes[required]?.isEmpty == false, "missing header attribute \(required)")
        }
        #expect(header.attributes["srclang"] == "ar")
        #expect(header.attributes["segtype"] == "sentence")
        #expect(header.all("prop").first { $0.attributes["type"] == "x-glossary-version" }?.text == "sha256:0123456789abcdef0123")
        let tus = try #require(root.child("body")).all("tu")
        #expect(tus.count == result.pairs.count)
        for (tu, pair) in zip(tus, result.pairs) {
            #expect(tu.attributes["tuid"] == "pr-1:s\(pair.segment.id)")
            // TMX 1.4b: notes and props come before the tuvs.
            let names = tu.children.map(\.name)
            #expect(names.suffix(2) == ["tuv", "tuv"])
            #expect(!names.dropLast(2).contains("tuv"))
            let tuvs = tu.all("tuv")
            #expect(tuvs.map { $0.attributes["xml:lang"] } == ["ar", "en"])
            #expect(tuvs.map { $0.children.map(\.name) } == [["seg"], ["seg"]])
            #expect(tuvs[0].child("seg")?.text == pair.segment.text)
            // The control character is dropped; everything else comes back exactly.
            #expect(tuvs[1].child("seg")?.text == pair.en.replacingOccurrences(of: "\u{1}", with: ""))
        }
        #expect(tus[2].all("note").first?.text.contains("<Director>") == true)
    }

    @Test func leavesOutPairsWithoutTranslation() throws {
        var result = Fixtures.small()
        result.pairs[1].en = "   "
        let root = try #require(XMLTree.parse(try TMXWriter().render(result, stem: "x")))
        #expect(root.child("body")?.all("tu").map { $0.attributes["tuid"] } == ["x:s1", "x:s3"])
    }

    @Test func sameResultGivesSameBytes() throws {
        let result = Fixtures.small()
        #expect(try TMXWriter().render(result, stem: "a") == TMXWriter().render(result, stem: "a"))
        #expect(TMXWriter().fileName(stem: "pr-7") == "pr-7.tmx")
    }
}
