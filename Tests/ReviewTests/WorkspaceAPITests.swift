import BayanCore
import Foundation
import Review
import Testing
import Translation
import Workspace

@Suite struct WorkspaceAPITests {
    @Test func staleSaveFromASecondWindowIsAConflictWithBothTexts() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let first = try await WorkspaceHarness.start(f)
        defer { Task { await first.stop() } }
        try await first.name("Mona")
        let path = "/api/documents/\(ReviewFixture.stem)/changes"
        let saved = try await first.change(path, json: #"{"changes":[{"segment":1,"en":"Mona's English","revision":0}]}"#)
        #expect(saved.status == 200)
        let segment = (first.json(saved)["segments"] as? [[String: Any]])?.first
        #expect(segment?["revision"] as? Int == 1)
        #expect(segment?["origin"] as? String == "reviewed")
        // A second window (own session) saves on the revision it loaded: 0.
        let second = first.sibling()
        try await second.name("Omar")
        let stale = try await second.change(path, json: #"{"changes":[{"segment":1,"en":"Omar's English","revision":0}]}"#)
        #expect(stale.status == 409)
        let body = second.json(stale)
        let conflict = (body["conflicts"] as? [[String: Any]])?.first
        #expect(conflict?["current_en"] as? String == "Mona's English")
        #expect(conflict?["proposed_en"] as? String == "Omar's English")
        #expect(conflict?["current_by"] as? String == "Mona")
        #expect((body["error"] as? [String: Any])?["message"] as? String != nil)
        let document = try await f.desk().document(ReviewFixture.stem)
        #expect(document.result.pairs[0].en == "Mona's English")
    }

    @Test func aRestartInTheMiddleOfAReviewLosesNothing() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let before = try await WorkspaceHarness.start(f)
        try await before.name("Mona")
        let path = "/api/documents/\(ReviewFixture.stem)/changes"
        #expect(try await before.change(path, json: #"{"changes":[{"segment":1,"en":"Saved before the restart","approve":true,"revision":0}]}"#).status == 200)
        await before.stop()
        // A new process: new desk (database opened again), new sessions.
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        let document = h.json(try await h.send("GET", "/api/documents/\(ReviewFixture.stem)"))
        let segments = document["segments"] as? [[String: Any]] ?? []
        #expect(segments.first?["en"] as? String == "Saved before the restart")
        #expect(segments.first?["approved"] as? Bool == true)
        #expect(segments.first?["reviewed_by"] as? String == "Mona")
        #expect(document["revision"] as? Int == 1)
        try await h.name("Mona")
        let rest = try await h.change(path, json: #"{"base_revision":1,"changes":[{"segment":2,"approve":true},{"segment":3,"approve":true}]}"#)
        #expect(rest.status == 200)
        #expect(h.json(rest)["published"] as? Bool == true)
        #expect(h.json(rest)["state"] as? String == "approved")
        #expect(f.segments().allSatisfy { $0["approved"] as? Bool == true })
        let publish = try await h.change("/api/documents/\(ReviewFixture.stem)/publish", json: "{}")
        #expect(publish.status == 200)
    }

    @Test func uploadPutsTheFileIntoTheInboxAtomicallyWithTheFolderChecks() async throws {
        let f = try ReviewFixture()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        let token = try await h.csrf()
        let text = Array("بيان صحفي قصير.".utf8)
        func put(_ name: String, _ body: [UInt8], type: String = "application/octet-stream") async throws -> HTTPResponse {
            try await h.send("PUT", "/api/inbox/\(name)", headers: [("Content-Type", type), ("Origin", h.base), ("X-CSRF-Token", token)], body: body)
        }
        #expect(try await put("release-1.txt", text).status == 201)
        #expect(f.spool.list(f.spool.inbox) == ["release-1.txt"])
        #expect(FileManager.default.contents(atPath: f.spool.inbox + "/release-1.txt") == Data(text))
        #expect(try await put("release-1.txt", text).status == 409)
        #expect(try await put("release-2.exe", text).status == 400)
        #expect(try await put("..%2Frelease.txt", text).status == 400)
        #expect(try await put(".hidden.txt", text).status == 400)
        #expect(try await put("big.txt", [UInt8](repeating: 0x41, count: 5000)).status == 413)
        #expect(try await put("plain.txt", text, type: "text/plain").status == 415)
        let noToken = try await h.send("PUT", "/api/inbox/x.txt", headers: [("Content-Type", "application/octet-stream"), ("Origin", h.base)], body: text)
        #expect(noToken.status == 403)
        #expect(f.spool.list(f.spool.inbox) == ["release-1.txt"])
        #expect(f.spool.list(f.spool.tmp).filter { $0.hasPrefix("upload-") }.isEmpty)
    }

    @Test func queueListsEveryStageAndRetryMovesAFailedFileBack() async throws {
        let f = try ReviewFixture()
        try f.publish()
        try "نص".write(toFile: f.spool.failed + "/broken.txt", atomically: true, encoding: .utf8)
        try "broken.txt was not processed: it is empty.\n".write(toFile: f.spool.failed + "/broken.txt.reason.txt", atomically: true, encoding: .utf8)
        try f.spool.drop("waiting.txt", "نص")
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        let list = h.json(try await h.send("GET", "/api/documents"))["documents"] as? [[String: Any]] ?? []
        let byName = Dictionary(uniqueKeysWithValues: list.map { ($0["name"] as? String ?? "", $0) })
        #expect(byName[ReviewFixture.stem]?["state"] as? String == "new")
        #expect(byName[ReviewFixture.stem]?["title"] as? String == "جمارك دبي تطلق نظاماً")
        #expect(byName[ReviewFixture.stem]?["segments"] as? Int == 3)
        #expect(byName["broken.txt"]?["state"] as? String == "failed")
        #expect((byName["broken.txt"]?["reason"] as? String)?.contains("empty") == true)
        #expect(byName["waiting.txt"]?["state"] as? String == "waiting")
        let filtered = h.json(try await h.send("GET", "/api/documents?state=failed"))["documents"] as? [[String: Any]] ?? []
        #expect(filtered.map { $0["name"] as? String } == ["broken.txt"])
        let queuePage = try await h.send("GET", "/?q=%D8%AC%D9%85%D8%A7%D8%B1%D9%83")
        #expect(queuePage.bodyText.contains("/documents/\(ReviewFixture.stem)"))
        #expect(!queuePage.bodyText.contains("broken.txt"))
        let retry = try await h.change("/api/failed/broken.txt/retry", json: "{}")
        #expect(retry.status == 200)
        #expect(f.spool.list(f.spool.inbox).contains("broken.txt"))
        #expect(f.spool.list(f.spool.failed).isEmpty)
        #expect(try await h.change("/api/failed/broken.txt/retry", json: "{}").status == 404)
    }

    @Test func healthAndMetricsWithReviewCounts() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let h = try await WorkspaceHarness.start(f)
        defer { Task { await h.stop() } }
        try await h.name("Mona")
        _ = try await h.change("/api/documents/\(ReviewFixture.stem)/changes", json: #"{"changes":[{"segment":1,"approve":true}]}"#)
        let health = try await h.send("GET", "/healthz")
        #expect(health.status == 200)
        #expect(h.json(health)["status"] as? String == "ok")
        let metrics = try await h.send("GET", "/metrics")
        #expect(metrics.headers["content-type"]?.hasPrefix("text/plain; version=0.0.4") == true)
        #expect(metrics.bodyText.contains("bayan_review_saves_total 1"))
        #expect(metrics.bodyText.contains("bayan_review_approvals_total 1"))
        #expect(metrics.bodyText.contains("bayan_review_documents_count{state=\"in review\"} 1"))
        #expect(metrics.bodyText.contains("bayan_review_segments_approved_count 1"))
    }
}

