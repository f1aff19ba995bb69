import BayanCore
import Foundation
import Outputs
import Review
import Testing
import Translation

@Suite struct ApprovalPathTests {
    @Test func editRerunsTheChecksAndKeepsTheMachineEnglish() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        // The number is dropped and the glossary term missed: both checks speak.
        let outcome = try await desk.apply(
            documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 2, en: "The customs seized shipments last month.")],
            reviewer: "Mona", baseRevision: 0)
        #expect(outcome.revision == 1)
        #expect(outcome.published == false)
        let pair = try #require(outcome.segments.first?.pair)
        #expect(pair.qa.map(\.check).contains("numbers"))
        #expect(pair.qa.map(\.check).contains("glossary"))
        #expect(pair.terms.first?.ok == false)
        #expect(pair.mt == "Dubai Customs seized 12 shipments last month.")
        #expect(pair.review == ReviewMark(by: "Mona", at: pair.review?.at ?? "", approved: false))
        #expect(pair.origin == .reviewed)
        // Saved, not yet published: out/ still holds the machine English.
        #expect(f.segments()[1]["en"] as? String == "Dubai Customs seized 12 shipments last month.")
        let reread = try await desk.document(ReviewFixture.stem)
        #expect(reread.result.pairs[1].en == "The customs seized shipments last month.")
        #expect(reread.state == .inReview)
    }

    @Test func approvingTheLastPairPublishesThroughThePipelineWriters() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        _ = try await desk.apply(
            documentID: ReviewFixture.stem,
            changes: [ReviewChange(segment: 1, en: "Dubai Customs launches a new system", approve: true), ReviewChange(segment: 2, approve: true)],
            reviewer: "Mona", baseRevision: 0)
        let last = try await desk.apply(
            documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 3, en: "The director said: <script>alert(1)</script>!")],
            reviewer: "Omar", baseRevision: 1)
        #expect(last.published == false)
        let outcome = try await desk.apply(
            documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 3, approve: true)], reviewer: "Omar", baseRevision: 2)
        #expect(outcome.published)
        #expect(outcome.state == .approved)
        let segments = f.segments()
        #expect(segments[0]["en"] as? String == "Dubai Customs launches a new system")
        #expect(segments[0]["mt"] as? String == "Dubai Customs launches a system")
        #expect(segments[0]["origin"] as? String == "reviewed")
        #expect(segments[0]["reviewed_by"] as? String == "Mona")
        #expect(segments[0]["approved"] as? Bool == true)
        #expect((segments[0]["reviewed_at"] as? String)?.hasSuffix("Z") == true)
        #expect(segments[2]["reviewed_by"] as? String == "Omar")
        // Paragraph kinds survive the round trip, so the next republish has them too.
        let paragraphs = f.resultJSON()["paragraphs"] as? [[String: Any]]
        #expect(paragraphs?.first?["kind"] as? String == "heading")
        // Every writer ran: XLIFF states, TMX and review.html carry the reviewed English.
        let xliff = f.file("pr-7.xlf")
        #expect(xliff.components(separatedBy: "state=\"final\"").count - 1 == 3)
        #expect(f.file("pr-7.tmx").contains("Dubai Customs launches a new system"))
        let html = f.file("review.html")
        #expect(html.contains("Dubai Customs launches a new system"))
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;!"))
        // The summary is rebuilt from the reviewed English.
        let summary = f.resultJSON()["summary"] as? [[String: Any]]
        #expect(summary?.first?["en"] as? String == "Dubai Customs seized 12 shipments last month.")
        // No staging folder is left behind.
        #expect(f.spool.list(f.layout.tmp).filter { $0.hasPrefix("review-") }.isEmpty)
    }

    @Test func editedButNotApprovedIsReviewedInXLIFF() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "Dubai Customs starts a system")], reviewer: "Mona", baseRevision: 0)
        try await desk.publish(documentID: ReviewFixture.stem)
        let xliff = f.file("pr-7.xlf")
        #expect(xliff.contains("<segment id=\"s1\" state=\"reviewed\">"))
        #expect(xliff.contains("<segment id=\"s2\" state=\"translated\">"))
    }

    @Test func approvalGoesIntoTheMemoryAsReviewedAndWinsOverEverything() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        let arabic = ReviewFixture.result().pairs[1].segment.text
        // An imported approved translation and a machine one exist already.
        let scope = MemoryScope(engine: "libretranslate")
        try f.memory.insert([
            .init(source: arabic, target: "Imported approved English", origin: .approved, scope: scope),
            .init(source: arabic, target: "Machine English", origin: .mt, scope: scope),
        ])
        _ = try await desk.apply(
            documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 2, en: "Reviewed English, 12 shipments.", approve: true)],
            reviewer: "Mona", baseRevision: 0)
        let key = MemoryKey(source: arabic, terms: [])
        let hits = try f.memory.lookupHits([key], scope: scope)
        #expect(hits[key] == TranslationMemory.Hit(target: "Reviewed English, 12 shipments.", origin: .reviewed))
        // Withdrawing the approval takes it out of the memory again.
        _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 2, approve: false)], reviewer: "Mona", baseRevision: nil)
        #expect(try f.memory.lookupHits([key], scope: scope)[key]?.origin == .approved)
    }

    @Test func staleChangeIsAConflictShowingBothTextsAndChangesNothing() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "First tab's English")], reviewer: "A", baseRevision: 0)
        await #expect(throws: ReviewError.self) {
            _ = try await desk.apply(
                documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "Second tab's English"), ReviewChange(segment: 2, approve: true)],
                reviewer: "B", baseRevision: 0)
        }
        do {
            _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "Second tab's English")], reviewer: "B", baseRevision: 0)
            Issue.record("a stale change was applied")
        } catch ReviewError.conflict(let revision, let conflicts) {
            #expect(revision == 1)
            #expect(conflicts.count == 1)
            #expect(conflicts[0].currentEn == "First tab's English")
            #expect(conflicts[0].proposedEn == "Second tab's English")
            #expect(conflicts[0].currentBy == "A")
        }
        let document = try await desk.document(ReviewFixture.stem)
        #expect(document.result.pairs[0].en == "First tab's English")
        #expect(document.result.pairs[1].review == nil)  // the other change of the refused request was not applied
        #expect(document.revision == 1)
        // A change to another segment made on the old revision is not a conflict.
        let other = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 3, approve: true)], reviewer: "B", baseRevision: 0)
        #expect(other.revision == 2)
    }

    @Test func reviewSurvivesARestartAndAFailedPublishIsFinishedAtStart() async throws {
        let f = try ReviewFixture()
        try f.publish()
        do {
            // Publishing breaks (as if the process died after saving): the save still stands.
            let desk = try f.desk(writers: ReviewFixture.writers + [FailingWriter()])
            let outcome = try await desk.apply(
                documentID: ReviewFixture.stem,
                changes: (1...3).map { ReviewChange(segment: $0, approve: true) } + [],
                reviewer: "Mona", baseRevision: 0)
            #expect(outcome.published == false)
            #expect(outcome.state == .approved)
        }
        #expect(f.segments()[0]["approved"] as? Bool == false)
        let restarted = try f.desk()
        let document = try await restarted.document(ReviewFixture.stem)
        #expect(document.state == .approved)
        #expect(document.revision == 1)
        await restarted.recover()
        #expect(f.segments().allSatisfy { $0["approved"] as? Bool == true })
        #expect(f.file("pr-7.xlf").contains("state=\"final\""))
    }

    @Test func idsAndChangesAreValidated() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        for bad in ["../etc", "..", "a/b", "a%2Fb", "", ".hidden", String(repeating: "a", count: 129), "x\u{0}y", "نص"] {
            await #expect(throws: ReviewError.invalidDocumentID(bad)) {
                _ = try await desk.apply(documentID: bad, changes: [ReviewChange(segment: 1, approve: true)], reviewer: "M", baseRevision: nil)
            }
        }
        await #expect(throws: ReviewError.self) { _ = try await desk.document("missing-doc") }
        await #expect(throws: ReviewError.self) {
            _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 99, approve: true)], reviewer: "M", baseRevision: nil)
        }
        await #expect(throws: ReviewError.self) {
            _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "   ")], reviewer: "M", baseRevision: nil)
        }
        await #expect(throws: ReviewError.self) {
            _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, approve: true)], reviewer: " ", baseRevision: nil)
        }
        #expect(try await desk.document(ReviewFixture.stem).revision == 0)
    }

    @Test func anotherSourceUnderTheSameNameStartsAFreshReview() async throws {
        let f = try ReviewFixture()
        try f.publish()
        let desk = try f.desk()
        _ = try await desk.apply(documentID: ReviewFixture.stem, changes: [ReviewChange(segment: 1, en: "Old review")], reviewer: "M", baseRevision: 0)
        // The folder is replaced by a different source (its old owner was deleted by hand).
        DurableFS.removeTree(f.layout.out + "/" + ReviewFixture.stem)
        try f.publish(ReviewFixture.result(sha: String(repeating: "ef", count: 32)))
        let document = try await desk.document(ReviewFixture.stem)
        #expect(document.revision == 0)
        #expect(document.result.pairs[0].en == "Dubai Customs launches a system")
    }
}

