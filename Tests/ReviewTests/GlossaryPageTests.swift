import Foundation
import Glossary
import GlossaryWorkbench
import Logging
import Testing
import Workspace

/// The glossary page's API over a real workspace, a real glossary file and the live store the
/// daemon would share (issue 14).
@Suite struct GlossaryPageTests {
    struct Setup {
        let f: ReviewFixture
        let h: WorkspaceHarness
        let store: GlossaryStore
        let tsv: String
        let tbx: String
    }

    static let header = "ar\ten\tnote\tavoid\tmatch\n# kept by hand: this comment stays\n"

    static func start() async throws -> Setup {
        let f = try ReviewFixture()
        let dir = f.layout.root + "/glossaries"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let tsv = dir + "/office.tsv"
        try Data((header + "شحنة\tshipment\t\t\t\n").utf8).write(to: URL(fileURLWithPath: tsv))
        let tbx = dir + "/terms.tbx"
        try Data(TBXWriter.write(Glossary(entries: [GlossaryEntry(ar: "ميناء", en: "port")])).utf8).write(to: URL(fileURLWithPath: tbx))
        let store = GlossaryStore(files: [tsv, tbx], logger: Logger(label: "glossary-test"))
        let glossary = try WorkspaceGlossary(store: store, spoolRoot: f.layout.root)
        let h = try await WorkspaceHarness.start(f, glossary: glossary)
        try await h.name("Amal")
        return Setup(f: f, h: h, store: store, tsv: tsv, tbx: tbx)
    }

    static func revision(_ s: Setup, _ path: String) async throws -> String {
        let list = s.h.json(try await s.h.send("GET", "/api/glossary"))
        let files = list["files"] as? [[String: Any]] ?? []
        return files.first { $0["path"] as? String == path }?["revision"] as? String ?? ""
    }

