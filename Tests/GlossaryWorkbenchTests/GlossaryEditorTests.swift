import Foundation
import Glossary
import GlossaryWorkbench
import Logging
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct GlossaryEditorTests {
    /// A hand-kept TSV: comments, a blank line, CRLF, an extra column, a quoted two-line note.
    static let handKept = [
        "ar\ten\tnote\tsource_id\tavoid",
        "# Customs terms kept by the communications team",
        "جمارك دبي\tDubai Customs\tofficial name\tA-17\t",
        "",
        "شحنة\tshipment\t\"two\r\nlines\"\tA-18\tconsignment",
        "# end of section",
        "المنطقة الحرة\tfree zone\t\tA-19\t",
    ].joined(separator: "\r\n") + "\r\n"

    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func editKeepsEveryOtherByteAndTheExtraColumn() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", Self.handKept)
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        #expect(read.problems.contains { $0.severity == .warning && $0.message.contains("source_id") })
        let freeZone = try #require(read.entries.first { $0.en == "free zone" })
        let result = try editor.apply(
            .edit(line: freeZone.line, GlossaryEntryFields(ar: "المنطقة الحرة", en: "free zone", note: "Jebel Ali", avoid: ["free area"])),
            to: path, revision: read.revision, actor: "test")
        let before = lines(Array(Self.handKept.utf8)), after = lines(dir.bytes("g.tsv"))
        #expect(after.count == before.count)
        for (i, (a, b)) in zip(before, after).enumerated() where i != 7 { #expect(a == b, "line \(i + 1) changed") }
        #expect(after[7] == "المنطقة الحرة\tfree zone\tJebel Ali\tA-19\tfree area")
        #expect(result.after?.note == "Jebel Ali" && result.after?.line == freeZone.line)
        #expect(result.revision != read.revision)

        // An add appends one row written the file's way (CRLF, all five cells); nothing before it moves.
        let second = try editor.apply(.add(GlossaryEntryFields(ar: "التخليص الجمركي", en: "customs clearance")),
                                      to: path, revision: result.revision, actor: "test")
        let added = dir.bytes("g.tsv")
        let previous = Array(after.joined(separator: "\r\n").utf8)
        #expect(Array(added.prefix(previous.count)) == previous)
        #expect(String(decoding: added.dropFirst(previous.count), as: UTF8.self) == "التخليص الجمركي\tcustoms clearance\t\t\t\r\n")
        #expect(second.after?.line == 9)

        // A delete takes the row and its line break, and only those.
        let third = try editor.apply(.delete(line: 3), to: path, revision: second.revision, actor: "test")
        let deleted = lines(dir.bytes("g.tsv"))
        #expect(deleted == lines(added).enumerated().filter { $0.offset != 2 }.map(\.element))
        #expect(third.before?.en == "Dubai Customs" && third.after == nil)
    }

    @Test func excelCSVKeepsBOMSemicolonsAndQuoting() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let csv = "\u{FEFF}\"ar\";\"en\";\"note\"\r\n\"جمارك دبي\";\"Dubai Customs\";\"says \"\"official\"\"\"\r\n\"شحنة\";\"shipment\";\"a\r\nb\"\r\n"
        let path = try dir.file("g.csv", Array(csv.utf8))
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        #expect(read.problems.isEmpty)
        #expect(read.layout?.delimiter == ";")
        _ = try editor.apply(.add(GlossaryEntryFields(ar: "ميناء", en: "port; harbour", note: "")), to: path, revision: read.revision, actor: "t")
        let bytes = dir.bytes("g.csv")
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: bytes, as: UTF8.self) == csv + "\"ميناء\";\"port; harbour\";\"\"\r\n")
        let back = try editor.read(path)
        #expect(back.entries.map(\.en) == ["Dubai Customs", "shipment", "port; harbour"])
        #expect(back.entries[1].note == "a\nb")
    }

    @Test func anInvalidChangeIsRefusedInTheCheckersWordsWithItsField() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", Self.handKept)
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        func refused(_ edit: GlossaryEdit) -> [GlossaryProblem] {
            do {
                _ = try editor.apply(edit, to: path, revision: read.revision, actor: "t")
                return []
            } catch {
                if case .invalid(let problems) = error { return problems }
                return []
            }
        }
        let emptyEnglish = refused(.add(GlossaryEntryFields(ar: "ميناء", en: "")))
        #expect(emptyEnglish.count == 1)
        #expect(emptyEnglish.first?.field == "en")
        // The same words a load of such a file prints (`bayan glossary check`).
        let loaded = GlossaryLoader.parse(Data((Self.handKept + "ميناء\t\t\t\t\r\n").utf8), file: path, format: .tsv)
        #expect(loaded.problems.filter { $0.severity == .error } == emptyEnglish)

        let duplicate = refused(.add(GlossaryEntryFields(ar: "شحنه", en: "cargo")))
        #expect(duplicate.first?.field == "ar")
        #expect(duplicate.first?.message.contains("is \"cargo\" here but \"shipment\" on line 5") == true)
        // Changing an earlier row into a copy of a later one is caught on the later row.
        let earlier = refused(.edit(line: 3, GlossaryEntryFields(ar: "المنطقة الحرة", en: "free zone")))
        #expect(earlier.contains { $0.line == 8 && $0.message.contains("duplicate of line 3") && $0.field == "ar" }, "\(earlier)")
        let swapped = refused(.edit(line: 3, GlossaryEntryFields(ar: "Dubai Customs", en: "جمارك دبي")))
        #expect(swapped.contains { $0.field == "ar" && $0.message.contains("columns look swapped") })
        let badAvoid = refused(.add(GlossaryEntryFields(ar: "ميناء", en: "port", avoid: ["harbour|haven"])))
        #expect(badAvoid.contains { $0.field == "avoid" })
        #expect(dir.bytes("g.tsv") == Array(Self.handKept.utf8))
    }

    @Test func aFileChangedOnDiskIsNeverClobbered() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", Self.handKept)
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        // Someone else edits the file by hand meanwhile.
        let theirs = Self.handKept.replacingOccurrences(of: "shipment", with: "consignment of goods")
        _ = try dir.file("g.tsv", theirs)
        do {
            _ = try editor.apply(.edit(line: 5, GlossaryEntryFields(ar: "شحنة", en: "cargo")), to: path, revision: read.revision, actor: "t")
            Issue.record("the edit went through")
        } catch {
            guard case .conflict(let conflict) = error else { Issue.record("\(error)"); return }
            #expect(conflict.onDisk?.en == "consignment of goods")
            #expect(conflict.yours?.en == "cargo")
            #expect(conflict.description.contains("changed on disk since it was read"))
            #expect(conflict.description.contains("yours:   line 5 → «شحنة» → \"cargo\""))
            #expect(conflict.description.contains("on disk: line 5: «شحنة» → \"consignment of goods\""))
        }
        #expect(dir.bytes("g.tsv") == Array(theirs.utf8))
    }

    @Test func aValidChangeIsLiveAtOnceAndRecorded() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", "ar\ten\nشحنة\tshipment\n")
        chmod(path, 0o640)
        let store = GlossaryStore(files: [path], logger: Logger(label: "test"))
        let history = try GlossaryHistory(spoolRoot: dir.path + "/spool")
        let editor = GlossaryFileEditor(history: history, store: store)
        let read = try editor.read(path)
        let result = try editor.apply(.add(GlossaryEntryFields(ar: "التخليص الجمركي", en: "customs clearance")),
                                      to: path, revision: read.revision, actor: "amal")
        // The store reloaded inside the call: the next document's snapshot has the term.
        guard case .updated(_, let count) = result.reload else { Issue.record("\(String(describing: result.reload))"); return }
        #expect(count == 2)
        #expect(store.snapshot.matcher.matches(in: "وبالتخليص الجمركي").first?.en == "customs clearance")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        let changes = try history.changes()
        #expect(changes.count == 1)
        #expect(changes.first?.actor == "amal" && changes.first?.action == .add)
        #expect(changes.first?.after?.en == "customs clearance" && changes.first?.before == nil)
        #expect(changes.first?.revisionBefore == read.revision && changes.first?.revisionAfter == result.revision)
        _ = try editor.apply(.edit(line: 3, GlossaryEntryFields(ar: "التخليص الجمركي", en: "clearance")), to: path, revision: result.revision, actor: "omar")
        let edited = try history.changes()
        #expect(edited.map(\.actor) == ["omar", "amal"])
        #expect(edited.first?.before?.en == "customs clearance" && edited.first?.after?.en == "clearance")
    }

    @Test func headerlessAndNarrowFilesAndTBX() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let deepl = try dir.file("deepl.txt", "جمارك دبي\tDubai Customs\n")
        let editor = GlossaryFileEditor()
        let read = try editor.read(deepl)
        #expect(read.layout?.headerless == true)
        _ = try editor.apply(.add(GlossaryEntryFields(ar: "شحنة", en: "shipment")), to: deepl, revision: read.revision, actor: "t")
        #expect(String(decoding: dir.bytes("deepl.txt"), as: UTF8.self) == "جمارك دبي\tDubai Customs\nشحنة\tshipment\n")
        do {
            _ = try editor.apply(.add(GlossaryEntryFields(ar: "ميناء", en: "port", note: "x")), to: deepl, revision: try editor.read(deepl).revision, actor: "t")
            Issue.record("a note went into a headerless file")
        } catch {
            guard case .invalid(let problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.first?.field == "note")
            #expect(problems.first?.message.contains("has no header row") == true)
        }
        // A header without `avoid`: the column is added to the header, the rows stay.
        let narrow = try dir.file("narrow.tsv", "ar\ten\t\nشحنة\tshipment\t\n")
        let n = try editor.read(narrow)
        _ = try editor.apply(.edit(line: 2, GlossaryEntryFields(ar: "شحنة", en: "shipment", avoid: ["cargo"])), to: narrow, revision: n.revision, actor: "t")
        #expect(String(decoding: dir.bytes("narrow.tsv"), as: UTF8.self) == "ar\ten\tavoid\nشحنة\tshipment\tcargo\n")
        // TBX is read-only.
        let tbx = try dir.file("g.tbx", TBXWriter.write(Glossary(entries: [GlossaryEntry(ar: "شحنة", en: "shipment")])))
        let t = try editor.read(tbx)
        #expect(!t.editable && t.entries.count == 1)
        #expect(throws: GlossaryEditError.self) {
            try editor.apply(.delete(line: t.entries[0].line), to: tbx, revision: t.revision, actor: "t")
        }
    }

    @Test func citationFormStripsProcliticsAsTheMatcherDoes() {
        #expect(TermOccurrences.citationForm(for: "وبالتخليص الجمركي،") == "التخليص الجمركي")
        #expect(TermOccurrences.citationForm(for: "للمنطقة الحرة") == "المنطقة الحرة")
        // No article: a bare و is stripped only where the rest is a known word.
        #expect(TermOccurrences.citationForm(for: "وزارة") == "وزارة")
        let glossary = Glossary(entries: [GlossaryEntry(ar: "شحنة", en: "shipment")])
        #expect(TermOccurrences.citationForm(for: "وشحنة", glossary: glossary) == "شحنة")
    }
}

