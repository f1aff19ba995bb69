import Foundation
import Glossary
import GlossaryWorkbench
import Testing

@Suite struct SuggestionMinerTests {
    static let set = TempDir.fixtures + "/suggestion-set"

    func reviewed(_ doc: String, _ id: Int, _ ar: String, _ mt: String, _ en: String) -> PublishedSegment {
        PublishedSegment(document: doc, id: id, ar: ar, en: en, mt: mt, origin: "reviewed")
    }

    @Test func aRepeatedCorrectionBecomesAProposalWithEvidence() {
        let segments = [
            reviewed("a", 1, "وتعتمد الجمارك على إدارة المخاطر في التفتيش.", "Customs relies on danger management in inspection.", "Customs relies on risk management in inspection."),
            reviewed("b", 4, "وبإدارة المخاطر تختار الجمارك الشحنات.", "With danger management, customs selects shipments.", "With risk management, customs selects shipments."),
            // The engine's own segments and an unreviewed one are not evidence.
            PublishedSegment(document: "c", id: 2, ar: "إدارة المخاطر مهمة.", en: "Danger management matters.", mt: "Danger management matters.", origin: "engine"),
        ]
        let found = SuggestionMiner.suggest(segments, glossary: .empty)
        #expect(found.count == 1)
        let s = try? #require(found.first)
        #expect(s?.ar == "إدارة المخاطر")
        #expect(s?.en == "risk management")
        #expect(s?.avoid == ["danger management"])
        #expect(s?.evidence == [.init(document: "a", segments: [1]), .init(document: "b", segments: [4])])
        #expect(s?.note == "learned from reviews: a #1; b #4")
        #expect(s?.replaces == nil)
    }

    @Test func oneSegmentOrAPhraseFoundEverywhereIsNotEnough() {
        let once = [
            reviewed("a", 1, "وتعتمد الجمارك على إدارة المخاطر.", "Customs relies on danger management.", "Customs relies on risk management."),
            reviewed("a", 2, "وتفتش الجمارك الشحنات.", "Customs inspects the shipments.", "Customs inspects the shipments."),
        ]
        #expect(SuggestionMiner.suggest(once, glossary: .empty).isEmpty)
        // The same sentence reviewed in five releases (boilerplate) is still one sentence.
        let boilerplate = (1...5).map { reviewed("r\($0)", 9, "وتعتمد الجمارك على إدارة المخاطر.", "Customs relies on danger management.", "Customs relies on risk management.") }
        #expect(SuggestionMiner.suggest(boilerplate, glossary: .empty).isEmpty)
        let twice = boilerplate + [reviewed("r6", 2, "وبإدارة المخاطر تختار الجمارك الشحنات.", "With danger management, customs selects shipments.", "With risk management, customs selects shipments.")]
        let found = SuggestionMiner.suggest(twice, glossary: .empty)
        #expect(found.map(\.support) == [2])
        #expect(found.first?.evidence.count == 6, "every copy is cited")
        // «الجمارك» is in all four reviewed segments, "stated" in two: no tie between them.
        let everywhere = [
            reviewed("a", 1, "وأكدت الجمارك النتائج.", "Customs said the results.", "Customs stated the results."),
            reviewed("a", 2, "وأعلنت الجمارك الأرقام.", "Customs said the figures.", "Customs stated the figures."),
            reviewed("a", 3, "وفتشت الجمارك السفينة.", "Customs searched the ship.", "Customs searched the ship."),
            reviewed("a", 4, "وأغلقت الجمارك المنفذ.", "Customs closed the port.", "Customs closed the port."),
        ]
        #expect(SuggestionMiner.suggest(everywhere, glossary: .empty).isEmpty)
    }

    @Test func acceptWritesThroughTheEditorAndRejectIsRemembered() throws {
        let dir = try TempDir()
        defer { dir.remove() }
        let glossaryText = try String(contentsOfFile: Self.set + "/glossary.tsv", encoding: .utf8)
        let path = try dir.file("glossary.tsv", glossaryText)
        let glossary = try #require(GlossaryLoader.load([path]).glossary)
        let history = try GlossaryHistory(spoolRoot: dir.path + "/spool")
        let review = SuggestionReview(editor: GlossaryFileEditor(history: history), history: history)
        let pending = try review.pending(outDirectory: Self.set + "/out", glossary: glossary)
        let clearance = try #require(pending.first { $0.ar == "التخليص الجمركي" })
        #expect(clearance.replaces?.en == "customs release")
        let read = try review.editor.read(path)
        let result = try review.accept(clearance, into: path, revision: read.revision, actor: "amal")
        // The seeded entry is corrected in place: its line, its note kept, the wrong English now avoided.
        #expect(result.after?.line == clearance.replaces?.line)
        #expect(result.after?.en == "customs clearance")
        #expect(result.after?.avoid == ["customs release"])
        #expect(result.after?.note == "seeded error: customs clearance; learned from reviews: release-a #1; release-b #1; release-c #3")
        #expect(try history.changes().first?.origin?.hasPrefix("suggestion: learned from reviews") == true)
        let rejected = try #require(pending.first { $0.ar != "التخليص الجمركي" })
        try review.reject(rejected, actor: "amal")
        let again = try review.pending(outDirectory: Self.set + "/out", glossary: try #require(GlossaryLoader.load([path]).glossary))
        #expect(!again.contains { $0.key == rejected.key })
        #expect(!again.contains { $0.ar == "التخليص الجمركي" }, "accepted: the glossary has it now")
        #expect(again.count == pending.count - 2, "\(again.map { "«\($0.ar)» → \($0.en)" })")
    }

    /// The precision figures of docs/BENCHMARKS.md: the development set (suggestion-set, which
    /// the miner was built on), held-out 1 (suggestion-heldout, whose misses led to one more
    /// change) and held-out 2 (suggestion-heldout-2, written after the last change). A proposal is true when its Arabic (normalized) and English (case aside) are a
    /// line of the set's expected.tsv. The bounds are below the measured figures, so a change
    /// that makes the miner worse fails here.
    @Test func precisionOnTheSeededSet() throws {
        for name in ["suggestion-set", "suggestion-heldout", "suggestion-heldout-2"] {
            let folder = TempDir.fixtures + "/" + name
            guard FileManager.default.fileExists(atPath: folder) else { continue }
            let glossary = try #require(GlossaryLoader.load([folder + "/glossary.tsv"]).glossary)
            let segments = PublishedResults.segments(outDirectory: folder + "/out").segments
            let expected = try String(contentsOfFile: folder + "/expected.tsv", encoding: .utf8)
                .split(separator: "\n").filter { !$0.hasPrefix("#") }
                .map { $0.split(separator: "\t").map(String.init) }
                .map { GlossaryValidator.matchKey($0[0]) + "\t" + $0[1].lowercased() }
            let found = SuggestionMiner.suggest(segments, glossary: glossary)
            let keys = found.map { GlossaryValidator.matchKey($0.ar) + "\t" + $0.en.lowercased() }
            let truePositives = keys.filter(expected.contains).count
            let precision = Double(truePositives) / Double(max(1, found.count))
            let recall = Double(truePositives) / Double(expected.count)
            print("suggestion precision [\(name)]: \(truePositives)/\(found.count) proposals true (\(Int((precision * 100).rounded()))%), recall \(truePositives)/\(expected.count); false: \(found.filter { !expected.contains(GlossaryValidator.matchKey($0.ar) + "\t" + $0.en.lowercased()) }.map { "«\($0.ar)» → \($0.en)" })")
            #expect(precision >= 0.75, "\(name)")
            #expect(recall >= 0.5, "\(name)")
        }
    }
}
