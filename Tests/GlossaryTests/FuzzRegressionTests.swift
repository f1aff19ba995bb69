import ArabicText
import BayanCore
import Foundation
import Glossary
import Testing

/// Glossary inputs the libFuzzer target in Tests/Fuzz found crashing or breaking a round trip.
@Suite struct GlossaryFuzzRegressionTests {
    /// FoundationXML trapped on an element name that is not valid UTF-8: a bad TBX file in the
    /// glossary folder crashed the daemon on reload.
    @Test func tbxThatIsNotUTF8IsAProblemNotACrash() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><tbx><tbx".utf8)
        bytes += [0xB7, 0x9A, 0x9E, 0xC1, 0xC3]
        bytes += Array("fileDesc/></tbx>".utf8)
        let parsed = GlossaryLoader.parse(Data(bytes), file: "g.tbx", format: .tbx)
        #expect(parsed.entries.isEmpty)
        #expect(parsed.problems.first?.message.contains("UTF-8") == true)
    }

    /// FoundationXML called strlen(NULL) for a processing instruction without data.
    @Test(arguments: ["<?xm?><martif/>", "<?xml version=\"1.0\"?>\n<martif><?x   ?></martif>", "<??><tbx/>"])
    func emptyProcessingInstructionIsAProblemNotACrash(tbx: String) {
        let parsed = GlossaryLoader.parse(Data(tbx.utf8), file: "g.tbx", format: .tbx)
        #expect(parsed.entries.isEmpty)
        #expect(parsed.problems.first?.message.contains("processing instruction") == true)
    }

    @Test func utf16TBXStillReads() throws {
        let tbx = TBXWriter.write(Glossary(entries: [GlossaryEntry(ar: "منفذ", en: "port of entry")]))
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in tbx.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let parsed = GlossaryLoader.parse(Data(bytes), file: "g.tbx", format: .tbx)
        #expect(parsed.problems == [])
        #expect(parsed.entries.map(\.en) == ["port of entry"])
    }

    /// A note with a line break came back from the TSV writer with a trailing space (an error);
    /// a term starting with `#` or `"` came back as a comment or unquoted.
    @Test func tsvWriterRoundTripsEveryValidEntry() {
        let entries = [
            GlossaryEntry(ar: "شحنة", en: "shipment", note: "سطر أول\nسطر ثان\n", line: 2),
            GlossaryEntry(ar: "#رسوم", en: "\"duties\" paid", note: "\"quoted\"", avoid: ["dues"], exact: true, line: 3),
        ]
        #expect(GlossaryValidator.validate(entries) == [])
        let back = GlossaryLoader.parse(Data(GlossaryTSVWriter.write(entries).utf8), file: "x.tsv", format: .tsv)
        #expect(back.problems == [])
        #expect(back.entries.map(\.ar) == entries.map(\.ar))
        #expect(back.entries.map(\.en) == entries.map(\.en))
        #expect(back.entries.map(\.note) == entries.map(\.note))
        #expect(back.entries.map(\.exact) == [false, true])
    }

    /// U+FFFF in a term passed validation, then vanished in the TBX round trip (XML cannot hold it).
    @Test func noncharactersInTermsAreProblems() {
        let entry = GlossaryEntry(ar: "المنشأ\u{FFFF}", en: "origin", line: 2)
        let problems = GlossaryValidator.validate([entry])
        #expect(problems.contains { $0.message.contains("U+FFFF") })
    }

    /// The seed corpus and the fuzzer's reproducer files (crash-*), read as the target reads them
    /// (first byte: TSV, CSV, TBX), so every `swift test` replays them.
    @Test func fuzzReproducersLoadOrReportProblems() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/glossary")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!files.isEmpty)
        let formats: [GlossaryLoader.Format] = [.tsv, .csv, .tbx]  // as GlossaryTarget
        for file in files {
            let data = try [UInt8](Data(contentsOf: dir.appendingPathComponent(file)))
            guard let first = data.first else { continue }
            let parsed = GlossaryLoader.parse(Data(data.dropFirst()), file: file, format: formats[Int(first) % 3])
            guard !parsed.problems.contains(where: { $0.severity == .error }) else { continue }
            // Loaded cleanly: then the TSV writer's output loads cleanly as well.
            let back = GlossaryLoader.parse(Data(GlossaryTSVWriter.write(parsed.entries).utf8), file: "b.tsv", format: .tsv)
            #expect(back.problems.filter { $0.severity == .error } == [], "\(file)")
            #expect(back.entries.map(\.note) == parsed.entries.map(\.note), "\(file)")
        }
    }
}
