import BayanCore
import Foundation
import Interchange
import Outputs
import ReviewImport
import Testing

/// Files that went through translate-toolkit (3.20, from the project's venv), the way an
/// outside translator's tools treat them, import with the right changes.
@Suite struct ToolkitRoundTripTests {
    /// Bayan's XLIFF 1.2 → `xliff2po` → the PO edited (one entry unfuzzied with new English,
    /// one left fuzzy with new English, one untouched) → `pomerge -t` back into the XLIFF.
    @Test func xliff12ThroughPOAndPomergeImports() throws {
        let folder = try Temp.directory()
        let original = folder + "/pr-7.xliff12.xlf"
        try Data(try XLIFF12Writer().render(Doc.result(), stem: "pr-7")).write(to: URL(fileURLWithPath: original))
        let toPO = try Tools.run(Tools.python("xliff2po"), [original, folder + "/pr-7.po"])
        #expect(toPO.status == 0, "xliff2po: \(toPO.stderr)")
        var po = try String(contentsOfFile: folder + "/pr-7.po", encoding: .utf8)
        po = try edit(po, arabic: Doc.sentences[0].1, to: "Dubai Customs seized drugs at Jebel Ali port.", unfuzzy: true)
        po = try edit(po, arabic: Doc.sentences[2].1, to: "The seizure was valued at AED 3.2 million.", unfuzzy: false)
        po = try edit(po, arabic: Doc.sentences[1].1, to: nil, unfuzzy: true)
        try po.write(toFile: folder + "/edited.po", atomically: true, encoding: .utf8)
        let merged = folder + "/merged.xlf"
        let merge = try Tools.run(Tools.python("pomerge"), ["-t", original, "-i", folder + "/edited.po", "-o", merged])
        #expect(merge.status == 0, "pomerge: \(merge.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: merged)))
        let plan = try ReviewImporter.plan(bytes, fileName: "merged.xlf", documents: MemoryDocuments([Doc.document()]))
        #expect(plan.format == "XLIFF 1.2")
        #expect(plan.documents.map(\.documentID) == ["pr-7"])  // from <file original>, kept by pomerge
        let changes = plan.documents.first?.changes ?? []
        #expect(changes == [
            ReviewImportChange(segmentID: 1, english: "Dubai Customs seized drugs at Jebel Ali port.", action: .approve, unitID: "s1"),
            ReviewImportChange(segmentID: 2, english: nil, action: .approve, unitID: "s2"),
            ReviewImportChange(segmentID: 3, english: "The seizure was valued at AED 3.2 million.", action: .edit, unitID: "s3"),
        ], "merged file:\n\(String(decoding: bytes, as: UTF8.self))")
    }

    /// A PO turned into TMX by `po2tmx --source-language ar -l en` (no document id, header
    /// srclang wrong, fuzzy entries left out) imports by its file name.
    @Test func po2tmxOutputImports() throws {
        let folder = try Temp.directory()
        let original = folder + "/pr-7.xliff12.xlf"
        try Data(try XLIFF12Writer().render(Doc.result(), stem: "pr-7")).write(to: URL(fileURLWithPath: original))
        #expect(try Tools.run(Tools.python("xliff2po"), [original, folder + "/pr-7.po"]).status == 0)
        var po = try String(contentsOfFile: folder + "/pr-7.po", encoding: .utf8)
        po = try edit(po, arabic: Doc.sentences[2].1, to: "The seizure was valued at AED 3.2 million.", unfuzzy: true)
        po = try edit(po, arabic: Doc.sentences[0].1, to: nil, unfuzzy: true)
        po += "\nmsgid \"الهيئة الاتحادية للجمارك\"\nmsgstr \"Federal Customs Authority\"\n"
        try po.write(toFile: folder + "/edited.po", atomically: true, encoding: .utf8)
        let tmxPath = folder + "/pr-7.tmx"
        let convert = try Tools.run(Tools.python("po2tmx"), ["--source-language", "ar", "-l", "en", folder + "/edited.po", tmxPath])
        #expect(convert.status == 0, "po2tmx: \(convert.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: tmxPath)))
        let plan = try ReviewImporter.plan(bytes, fileName: "pr-7.tmx", documents: MemoryDocuments([Doc.document()]))
        #expect(plan.format == "TMX")
        #expect(plan.documents.first?.changes == [
            ReviewImportChange(segmentID: 1, english: nil, action: .approve, unitID: plan.documents.first?.changes.first?.unitID ?? ""),
            ReviewImportChange(segmentID: 3, english: "The seizure was valued at AED 3.2 million.", action: .approve, unitID: plan.documents.first?.changes.last?.unitID ?? ""),
        ], "po2tmx wrote:\n\(String(decoding: bytes, as: UTF8.self))")
        #expect(plan.memoryOnly.map(\.target) == ["Federal Customs Authority"])
    }

    /// Bayan's XLIFF 2.1 edited through translate-toolkit's XLIFF 2 API (as a CAT tool built on
    /// it does): two segments approved (`state="reviewed"`), one of them with new English, and a
    /// note written inside a segment.
    @Test func xliff2EditedWithTheToolkitAPIImports() throws {
        let folder = try Temp.directory()
        let path = folder + "/pr-7.xlf"
        try Data(try XLIFFWriter().render(Doc.result(), stem: "pr-7")).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys
            from translate.storage.xliff2 import Xliff2File
            f = Xliff2File.parsefile(sys.argv[1])
            units = [u for u in f.getunits() if u.source]
            units[0].markapproved(True)
            units[1].target = "The director-general said the Authority is committed."
            units[1].markapproved(True)
            units[2].addnote("checked with the press office", origin="translator")
            open(sys.argv[1], "wb").write(bytes(f))
            """
        let edit = try Tools.run(Tools.python("python"), ["-c", script, path])
        #expect(edit.status == 0, "python: \(edit.stderr)")
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: bytes, as: UTF8.self).contains("<notes>"))
        let plan = try ReviewImporter.plan(bytes, fileName: "returned.xlf", documents: MemoryDocuments([Doc.document()]))
        #expect(plan.documents.first?.changes == [
            ReviewImportChange(segmentID: 1, english: nil, action: .approve, unitID: "s1"),
            ReviewImportChange(segmentID: 2, english: "The director-general said the Authority is committed.", action: .approve, unitID: "s2"),
        ], "edited file:\n\(String(decoding: bytes, as: UTF8.self))")
        #expect(plan.documents.first?.unchanged == 1)  // s3: still translated, English as it was
        #expect(plan.documents.first?.leftAlone == 1)  // s4: initial, no target
    }

    /// Changes the PO entry of one Arabic sentence: a new msgstr (nil keeps it) and, with
    /// `unfuzzy`, the fuzzy flag removed (the translator accepted it).
    func edit(_ po: String, arabic: String, to new: String?, unfuzzy: Bool) throws -> String {
        var blocks = po.components(separatedBy: "\n\n")
        let index = try #require(blocks.firstIndex { $0.contains("msgid \"\(arabic)\"") }, "no PO entry for \(arabic) in:\n\(po)")
        var lines = blocks[index].components(separatedBy: "\n")
        if let new, let msgstr = lines.firstIndex(where: { $0.hasPrefix("msgstr") }) {
            lines = Array(lines[..<msgstr]) + ["msgstr \"\(new)\""]
        }
        if unfuzzy {
            lines = lines.filter { $0 != "#, fuzzy" }.map { $0.hasPrefix("#, fuzzy, ") ? "#, " + $0.dropFirst(10) : $0 }
        }
        blocks[index] = lines.joined(separator: "\n")
        return blocks.joined(separator: "\n\n")
    }
}