@Suite struct GlossarySearchTests {
    let entries = [
        GlossaryEntry(ar: "التخليص الجمركي", en: "customs clearance", avoid: ["customs release"], line: 2),
        GlossaryEntry(ar: "مسؤول الجمارك", en: "customs official", note: "WCO usage", line: 3),
        GlossaryEntry(ar: "شحنة", en: "shipment", line: 4),
    ]

    @Test func arabicAsTheMatcherReadsItEnglishInAnyField() {
        // Clitics of the query, hamza seats, ة/ه and diacritics do not matter.
        #expect(GlossarySearch.filter(entries, query: "وبالتخليص").map(\.line) == [2])
        #expect(GlossarySearch.filter(entries, query: "مسئول").map(\.line) == [3])
        #expect(GlossarySearch.filter(entries, query: "شحنه").map(\.line) == [4])
        #expect(GlossarySearch.filter(entries, query: "شُحنة").map(\.line) == [4])
        #expect(GlossarySearch.filter(entries, query: "RELEASE").map(\.line) == [2])
        #expect(GlossarySearch.filter(entries, query: "wco").map(\.line) == [3])
        #expect(GlossarySearch.filter(entries, query: "customs").map(\.line) == [2, 3])
        #expect(GlossarySearch.filter(entries, query: " ").count == 3)
    }
}

