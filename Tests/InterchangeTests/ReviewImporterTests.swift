import BayanCore
import Foundation
import Interchange
import Outputs
import ReviewImport
import Testing
import Translation

@Suite struct ReviewImporterTests {
    func plan(_ text: String, name: String = "reviewed.xlf", docs: [ReviewDocument] = [Doc.document()]) throws -> ReviewImportPlan {
        try ReviewImporter.plan(Array(text.utf8), fileName: name, documents: MemoryDocuments(docs))
    }

    func refused(_ text: String, name: String = "reviewed.xlf", docs: [ReviewDocument] = [Doc.document()]) -> ReviewImportRefusal? {
        do {
            _ = try plan(text, name: name, docs: docs)
            return nil
        } catch let refusal as ReviewImportRefusal {
            return refusal
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    /// final/reviewed approve (with the edited English where it changed), translated edits,
    /// a target-less segment is left alone; the second import of the same file changes nothing.
    @Test func catEditedXLIFF2GivesApprovalsAndEditsOnce() async throws {
        let documents = MemoryDocuments([Doc.document()])
        let sink = RecordingSink(documents)
        let run = ReviewImportRun(documents: documents, sink: sink, pairs: RecordingPairs())
        let report = try await run.run(Array(ReaderTests.catEdited.utf8), fileName: "pr-7 from translator.xlf")
        #expect(report.plan.format == "XLIFF 2")
        let changes = try #require(report.plan.documents.first).changes
        #expect(report.plan.documents.map(\.documentID) == ["pr-7"])  // by <file original>, not the file name
        #expect(changes == [
            ReviewImportChange(segmentID: 1, english: nil, action: .approve, unitID: "s1"),
            ReviewImportChange(segmentID: 2, english: "The director general said the Authority is committed to protecting society.", action: .approve, unitID: "s2"),
            ReviewImportChange(segmentID: 3, english: "The seizure was valued at AED 3.2 million.", action: .edit, unitID: "s3"),
        ])
        #expect(report.plan.documents.first?.leftAlone == 1)
        #expect(sink.calls.withLock { $0.map(\.2) } == ["pr-7 from translator.xlf"])
        let again = try await run.run(Array(ReaderTests.catEdited.utf8), fileName: "pr-7 from translator.xlf")
        #expect(again.plan.changesNothing)
        #expect(again.plan.documents.first?.unchanged == 3)
        #expect(sink.calls.withLock { $0.count } == 1)  // nothing applied the second time
    }

    /// Bayan's own XLIFF 1.2 with units approved, signed off, edited and new; matched by the
    /// file name when `original` names no document.
    @Test func xliff12StatesAndMatchingByFileName() throws {
        var file = try XLIFF12File.read(try XLIFF12Writer().render(Doc.result(), stem: "elsewhere"))
        file.files[0].units[0].approved = true
        file.files[0].units[1].targetState = "signed-off"
        file.files[0].units[1].target = "The director-general said the Authority is committed to protecting society."
        file.files[0].units[2].target = "Seizure worth AED 3.2 million."
        file.files[0].units[3].target = "He praised the inspectors."
        file.files[0].units[3].targetState = "new"
        let plan = try ReviewImporter.plan(file.render(), fileName: "pr-7.xliff12 (2).xlf", documents: MemoryDocuments([Doc.document()]))
        #expect(plan.documents.map(\.documentID) == ["pr-7"])
        #expect(plan.documents[0].changes.map(\.segmentID) == [1, 2, 3])
        #expect(plan.documents[0].changes.map(\.action) == [.approve, .approve, .edit])
        #expect(plan.documents[0].leftAlone == 1)
    }

    /// A changed source, a unit matching nothing and two contradicting units are all listed,
    /// with ids and both texts; nothing is planned.
    @Test func everyProblemIsListedAndTheFileIsRefusedWhole() throws {
        let changed = ReaderTests.catEdited
            .replacingOccurrences(of: "وبلغت قيمة الضبطية 3.2", with: "وبلغت قيمة الضبطية 4.2")
            .replacingOccurrences(of: "<segment id=\"s4\"><source>وأشاد بجهود المفتشين.</source>", with: "<segment id=\"s9\" state=\"final\"><source>جملة لم تكن في البيان.</source>")
        let refusal = try #require(refused(changed))
        #expect(refusal.problems.count == 2)
        #expect(refusal.problems[0].unitID == "s3")
        #expect(refusal.problems[0].fileText == "وبلغت قيمة الضبطية 4.2 مليون درهم.")
        #expect(refusal.problems[0].documentText == "وبلغت قيمة الضبطية 3.2 مليون درهم.")
        #expect(refusal.problems[1].unitID == "s9")
        #expect(refusal.description.contains("nothing was changed"))
        #expect(refusal.description.contains("s3") && refusal.description.contains("4.2") && refusal.description.contains("3.2"))
    }

    @Test func unknownDocumentTruncatedFileAndXXEAreRefused() throws {
        let unknown = ReaderTests.catEdited.replacingOccurrences(of: "original=\"pr-7\"", with: "original=\"pr-99\"")
        let r1 = try #require(refused(unknown, name: "notes.xlf"))
        #expect(r1.problems.first?.message.contains("no published document \"pr-99\" or \"notes\"") == true)
        let r2 = try #require(refused(String(ReaderTests.catEdited.prefix(900))))
        #expect(r2.problems.first?.message.contains("cut short") == true)
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n" + ReaderTests.catEdited.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let r3 = try #require(refused(xxe))
        #expect(r3.problems.first?.message.contains("DOCTYPE") == true)
        // A source normalized the way the memory normalizes matches (tatweel, spacing).
        let spaced = ReaderTests.catEdited.replacingOccurrences(of: "وأشاد بجهود المفتشين.</source><target/>", with: "وأشـــاد  بجهود\n المفتشين.</source><target>He praised the inspectors.</target>")
            .replacingOccurrences(of: "<segment id=\"s4\">", with: "<segment id=\"s4\" state=\"final\">")
        let accepted = try plan(spaced)
        #expect(accepted.documents[0].changes.last == ReviewImportChange(segmentID: 4, english: "He praised the inspectors.", action: .approve, unitID: "s4"))
    }

