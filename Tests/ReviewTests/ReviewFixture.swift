import BayanCore
import BayanTestSupport
import Daemon
import Foundation
import Logging
import Outputs
import QA
import Review
import Translation

/// A published document in a temporary spool, and a desk over it.
struct ReviewFixture {
    let spool: TempSpool
    let layout: SpoolLayout
    let memory: TranslationMemory
    static let stem = "pr-7"

    init() throws {
        spool = try TempSpool()
        layout = SpoolLayout(root: spool.root)
        try layout.create()
        memory = try TranslationMemory(path: layout.state + "/memory.sqlite")
    }

    /// Three pairs: a heading, a sentence with a number and a glossary term, and a hostile one.
    static func result(sha: String = String(repeating: "cd", count: 32)) -> DocumentResult {
        let s1 = Segment(id: 1, paragraph: 0, start: 0, end: 19, text: "جمارك دبي تطلق نظاماً")
        let s2 = Segment(id: 2, paragraph: 1, start: 20, end: 60, text: "ضبطت جمارك دبي 12 شحنة خلال الشهر الماضي.")
        let s3 = Segment(id: 3, paragraph: 1, start: 61, end: 90, text: "وقال المدير: <script>alert(1)</script>")
        let pairs = [
            AlignedPair(segment: s1, en: "Dubai Customs launches a system", origin: .engine),
            AlignedPair(segment: s2, en: "Dubai Customs seized 12 shipments last month.", origin: .memory),
            AlignedPair(segment: s3, en: "The director said: <script>alert(1)</script>", origin: .engine),
        ]
        return DocumentResult(
            source: SourceInfo(file: "pr-7.txt", sha256: sha, encoding: "utf-8", format: "text"),
            engine: EngineInfo(kind: "libretranslate"),
            paragraphs: [Paragraph(index: 0, kind: .heading, start: 0, end: 19), Paragraph(index: 1, kind: .paragraph, start: 20, end: 90)],
            pairs: pairs, summary: [SummaryItem(id: 2, ar: s2.text, en: pairs[1].en)])
    }

    /// The pipeline's writers but the two that rebuild the input's own format: the fixture's
    /// result has no original file behind it (the end-to-end tests cover their republish).
    static var writers: [any OutputWriter] {
        StandardWriters.all().filter { !($0 is ReleaseWriter) && !($0 is BilingualDocxWriter) }
    }

    /// Publishes through the pipeline's publisher and writers, as the daemon does.
    func publish(_ result: DocumentResult = ReviewFixture.result(), stem: String = ReviewFixture.stem) throws {
        try AtomicPublisher(outDirectory: layout.out, tmpDirectory: layout.tmp)
            .publish(result, writers: Self.writers, preferredStem: stem, jobID: "job-" + UUID().uuidString.prefix(8))
    }

    /// The glossary stage of a one-entry glossary (جمارك دبي → Dubai Customs), verified by
    /// whether the approved English occurs in the sentence, and the standard QA checks.
    static func checks(writers: [any OutputWriter] = ReviewFixture.writers) -> ReviewChecks {
        let term = "جمارك دبي"
        let stage = TermStage(
            version: "test",
            find: { text in
                guard let range = text.range(of: term) else { return [] }
                let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
                return [TermHit(ar: term, en: "Dubai Customs", start: start, end: start + term.unicodeScalars.count)]
            },
            verify: { hits, english in
                var issues: [QAIssue] = []
                let checked = hits.map { hit -> TermHit in
                    var h = hit
                    h.ok = english.localizedCaseInsensitiveContains(hit.en)
                    if h.ok == false { issues.append(QAIssue(check: "glossary", message: "«\(hit.ar)» should be \"\(hit.en)\"")) }
                    return h
                }
                return (checked, issues)
            })
        return ReviewChecks(terms: stage, checker: StandardChecks.suite(QAOptions(disabled: ["glossary"])), writers: writers)
    }

    func desk(writers: [any OutputWriter] = ReviewFixture.writers, memory useMemory: Bool = true) throws -> ReviewDesk {
        let checks = Self.checks(writers: writers)
        return try ReviewDesk(layout: layout, memory: useMemory ? memory : nil, checks: { checks }, logger: Logger(label: "test"))
    }

    func file(_ name: String, stem: String = ReviewFixture.stem) -> String {
        (try? String(contentsOfFile: layout.out + "/" + stem + "/" + name, encoding: .utf8)) ?? ""
    }

    func resultJSON(stem: String = ReviewFixture.stem) -> [String: Any] {
        spool.resultJSON(stem) ?? [:]
    }

    func segments(stem: String = ReviewFixture.stem) -> [[String: Any]] {
        resultJSON(stem: stem)["segments"] as? [[String: Any]] ?? []
    }
}

/// An output writer that fails, to stand for a crash between saving and publishing.
struct FailingWriter: OutputWriter {
    func fileName(stem: String) -> String { "broken.txt" }
    func render(_ result: DocumentResult, stem: String) throws -> [UInt8] { throw BayanError(.io, "disk full (test)") }
}