@Suite struct TermOccurrencesTests {
    @Test func publishedAndQueuedSegmentsTheTermNowMatches() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        try FileManager.default.createDirectory(atPath: dir.path + "/out/release", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.path + "/inbox", withIntermediateDirectories: true)
        let result = """
        {"segments": [
          {"id": 1, "ar": "وبالتخليص الجمركي تبدأ الرحلة.", "en": "With customs release the journey begins."},
          {"id": 2, "ar": "زار الوفد الميناء.", "en": "The delegation visited the port."},
          {"id": 3, "ar": "ويتم التخليص الجمركي في دقائق.", "en": "Customs clearance takes minutes."}
        ]}
        """
        _ = try dir.file("out/release/result.json", result)
        _ = try dir.file("inbox/next.txt", "أعلنت الجمارك عن تسريع التخليص الجمركي. وزار الوفد الميناء.")
        let entry = GlossaryEntryFields(ar: "التخليص الجمركي", en: "customs clearance")
        let found = TermOccurrences.find(entry, spoolRoot: dir.path)
        #expect(found.map(\.place) == [.published, .published, .queued])
        #expect(found.map(\.segment) == [1, 3, 1])
        #expect(found[0].surface == "وبالتخليص الجمركي")
        #expect(found[0].englishHasTerm == false && found[1].englishHasTerm == true)
        #expect(found[2].document == "next.txt" && found[2].surface == "التخليص الجمركي")
        // A longer glossary term that wins the span keeps it.
        let longer = Glossary(entries: [GlossaryEntry(ar: "التخليص الجمركي الإلكتروني", en: "e-clearance")])
        let published = PublishedResults.segments(outDirectory: dir.path + "/out").segments
        #expect(TermOccurrences.find(entry, in: longer, published: [PublishedSegment(document: "x", id: 9, ar: "التخليص الجمركي الإلكتروني متاح.", en: "")]).isEmpty)
        #expect(TermOccurrences.find(entry, in: longer, published: published).count == 2)
    }
}