    static func body(_ object: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func anAddedTermIsInTheFileAndLiveAtOnceAndInTheHistory() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let page = try await s.h.send("GET", "/glossary")
        #expect(page.status == 200)
        #expect(page.bodyText.contains("شحنة") && page.bodyText.contains("read-only"))
        let rev = try await Self.revision(s, s.tsv)
        let add = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.tsv, "revision": rev, "action": "add",
            "entry": ["ar": "التخليص الجمركي", "en": "customs clearance", "avoid": ["customs release"]],
        ]))
        #expect(add.status == 200, "\(add.bodyText)")
        let result = s.h.json(add)["result"] as? [String: Any]
        #expect(result?["reload"] as? String == "updated")
        // Live for the next document without a reload tick; the hand-written comment kept.
        #expect(s.store.snapshot.matcher.matches(in: "وبالتخليص الجمركي").first?.en == "customs clearance")
        let text = try String(contentsOfFile: s.tsv, encoding: .utf8)
        #expect(text.hasPrefix(Self.header + "شحنة\tshipment"))
        #expect(text.contains("التخليص الجمركي\tcustoms clearance\t\tcustoms release"))
        // Search folds the Arabic as the matcher does (a clitic on the query).
        let found = s.h.json(try await s.h.send("GET", "/api/glossary?q=" + "وبالتخليص".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect((found["entries"] as? [[String: Any]])?.map { $0["en"] as? String } == ["customs clearance"])
        let history = s.h.json(try await s.h.send("GET", "/api/glossary/history"))
        let change = (history["changes"] as? [[String: Any]])?.first
        #expect(change?["actor"] as? String == "Amal" && change?["action"] as? String == "add")
        #expect(try await s.h.send("GET", "/glossary").bodyText.contains("customs clearance"))
    }

    @Test func editThenDeleteKeepTheRestOfTheFileByteForByte() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let original = try String(contentsOfFile: s.tsv, encoding: .utf8)
        let edit = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.tsv, "revision": try await Self.revision(s, s.tsv), "action": "edit", "line": 3,
            "entry": ["ar": "شحنة", "en": "consignment", "avoid": ["shipment"]],
        ]))
        #expect(edit.status == 200, "\(edit.bodyText)")
        #expect(try String(contentsOfFile: s.tsv, encoding: .utf8) == Self.header + "شحنة\tconsignment\t\tshipment\t\n")
        #expect(s.store.snapshot.matcher.matches(in: "والشحنة").first?.en == "consignment")
        let revision = (s.h.json(edit)["result"] as? [String: Any])?["revision"] as? String ?? ""
        let delete = try await s.h.change("/api/glossary/entries", json: try Self.body(["file": s.tsv, "revision": revision, "action": "delete", "line": 3]))
        #expect(delete.status == 200, "\(delete.bodyText)")
        #expect(try String(contentsOfFile: s.tsv, encoding: .utf8) == Self.header)
        #expect(original.hasPrefix(Self.header))
        #expect(s.store.snapshot.matcher.matches(in: "والشحنة").isEmpty)
        let history = s.h.json(try await s.h.send("GET", "/api/glossary/history"))["changes"] as? [[String: Any]] ?? []
        #expect(history.map { $0["action"] as? String } == ["delete", "edit"])
    }

    @Test func anInvalidRowIsRefusedBesideItsFieldAndTheRunningGlossaryStays() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let before = try Data(contentsOf: URL(fileURLWithPath: s.tsv))
        let version = s.store.snapshot.version
        let rev = try await Self.revision(s, s.tsv)
        let bad = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.tsv, "revision": rev, "action": "add", "entry": ["ar": "ميناء جافا", "en": ""],
        ]))
        #expect(bad.status == 422)
        let error = s.h.json(bad)["error"] as? [String: Any]
        #expect(error?["error"] as? String == "invalid")
        let problem = (error?["problems"] as? [[String: Any]])?.first
        #expect(problem?["field"] as? String == "en")
        #expect((problem?["message"] as? String ?? "").isEmpty == false)
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.tsv)) == before)
        #expect(s.store.snapshot.version == version)
        #expect(try await s.h.send("GET", "/api/glossary/history").bodyText.contains("ميناء جافا") == false)
    }

    @Test func aFileChangedOnDiskIsAConflictWithBothVersionsAndNothingClobbered() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let rev = try await Self.revision(s, s.tsv)
        // Someone edits the file by hand after the page read it.
        let theirs = Self.header + "شحنة\tconsignment\t\t\t\n"
        try Data(theirs.utf8).write(to: URL(fileURLWithPath: s.tsv))
        let stale = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.tsv, "revision": rev, "action": "edit", "line": 3, "entry": ["ar": "شحنة", "en": "cargo"],
        ]))
        #expect(stale.status == 409)
        let error = s.h.json(stale)["error"] as? [String: Any]
        #expect(error?["error"] as? String == "conflict")
        #expect((error?["yours"] as? [String: Any])?["en"] as? String == "cargo")
        #expect((error?["on_disk"] as? [String: Any])?["en"] as? String == "consignment")
        #expect(try String(contentsOfFile: s.tsv, encoding: .utf8) == theirs)
    }

    @Test func tbxIsReadOnlyAndUnlistedFilesAreRefused() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let list = s.h.json(try await s.h.send("GET", "/api/glossary"))
        let tbx = (list["files"] as? [[String: Any]])?.first { $0["path"] as? String == s.tbx }
        #expect(tbx?["editable"] as? Bool == false)
        #expect((tbx?["read_only_reason"] as? String ?? "").contains("TBX"))
        let before = try Data(contentsOf: URL(fileURLWithPath: s.tbx))
        let refused = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.tbx, "revision": tbx?["revision"] as? String ?? "", "action": "add", "entry": ["ar": "شحنة", "en": "shipment"],
        ]))
        #expect(refused.status == 403)
        #expect((s.h.json(refused)["error"] as? [String: Any])?["error"] as? String == "read_only")
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.tbx)) == before)
        // A path outside glossary.files is never written.
        let outside = try await s.h.change("/api/glossary/entries", json: try Self.body([
            "file": s.f.layout.root + "/evil.tsv", "revision": "x", "action": "add", "entry": ["ar": "شحنة", "en": "shipment"],
        ]))
        #expect(outside.status == 404)
        #expect(!FileManager.default.fileExists(atPath: s.f.layout.root + "/evil.tsv"))
    }

    @Test func aChangeWithoutTheCSRFTokenOrFromAnotherOriginIsRefused() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        let before = try Data(contentsOf: URL(fileURLWithPath: s.tsv))
        let rev = try await Self.revision(s, s.tsv)
        let json = try Self.body(["file": s.tsv, "revision": rev, "action": "add", "entry": ["ar": "ميناء جافا", "en": "dry port"]])
        let noToken = try await s.h.send("POST", "/api/glossary/entries", headers: [("Content-Type", "application/json"), ("Origin", s.h.base)], body: Array(json.utf8))
        #expect(noToken.status == 403)
        let foreign = try await s.h.change("/api/glossary/entries", json: json, origin: "http://attacker.example")
        #expect(foreign.status == 403)
        #expect(try Data(contentsOf: URL(fileURLWithPath: s.tsv)) == before)
        // The citation form for a selection strips the clitics as the matcher does.
        let citation = s.h.json(try await s.h.send("GET", "/api/glossary/citation?text=" + "وبالتخليص الجمركي".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!))
        #expect(citation["ar"] as? String == "التخليص الجمركي")
    }

    static func writeReviewed(_ s: Setup, _ doc: String, _ ar: String, _ mt: String, _ en: String) throws {
        let dir = s.f.layout.out + "/" + doc
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let record: [String: Any] = ["segments": [["id": 1, "ar": ar, "en": en, "mt": mt, "origin": "reviewed"]]]
        try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: dir + "/result.json"))
    }

    @Test func aSuggestionLearnedFromReviewsIsAcceptedIntoTheFileAndNotProposedAgain() async throws {
        let s = try await Self.start()
        defer { Task { await s.h.stop() } }
        try Self.writeReviewed(s, "rev-a", "وتعتمد الجمارك على إدارة المخاطر في التفتيش.", "Customs relies on danger management in inspection.", "Customs relies on risk management in inspection.")
        try Self.writeReviewed(s, "rev-b", "وبإدارة المخاطر تختار الجمارك الشحنات.", "With danger management, customs selects shipments.", "With risk management, customs selects shipments.")
        let listed = s.h.json(try await s.h.send("GET", "/api/glossary/suggestions"))["suggestions"] as? [[String: Any]] ?? []
        let proposal = listed.first { $0["en"] as? String == "risk management" }
        #expect(proposal?["ar"] as? String == "إدارة المخاطر", "\(listed)")
        let key = (proposal?["key"] as? String ?? "none").addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        let rev = try await Self.revision(s, s.tsv)
        let accepted = try await s.h.change("/api/glossary/suggestions/\(key)/accept", json: try Self.body(["file": s.tsv, "revision": rev]))
        #expect(accepted.status == 200, "\(accepted.bodyText)")
        let text = try String(contentsOfFile: s.tsv, encoding: .utf8)
        #expect(text.contains("إدارة المخاطر\trisk management\tlearned from reviews"))
        #expect(s.store.snapshot.matcher.matches(in: "وبإدارة المخاطر").first?.en == "risk management")
        let again = s.h.json(try await s.h.send("GET", "/api/glossary/suggestions"))["suggestions"] as? [[String: Any]] ?? []
        #expect(!again.contains { $0["en"] as? String == "risk management" })
        #expect(try await s.h.change("/api/glossary/suggestions/\(key)/reject", json: "{}").status == 404)
    }
}
