import BayanCore
import Foundation
import Glossary
import Testing

@Suite struct TBXTests {
    @Test func exportThenImportKeepsEverything() throws {
        var entries = Fixtures.glossary([("جمارك دبي", "Dubai Customs"), ("إدارة", "Department & <Unit>")], exact: ["إدارة"]).entries
        entries[0].avoid = ["Customs of Dubai"]
        entries[0].note = "official name"
        let glossary = Glossary(entries: entries)
        let tbx = TBXWriter.write(glossary)
        #expect(tbx.contains("xmlns=\"urn:iso:std:iso:30042:ed-2\""))
        #expect(tbx.contains("&amp; &lt;Unit&gt;"))
        let back = try TBXReader.read(Data(tbx.utf8), file: "x.tbx")
        #expect(back.map(\.ar) == ["جمارك دبي", "إدارة"])
        #expect(back[0].avoid == ["Customs of Dubai"])
        #expect(back[0].note == "official name")
        #expect(back[1].exact)
        #expect(Glossary(entries: back).version == glossary.version)
    }

    @Test func aNoteReadingMatchExactStaysANote() throws {
        var entries = Fixtures.glossary([("جمارك دبي", "Dubai Customs"), ("إدارة", "Department")], exact: ["إدارة"]).entries
        entries[0].note = "match: exact"
        entries[1].note = "match: exact"
        let back = try TBXReader.read(Data(TBXWriter.write(Glossary(entries: entries)).utf8), file: "x.tbx")
        #expect(back.map(\.exact) == [false, true])
        #expect(back.map(\.note) == ["match: exact", "match: exact"])
    }

    @Test func anAvoidRenderingTheTSVWouldSplitIsReported() throws {
        var entries = Fixtures.glossary([("جمارك دبي", "Dubai Customs"), ("إدارة", "Department")]).entries
        entries[0].avoid = ["Customs; Dubai"]
        entries[1].avoid = ["Dept"]
        let back = try TBXReader.read(Data(TBXWriter.write(Glossary(entries: entries)).utf8), file: "x.tbx")
        #expect(back[0].avoid == ["Customs; Dubai"])
        let problems = GlossaryTSVWriter.problems(back)
        #expect(problems.count == 1)
        #expect(problems.first?.message.contains("Customs; Dubai") == true)
        #expect(problems.first?.file == "x.tbx")
        #expect(GlossaryTSVWriter.problems(entries.suffix(1)).isEmpty)
    }

    @Test func readsTBXv2Martif() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="t1">
              <descrip type="definition">WCO</descrip>
              <langSet xml:lang="ar-AE"><tig><term>منظمة الجمارك العالمية</term></tig></langSet>
              <langSet xml:lang="en-GB">
                <tig><term>World Customs Organization</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                <ntig><termGrp><term>International Customs Organisation</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp></ntig>
              </langSet>
            </termEntry>
          </body></text>
        </martif>
        """
        let entries = try TBXReader.read(Data(xml.utf8), file: "v2.tbx")
        #expect(entries.count == 1)
        #expect(entries.first?.en == "World Customs Organization")
        #expect(entries.first?.avoid == ["International Customs Organisation"])
        #expect(entries.first?.note == "WCO")
        #expect(entries.first?.line == 5)
    }

    @Test func rejectsDoctypeAndMalformedXML() {
        let doctype = "<?xml version=\"1.0\"?><!DOCTYPE tbx [<!ENTITY x \"y\">]><tbx><text/></tbx>"
        #expect(throws: BayanError.self) { try TBXReader.read(Data(doctype.utf8), file: "d.tbx") }
        let broken = "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\"><text><body><conceptEntry></body></text></tbx>"
        #expect(throws: BayanError.self) { try TBXReader.read(Data(broken.utf8), file: "b.tbx") }
        #expect(throws: BayanError.self) { try TBXReader.read(Data("<tbx>".utf8), file: "c.tbx") }
        #expect(throws: BayanError.self) { try TBXReader.read(Data("<html></html>".utf8), file: "h.tbx") }
        let problems = GlossaryLoader.parse(Data(doctype.utf8), file: "d.tbx", format: .tbx).problems
        #expect(problems.first?.description.hasPrefix("d.tbx:1: the TBX file declares a DOCTYPE") == true)
    }
}