@Suite struct WorkbenchJSONTests {
    @Test func refusalsAndResultsEncodeForThePage() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", "ar\ten\nشحنة\tshipment\n")
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        func object(_ value: some Encodable) throws -> [String: Any] {
            let decoded = try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
            guard let dictionary = decoded as? [String: Any] else { throw CocoaError(.coderReadCorrupt) }
            return dictionary
        }
        let contents = try object(read)
        #expect(contents["revision"] as? String == read.revision && contents["editable"] as? Bool == true)
        do {
            _ = try editor.apply(.add(GlossaryEntryFields(ar: "ميناء", en: " port")), to: path, revision: read.revision, actor: "t")
            Issue.record("accepted a leading space")
        } catch {
            let json = try object(error)
            #expect(json["error"] as? String == "invalid")
            let problems = try #require(json["problems"] as? [[String: Any]])
            #expect(problems.first?["field"] as? String == "en")
            #expect(problems.first?["line"] as? Int == 3)
            #expect((problems.first?["message"] as? String)?.hasPrefix("en has a leading space") == true)
        }
        let result = try object(try editor.apply(.add(GlossaryEntryFields(ar: "ميناء", en: "port")), to: path, revision: read.revision, actor: "t"))
        #expect((result["after"] as? [String: Any])?["line"] as? Int == 3)
        #expect(result["previous_revision"] as? String == read.revision)
    }
}

