import BayanCore
import Foundation
import Interchange
import Outputs
import Testing

@Suite struct ReaderTests {
    /// An XLIFF 2.1 file as a CAT tool hands it back: states changed, inline codes in source and
    /// target, notes at unit level and (as translate-toolkit writes them) inside a segment.
    static let catEdited = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:my="urn:x-tool" version="2.1" srcLang="ar" trgLang="en">
          <file id="f1" original="pr-7">
            <notes><note id="source" category="source-file">pr-7.txt</note></notes>
            <group id="g1"><unit id="p1">
              <notes><note id="t1" category="translator">checked against the press office</note></notes>
              <segment id="s1" state="final"><source>جمارك دبي تضبط شحنة مخدرات في ميناء <pc id="1">جبل علي</pc>.</source>
                <target>Dubai Customs seizes a drug shipment at <pc id="1">Jebel Ali</pc> port.</target></segment>
            </unit></group>
            <unit id="p2">
              <segment id="s2" state="reviewed" subState="my:ok"><source>وقال المدير العام إن <mrk id="m1" type="term">الهيئة</mrk> ملتزمة بحماية المجتمع.</source>
                <target>The director general said <mrk id="m1" type="term">the Authority</mrk> is committed to protecting society.</target>
                <notes><note>added inside the segment by translate-toolkit</note></notes></segment>
              <ignorable><source> </source></ignorable>
              <segment id="s3" state="translated"><source>وبلغت قيمة الضبطية 3.2<ph id="2"/> مليون درهم.</source><target>The seizure was valued at AED 3.2 million.</target></segment>
              <segment id="s4"><source>وأشاد بجهود المفتشين.</source><target/></segment>
            </unit>
          </file>
        </xliff>
        """

    @Test func xliff2StatesInlineCodesAndNotes() throws {
        let file = try XLIFF2File.read(Array(Self.catEdited.utf8))
        #expect(file.version == "2.1" && file.srcLang == "ar" && file.trgLang == "en")
        #expect(file.files.map(\.original) == ["pr-7"])
        let units = file.files[0].units
        #expect(units.map(\.id) == ["p1", "p2"])  // the group's unit is read too
        let segments = units.flatMap(\.segments)
        #expect(segments.map(\.state) == [.final, .reviewed, .translated, nil])
        #expect(segments[1].subState == "my:ok")
        // pc and mrk keep their text, ph is dropped, notes inside a segment are skipped.
        #expect(segments[0].source == "جمارك دبي تضبط شحنة مخدرات في ميناء جبل علي.")
        #expect(segments[0].target?.trimmingCharacters(in: .whitespacesAndNewlines) == "Dubai Customs seizes a drug shipment at Jebel Ali port.")
        #expect(segments[1].source == "وقال المدير العام إن الهيئة ملتزمة بحماية المجتمع.")
        #expect(segments[2].source == "وبلغت قيمة الضبطية 3.2 مليون درهم.")
        #expect(segments[3].target == "")
        #expect(units[0].notes.map(\.category) == ["translator"])
    }

    @Test func xliff12ApprovalSeveralFilesAndGroups() throws {
        let text = """
            <?xml version="1.0" encoding="utf-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
              <file original="pr-7" source-language="ar" target-language="en" datatype="plaintext">
                <header><phase-group><phase phase-name="review" process-name="review" contact-name="Huda Saleh"/></phase-group></header>
                <body><group id="p1">
                  <trans-unit id="s1" approved="yes"><source>جمارك <g id="1">دبي</g></source><target state="translated">Dubai <g id="1">Customs</g></target></trans-unit>
                  <trans-unit id="s2" approved="no"><source>ب<x id="2"/></source><target state="signed-off">B</target></trans-unit>
                </group></body>
              </file>
              <file original="edited.po" source-language="ar" datatype="po">
                <body>
                  <trans-unit id="1" restype="x-gettext-domain-header" approved="no"><source>Project-Id-Version: x</source></trans-unit>
                  <trans-unit id="6"><source>ج</source><target state="needs-translation">C</target></trans-unit>
                </body>
              </file>
            </xliff>
            """
        let file = try XLIFF12File.read(Array(text.utf8))
        #expect(file.files.map(\.original) == ["pr-7", "edited.po"])
        #expect(file.files[0].phaseContacts == ["Huda Saleh"])
        let units = file.files[0].units
        #expect(units.map(\.id) == ["s1", "s2"])
        #expect(units.map(\.approved) == [true, false])
        #expect(units[0].source == "جمارك دبي" && units[0].target == "Dubai Customs")
        #expect(units[1].source == "ب" && units[1].targetState == "signed-off")
        #expect(file.files[1].units.first?.restype == "x-gettext-domain-header")
        #expect(file.files[1].units.last?.targetState == "needs-translation")
    }

    /// Languages come from each tuv (po2tmx writes srclang="en" in the header even for Arabic).
    @Test func tmxLanguagesFromTheVariants() throws {
        let text = """
            <?xml version="1.0" encoding="utf-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header creationtool="Translate Toolkit" creationtoolversion="3.20.4" segtype="sentence" o-tmf="UTF-8" adminlang="en" srclang="en" datatype="PlainText"/>
            <body><tu><tuv xml:lang="en"><seg>Hello <bpt i="1">&lt;b&gt;</bpt>world<ept i="1">&lt;/b&gt;</ept></seg></tuv><tuv xml:lang="ar-AE"><seg>مرحبا بالعالم</seg></tuv></tu></body></tmx>
            """
        let file = try TMXFile.read(Array(text.utf8))
        #expect(file.header.srcLang == "en")
        #expect(file.units.first?.variant(base: "ar")?.text == "مرحبا بالعالم")
        #expect(file.units.first?.variant(base: "en")?.text == "Hello world")
        guard case .tmx = try InterchangeFile.read(Array(text.utf8)) else {
            Issue.record("not read as TMX")
            return
        }
    }

    /// libxml2 refuses a document over 10 MB handed over in one piece ("huge input lookup");
    /// the reader streams it, so a large memory export reads (measured: 100,000 units, 33 MB).
    @Test func aTMXOverTenMegabytesReads() throws {
        var text = #"<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="ar"/><body>"# + "\n"
        let tu = #"<tu><tuv xml:lang="ar"><seg>جمارك دبي تضبط شحنة مخدرات في ميناء جبل علي رقم NUM</seg></tuv><tuv xml:lang="en"><seg>Dubai Customs seizes a drug shipment at Jebel Ali port, number NUM.</seg></tuv></tu>"#
        for i in 0..<45_000 { text += tu.replacingOccurrences(of: "NUM", with: String(i)) + "\n" }
        text += "</body></tmx>\n"
        #expect(text.utf8.count > 10_500_000)
        let file = try TMXFile.read(Array(text.utf8))
        #expect(file.units.count == 45_000)
        #expect(file.units.last?.variant(base: "en")?.text == "Dubai Customs seizes a drug shipment at Jebel Ali port, number 44999.")
    }

    /// What each writer writes, each reader reads back the same.
    @Test func everyFormatRoundTrips() throws {
        let result = Doc.result()
        let x2 = try XLIFFWriter().render(result, stem: "pr-7")
        #expect(try XLIFF2File.read(x2).render() == x2)
        let x12 = try XLIFF12Writer().render(result, stem: "pr-7")
        #expect(try XLIFF12File.read(x12).render() == x12)
        let tmx = try TMXWriter().render(result, stem: "pr-7")
        let back = try TMXFile.read(tmx)
        #expect(back.render() == tmx)
        #expect(back.header.prop(TMXFile.documentProp) == "pr-7")
        #expect(try XLIFF12File.read(x12).files.first?.original == "pr-7")
        #expect(try XLIFF2File.read(x2).files.first?.original == "pr-7")
    }

    /// Every reader goes through the one guard: DTD declarations (XXE, billion laughs), bad
    /// encodings, files cut short, oversized files and the wrong root are refused clearly.
    @Test func hostileFilesAreRefusedByEveryReader() throws {
        let body = #"<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ar"><file id="f1"><unit id="u"><segment><source>&xxe;</source></segment></unit></file></xliff>"#
        let cases: [(String, [UInt8], String)] = [
            ("XXE", Array(("<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + body).utf8), "DOCTYPE"),
            ("laughs", Array(#"<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><tmx version="1.4"><body/></tmx>"#.utf8), "DOCTYPE"),
            ("latin1", [0x3C, 0x74, 0x6D, 0x78, 0x3E, 0xE9, 0x3C, 0x2F, 0x74, 0x6D, 0x78, 0x3E], "not UTF-8"),
            ("cut", Array(String(Self.catEdited.prefix(700)).utf8), "cut short"),
            ("html", Array("<html><body/></html>".utf8), "neither TMX nor XLIFF"),
        ]
        for (name, bytes, says) in cases {
            #expect(throws: BayanError.self, "\(name)") { _ = try InterchangeFile.read(bytes) }
            do {
                _ = try InterchangeFile.read(bytes)
            } catch {
                #expect("\(error)".contains(says), "\(name): \(error)")
            }
        }
        #expect(throws: BayanError.self) { _ = try XLIFF12File.read(Array(String(Self.catEdited.prefix(300)).utf8)) }
        #expect(throws: BayanError.self) { _ = try TMXFile.read(Array("<?xml version=\"1.0\"?><!DOCTYPE tmx [<!ENTITY x SYSTEM \"http://example.com/\">]><tmx/>".utf8)) }
        do {
            _ = try XLIFF2File.read(Array(Self.catEdited.utf8), maxBytes: 100)
            Issue.record("an oversized file was read")
        } catch {
            #expect("\(error)".contains("over the 100-byte limit"))
        }
        let deep = String(repeating: "<g>", count: 400) + String(repeating: "</g>", count: 400)
        #expect(throws: BayanError.self) { _ = try InterchangeFile.read(Array(("<xliff version=\"1.2\">" + deep + "</xliff>").utf8)) }
    }
}