    /// Bayan's TMX comes back with an edit; a unit matching no sentence goes to the memory (the
    /// real one, as reviewed), once.
    @Test func tmxApprovesMatchesAndRemembersTheRest() async throws {
        var tmx = try TMXFile.read(try TMXWriter().render(Doc.result(), stem: "pr-7"))
        tmx.units[1].variants[1].text = "The director-general said the Authority is committed."
        tmx.units.append(TMXFile.Unit(tuid: "extra", variants: [
            TMXFile.Variant(lang: "ar-AE", text: "الهيئة الاتحادية للجمارك"), TMXFile.Variant(lang: "en-GB", text: "Federal Customs Authority"),
        ]))
        tmx.units.append(TMXFile.Unit(tuid: "arabic only", variants: [TMXFile.Variant(lang: "ar", text: "فقط")]))
        let folder = try Temp.directory()
        let memory = try TranslationMemory(path: folder + "/memory.sqlite")
        let documents = MemoryDocuments([Doc.document()])
        let run = ReviewImportRun(documents: documents, sink: RecordingSink(documents), pairs: MemoryReviewedPairs(memory: memory))
        let report = try await run.run(tmx.render(), fileName: "anything.tmx")
        #expect(report.plan.documents[0].changes.map(\.segmentID) == [1, 2, 3])
        #expect(report.plan.documents[0].changes[1].english == "The director-general said the Authority is committed.")
        #expect(report.plan.memoryOnly.map(\.target) == ["Federal Customs Authority"])
        #expect(report.plan.skipped == 1)
        #expect(report.remembered == 1)
        let key = MemoryKey(source: "الهيئة الاتحادية للجمارك", terms: [])
        #expect(try memory.lookup([key], scope: MemoryScope(engine: "libretranslate"))[key] == "Federal Customs Authority")
        let again = try await run.run(tmx.render(), fileName: "anything.tmx")
        #expect(again.plan.documents[0].changes.isEmpty)
        #expect(again.remembered == 0)
        #expect(try memory.count() == 1)
        // A changed Arabic under Bayan's own segment id is refused, not sent to the memory.
        tmx.units[0].variants[0].text = "جمارك دبي تضبط شحنة أسلحة."
        #expect(throws: ReviewImportRefusal.self) { _ = try ReviewImporter.plan(tmx.render(), fileName: "x.tmx", documents: documents) }
    }

    /// Without the review approval path a file with sentence changes fails saying so, and the
    /// memory is not touched (all or nothing).
    @Test func unavailableSinkRefusesHonestly() async throws {
        let documents = MemoryDocuments([Doc.document()])
        let pairs = RecordingPairs()
        let run = ReviewImportRun(documents: documents, sink: UnavailableReviewSink(), pairs: pairs)
        await #expect(throws: BayanError.self) { _ = try await run.run(Array(ReaderTests.catEdited.utf8), fileName: "pr-7.xlf") }
        #expect(pairs.stored.withLock { $0.isEmpty })
    }

    @Test func stemOfReviewedFileNames() {
        #expect(ReviewImporter.stem(of: "pr-7.xliff12.xlf") == "pr-7")
        #expect(ReviewImporter.stem(of: "/x/pr-7 (3).tmx") == "pr-7")
        #expect(ReviewImporter.stem(of: "بيان 2025.xlf") == "بيان 2025")
        #expect(ReviewImporter.stem(of: "v1.2.notes") == "v1.2.notes")
    }
}

/// Documents as published: `out/<id>/result.json` written by the real writer and publisher.
@Suite struct PublishedDocumentsTests {
    @Test func readsPublishedResultsAndNothingOutsideOut() throws {
        let root = try Temp.directory()
        let out = root + "/out"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let publisher = AtomicPublisher(outDirectory: out, tmpDirectory: root + "/tmp")
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        let stem = try publisher.publish(Doc.result(), writers: StandardWriters.writers(for: ["xliff"]).writers, preferredStem: "pr-7", jobID: "j1")
        #expect(stem == "pr-7")
        let documents = PublishedDocuments(outDirectory: out)
        let document = try #require(try documents.document(id: "pr-7"))
        #expect(document.segments == Doc.document().segments)
        // A result.json outside out/ is never looked at, whatever the file names.
        try FileManager.default.createDirectory(atPath: root + "/outside", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: out + "/pr-7/result.json", toPath: root + "/outside/result.json")
        for id in ["../outside", "..", ".", "", "pr-7/../../outside", ".hidden"] {
            #expect(try documents.document(id: id) == nil, "\(id)")
        }
        #expect(try documents.document(id: "pr-8") == nil)
        // The published XLIFF names its document and imports against it.
        let xlf = Array(try Data(contentsOf: URL(fileURLWithPath: out + "/pr-7/pr-7.xlf")))
        let plan = try ReviewImporter.plan(xlf, fileName: "whatever.xlf", documents: documents)
        #expect(plan.documents.map(\.documentID) == ["pr-7"])
        #expect(plan.changeCount == 0 && plan.documents[0].unchanged == 3)  // translated, as published
    }
}
