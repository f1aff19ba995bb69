import Foundation
import Glossary
import GlossaryWorkbench
import Logging
import Testing

/// Glossary files as spreadsheets write them: exported by LibreOffice headless from an .xlsx
/// (Fixtures/spreadsheets/make-fixtures.sh makes them; they are committed as made).
@Suite struct SpreadsheetDialectTests {
    static let folder = TempDir.fixtures + "/spreadsheets"

    func load(_ name: String) throws -> (entries: [GlossaryEntry], problems: [GlossaryProblem]) {
        let path = Self.folder + "/" + name
        let data = try #require(FileManager.default.contents(atPath: path), "missing fixture \(name)")
        return GlossaryLoader.parse(data, file: name, format: GlossaryLoader.Format(path: name))
    }

    @Test(arguments: ["glossary-comma.csv", "glossary-semicolon.csv", "glossary-excel-utf8-bom.csv", "glossary-tab.tsv", "glossary-unicode.txt"])
    func everyExportReadsTheSameEntries(_ name: String) throws {
        let parsed = try load(name)
        #expect(parsed.entries.map(\.ar) == ["جمارك دبي", "التخليص الجمركي", "رسوم الجمارك", "المنطقة الحرة"])
        #expect(parsed.entries.map(\.en) == ["Dubai Customs", "customs clearance", "customs duties", "free zone"])
        // A cell with a line break (a quoted field over two lines), quotes, a comma, a semicolon.
        #expect(parsed.entries[0].note == "official name\nsee dubaicustoms.gov.ae")
        #expect(parsed.entries[1].note == "WCO glossary; \"clearance\" not \"release\"")
        #expect(parsed.entries[2].note == "plural, as in tariff schedules")
        #expect(parsed.entries[2].avoid == ["customs fees", "custom duties"])
        // The row after the two-line cell keeps its real line number.
        #expect(parsed.entries.map(\.line) == [2, 4, 5, 6])
        // The extra `English` column is kept and ignored, with a did-you-mean; nothing is refused.
        #expect(parsed.problems.count == 1, "\(parsed.problems)")
        #expect(parsed.problems.first?.severity == .warning)
        #expect(parsed.problems.first?.description == "\(name):1: warning: unknown column \"English\" in the header is kept and ignored; did you mean `en`? (rename the header cell to use it)")
    }

    @Test func theBOMAndTheUTF16ExportAreReadAsText() throws {
        let bom = [UInt8](try #require(FileManager.default.contents(atPath: Self.folder + "/glossary-excel-utf8-bom.csv")))
        #expect(Array(bom.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let utf16 = [UInt8](try #require(FileManager.default.contents(atPath: Self.folder + "/glossary-unicode.txt")))
        #expect(Array(utf16.prefix(2)) == [0xFF, 0xFE])
    }

    @Test func deeplTwoColumnsWithoutHeader() throws {
        let parsed = try load("deepl.tsv")
        #expect(parsed.entries.map(\.en) == ["World Customs Organization", "certificate of origin", "pre-arrival clearance"])
        #expect(parsed.entries.first?.line == 1)
        #expect(parsed.problems.map(\.severity) == [.note])
        #expect(parsed.problems.first?.description.contains("no header row: read as two columns, Arabic TAB English (DeepL's glossary format)") == true)
    }

    @Test func anEditKeepsTheExportsBytesAndDialect() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        for name in ["glossary-excel-utf8-bom.csv", "glossary-unicode.txt"] {
            let original = [UInt8](try #require(FileManager.default.contents(atPath: Self.folder + "/" + name)))
            let path = try dir.file(name, original)
            let editor = GlossaryFileEditor()
            let read = try editor.read(path)
            let result = try editor.apply(.add(GlossaryEntryFields(ar: "شهادة المنشأ", en: "certificate of origin", note: "a; b")),
                                          to: path, revision: read.revision, actor: "t")
            let now = dir.bytes(name)
            #expect(Array(now.prefix(original.count)) == original, "\(name): untouched bytes changed")
            let back = try editor.read(path)
            #expect(back.entries.last?.note == "a; b")
            #expect(back.entries.count == 5 && result.after?.line == 7)
            #expect(back.problems.filter { $0.severity == .error }.isEmpty)
        }
    }

    @Test func oneBadRowRefusesTheReloadButCheckShowsEveryProblem() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let good = try String(contentsOfFile: Self.folder + "/glossary-semicolon.csv", encoding: .utf8)
        let path = try dir.file("g.csv", good)
        let store = GlossaryStore(files: [path], logger: Logger(label: "test"))
        let live = store.snapshot.version
        #expect(store.snapshot.entryCount == 4)
        _ = try dir.file("g.csv", good + "شحنة;;;;\nCustoms;الجمارك;;;\n")
        guard case .rejected(let problems) = store.reload() else { Issue.record("a bad row was loaded"); return }
        #expect(store.snapshot.version == live && store.snapshot.entryCount == 4)
        // `glossary check` (GlossaryLoader.load) lists both rows with their lines.
        let check = GlossaryLoader.load([path]).problems.map(\.description)
        #expect(check.contains { $0.hasPrefix("\(path):7: en is empty") })
        #expect(check.contains { $0.hasPrefix("\(path):8: ar \"Customs\" is not Arabic but en is") })
        #expect(problems.count == 2)
    }
}
