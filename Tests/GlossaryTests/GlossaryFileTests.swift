import BayanCore
import Foundation
import Glossary
import Testing

@Suite struct GlossaryFileTests {
    func parse(_ text: String, file: String = "g.tsv", format: GlossaryLoader.Format = .tsv) -> (entries: [GlossaryEntry], problems: [GlossaryProblem]) {
        GlossaryLoader.parse(Data(text.utf8), file: file, format: format)
    }

    @Test func tsvWithOptionalColumnsAndComments() {
        let text = """
        # Customs terms
        ar\ten\tnote\tavoid\tmatch
        جمارك دبي\tDubai Customs\tofficial name\tDubai Customs Department|Customs of Dubai\t

        # procedures
        إدارة\tDepartment\t\t\texact
        البيان الجمركي\tcustoms declaration
        """
        let parsed = parse(text)
        #expect(parsed.problems == [])
        #expect(parsed.entries.count == 3)
        #expect(parsed.entries[0].avoid == ["Dubai Customs Department", "Customs of Dubai"])
        #expect(parsed.entries[0].line == 3)
        #expect(parsed.entries[1].exact && parsed.entries[1].line == 6)
        #expect(parsed.entries[2].note == "")
    }

    @Test func excelCSVWithBOMQuotesAndCRLF() {
        let csv = "\u{FEFF}ar,en,note\r\n\"جمارك دبي\",\"Dubai Customs\",\"says \"\"official\"\", see site\"\r\nالتخليص الجمركي,customs clearance,\"two\r\nlines\"\r\nشحنة,shipment,\r\n"
        let parsed = parse(csv, file: "g.csv", format: .csv)
        #expect(parsed.problems == [])
        #expect(parsed.entries.map(\.ar) == ["جمارك دبي", "التخليص الجمركي", "شحنة"])
        #expect(parsed.entries[0].note == "says \"official\", see site")
        #expect(parsed.entries[1].note == "two\nlines")
        #expect(parsed.entries[2].line == 5)
        let semicolons = parse("ar;en\nشحنة;shipment\n", file: "g.csv", format: .csv)
        #expect(semicolons.entries.first?.en == "shipment")
        let utf16 = GlossaryLoader.parse(Data([0xFF, 0xFE]) + "ar\ten\nشحنة\tshipment\n".data(using: .utf16LittleEndian)!, file: "g.txt", format: .tsv)
        #expect(utf16.entries.first?.ar == "شحنة")
    }

    @Test func validationNamesEveryProblemWithLineAndFix() {
        let text = [
            "ar\ten\tnote",
            "جمارك دبي\tDubai Customs\tok",  // 2
            "شحنة\tshipment\tx\textra",  // 3 wrong column count
            "\tempty Arabic",  // 4
            "التخليص الجمركي\t",  // 5 empty English
            "جمارك دبي\tCustoms of Dubai",  // 6 two English
            "Customs\tالجمارك",  // 7 swapped
            "دبي\u{200F}\tDubai",  // 8 invisible
            " المنشأ\torigin",  // 9 leading space
            "قواعد  المنشأ\trules of origin",  // 10 double space
            "شحنه\tshipment",  // 11 duplicate (same as 3? no: 3 was rejected) — see line 12
            "شحنة\tshipment",  // 12 duplicate of 11 once normalized
            "منطقة حرة\tfree zone\t\t",  // 13 trailing empty cells are fine
            "ميناء\tport\t",  // 14
            "ميناء\tport",  // 15 duplicate
            "ضريبة\tVAT\u{00A0}",  // 16 NBSP
        ].joined(separator: "\n")
        let problems = parse(text).problems.map(\.description)
        func has(_ line: Int, _ words: String) -> Bool {
            problems.contains { $0.hasPrefix("g.tsv:\(line): ") && $0.contains(words) }
        }
        #expect(has(3, "4 columns but the header has 3"))
        #expect(has(4, "ar is empty"))
        #expect(has(5, "en is empty"))
        #expect(has(6, "but \"Dubai Customs\" on line 2"))
        #expect(has(7, "columns look swapped"))
        #expect(has(8, "U+200F"))
        #expect(has(9, "leading space"))
        #expect(has(10, "two spaces"))
        #expect(has(12, "duplicate of line 11"))
        #expect(has(15, "duplicate of line 14"))
        #expect(has(16, "U+00A0"))
        #expect(!problems.contains { $0.hasPrefix("g.tsv:2:") || $0.hasPrefix("g.tsv:13:") || $0.hasPrefix("g.tsv:14:") })
        #expect(problems.count == 11, "\(problems.joined(separator: "\n"))")
    }