@Suite struct ConcurrentEditTests {
    @Test func twoEditsOfOneRevisionWriteOnceAndRefuseTheOther() async throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", "ar\ten\nشحنة\tshipment\n")
        let history = try GlossaryHistory(spoolRoot: dir.path + "/spool")
        // Two editors, as two processes would have (they share only the file and the history's lock).
        let editors = [GlossaryFileEditor(history: history), GlossaryFileEditor(history: history)]
        let revision = try editors[0].read(path).revision
        let outcomes = await withTaskGroup(of: String.self) { group in
            for (i, editor) in editors.enumerated() {
                group.addTask {
                    do throws(GlossaryEditError) {
                        _ = try editor.apply(.edit(line: 2, GlossaryEntryFields(ar: "شحنة", en: i == 0 ? "consignment" : "cargo")),
                                             to: path, revision: revision, actor: "e\(i)")
                        return "written"
                    } catch {
                        if case .conflict = error { return "conflict" }
                        return "\(error)"
                    }
                }
            }
            var all: [String] = []
            for await o in group { all.append(o) }
            return all.sorted()
        }
        #expect(outcomes == ["conflict", "written"])
        let text = String(decoding: dir.bytes("g.tsv"), as: UTF8.self)
        #expect(text == "ar\ten\nشحنة\tconsignment\n" || text == "ar\ten\nشحنة\tcargo\n")
        #expect(try history.changes().count == 1)
    }

    @Test func aTabOrLineBreakInATermIsRefusedNotRewritten() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", "ar\ten\nشحنة\tshipment\n")
        let editor = GlossaryFileEditor()
        let revision = try editor.read(path).revision
        for bad in ["customs\tclearance", "customs\nclearance"] {
            #expect(throws: GlossaryEditError.self) {
                try editor.apply(.add(GlossaryEntryFields(ar: "التخليص", en: bad)), to: path, revision: revision, actor: "t")
            }
        }
        #expect(String(decoding: dir.bytes("g.tsv"), as: UTF8.self) == "ar\ten\nشحنة\tshipment\n")
    }
}

@Suite struct EditorEdgeTests {
    @Test func deletingARowWithATwoLineCellTakesBothLinesOnly() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let path = try dir.file("g.tsv", GlossaryEditorTests.handKept)
        let editor = GlossaryFileEditor()
        let read = try editor.read(path)
        let shipment = try #require(read.entries.first { $0.en == "shipment" })
        _ = try editor.apply(.delete(line: shipment.line), to: path, revision: read.revision, actor: "t")
        let expected = GlossaryEditorTests.handKept.replacingOccurrences(of: "شحنة\tshipment\t\"two\r\nlines\"\tA-18\tconsignment\r\n", with: "")
        #expect(String(decoding: dir.bytes("g.tsv"), as: UTF8.self) == expected)
    }

    @Test func aSymlinkedGlossaryKeepsItsLink() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let target = try dir.file("real.tsv", "ar\ten\nشحنة\tshipment")  // no final line break
        let link = dir.path + "/linked.tsv"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        let editor = GlossaryFileEditor()
        _ = try editor.apply(.add(GlossaryEntryFields(ar: "ميناء", en: "port")), to: link, revision: try editor.read(link).revision, actor: "t")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == target)
        #expect(String(decoding: dir.bytes("real.tsv"), as: UTF8.self) == "ar\ten\nشحنة\tshipment\nميناء\tport\n")
    }
}