@Suite struct SuggestionTests {
    @Test func closeReviewedSentencesAreSuggestedNotApplied() async throws {
        let f = try ReviewFixture()
        try f.publish()
        // A reviewed translation of a sentence one word away from segment 2 (…الماضي → …الحالي).
        let close = "ضبطت جمارك دبي 12 شحنة خلال الشهر الحالي."
        try f.memory.insert([.init(source: close, target: "Dubai Customs seized 12 shipments <this> month.", origin: .reviewed, scope: MemoryScope(engine: "review"))])
        let desk = try f.desk()
        let document = try await desk.document(ReviewFixture.stem)
        let suggestions = await desk.suggestions(document)
        #expect(suggestions.keys.sorted() == [2])
        #expect(suggestions[2]?.target == "Dubai Customs seized 12 shipments <this> month.")
        #expect((suggestions[2]?.score ?? 0) >= 85)
        #expect(document.result.pairs[1].en == "Dubai Customs seized 12 shipments last month.")  // not applied
        let h = try await WorkspaceHarness.start(f, desk: desk)
        defer { Task { await h.stop() } }
        let page = try await h.send("GET", "/documents/\(ReviewFixture.stem)").bodyText
        #expect(page.contains("data-en=\"Dubai Customs seized 12 shipments &lt;this&gt; month.\""))
        let api = h.json(try await h.send("GET", "/api/documents/\(ReviewFixture.stem)"))
        let segment = (api["segments"] as? [[String: Any]])?[1]
        #expect((segment?["suggestion"] as? [String: Any])?["en"] as? String == "Dubai Customs seized 12 shipments <this> month.")
    }
}