    @Test func headerIsRequiredUnlessTheFirstRowIsPlainlyData() {
        // DeepL's glossary format: Arabic TAB English, no header; read with a note, not an error.
        let deepl = parse("جمارك دبي\tDubai Customs\nشحنة\tshipment\n")
        #expect(deepl.entries.map(\.en) == ["Dubai Customs", "shipment"])
        #expect(deepl.entries.first?.line == 1)
        #expect(deepl.problems.count == 1)
        #expect(deepl.problems.first?.severity == .note)
        #expect(deepl.problems.first?.description.hasPrefix("g.tsv:1: note: no header row") == true)
        // A first row that is neither a header nor plainly data still needs the header.
        let problems = parse("Customs\tDubai Customs\nشحنة\tshipment\n").problems.map(\.description)
        #expect(problems.first?.hasPrefix("g.tsv:1: warning: unknown column") == true)
        #expect(problems.contains { $0.contains("must name the columns `ar` and `en`") })
        #expect(parse("").problems.first?.description.contains("no header row") == true)
    }

    @Test func excelSepLineNamesTheDelimiter() {
        let parsed = parse("sep=;\r\nar;en;note\r\nرسوم الجمارك;customs duties;plural, as in tariffs\r\n", file: "g.csv", format: .csv)
        #expect(parsed.problems == [])
        #expect(parsed.entries.first?.note == "plural, as in tariffs")
        #expect(parsed.entries.first?.line == 3)
    }

    @Test func unknownColumnsAreKeptWithADidYouMean() {
        let parsed = parse("ar\ten\tEnglish\tsource_id\nشحنة\tshipment\tconsignment\t17\n")
        #expect(parsed.entries.map(\.en) == ["shipment"])
        let messages = parsed.problems.map(\.description)
        #expect(messages.count == 2)
        #expect(parsed.problems.allSatisfy { $0.severity == .warning })
        #expect(messages.contains { $0.contains("\"English\" in the header is kept and ignored; did you mean `en`?") })
        #expect(messages.contains { $0.contains("\"source_id\" in the header is kept and ignored (Bayan reads ar, en, note, avoid, match)") })
        // A header of near misses only: the error names the required columns, the warnings the fix.
        let arabic = parse("Arabic\tEnglish\nشحنة\tshipment\n").problems
        #expect(arabic.contains { $0.severity == .warning && $0.message.contains("did you mean `ar`?") })
        #expect(arabic.contains { $0.severity == .error && $0.message.contains("must name the columns") })
    }

    @Test func mergingLaterFilesWinAndConflictsAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("glossary-merge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.tsv").path, b = dir.appendingPathComponent("b.csv").path
        try "ar\ten\nجمارك دبي\tDubai Customs Dept\nشحنة\tshipment\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "ar,en\nجمارك دبي,Dubai Customs\nدبي,Dubai\n".write(toFile: b, atomically: true, encoding: .utf8)
        let result = GlossaryLoader.load([a, b])
        let glossary = try #require(result.glossary)
        #expect(glossary.entries.map(\.en) == ["Dubai Customs", "shipment", "Dubai"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.severity == .warning)
        #expect(result.problems.first?.description.hasPrefix("\(b):2: warning:") == true)
        #expect(result.problems.first?.description.contains("\(a):2") == true)
        // The version depends on content, not on order or notes.
        let reordered = Glossary(entries: glossary.entries.reversed().map { var e = $0; e.note = "changed"; return e })
        #expect(reordered.version == glossary.version)
        var edited = glossary.entries
        edited[1].en = "consignment"
        #expect(Glossary(entries: edited).version != glossary.version)
        #expect(glossary.version.count == 64)
    }

    @Test func tsvExportRoundTrips() {
        let g = Fixtures.glossary([("جمارك دبي", "Dubai Customs"), ("إدارة", "Department")], exact: ["إدارة"])
        var entries = g.entries
        entries[0].avoid = ["Customs of Dubai"]
        entries[0].note = "official"
        let text = GlossaryTSVWriter.write(entries)
        let back = GlossaryLoader.parse(Data(text.utf8), file: "x.tsv", format: .tsv)
        #expect(back.problems == [])
        #expect(Glossary(entries: back.entries).version == Glossary(entries: entries).version)
        #expect(back.entries[0].note == "official")
    }
}
