import ArabicText
import BayanCore
import BayanTestSupport
import Foundation
import Logging
import Outputs
import QA
import Summary
import Testing
import Translation
@testable import Daemon

/// `summary.mode: abstractive` end to end through the document pipeline, against the loopback
/// OpenAI-compatible server with scripted key-point answers. Each answer ends in the right
/// kept / dropped / fallback outcome and the right words in result.json.
@Suite struct KeyPointsTests {
    /// Segments 1–4 (no heading): the lead, a figure, a quote with an amount, a closing line.
    static let release = """
        أعلنت جمارك دبي عن إطلاق منصة رقمية موحدة لتخليص الشحنات في جميع المنافذ. وتخفض المنصة زمن التخليص بنسبة 40% للشركات المسجلة. وقال المدير العام إن المنصة توفر على الشركات 120 مليون درهم سنوياً. ودعت الدائرة المتعاملين إلى تحديث بياناتهم.
        """

    /// A one-entry glossary as the pipeline sees it: «جمارك دبي» must be "Dubai Customs".
    static let terms = TermStage(
        version: "test",
        find: { text in
            guard let range = text.range(of: "جمارك دبي") else { return [] }
            let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: text.unicodeScalars)!)
            return [TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: start, end: start + 9)]
        },
        verify: { hits, english in
            var out = hits
            var issues: [QAIssue] = []
            for i in out.indices {
                out[i].ok = english.lowercased().contains(out[i].en.lowercased())
                if out[i].ok == false { issues.append(QAIssue(check: "glossary", message: "«\(out[i].ar)» must be “\(out[i].en)” in the English")) }
            }
            return (out, issues)
        })

    static func point(_ en: String, _ ar: String, _ cites: [Int]) -> String {
        let object: [String: Any] = ["en": en, "ar": ar, "cites": cites]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    static let goodLead = point("Dubai Customs launched a unified digital platform to clear shipments at all ports.", "أطلقت جمارك دبي منصة رقمية موحدة لتخليص الشحنات في جميع المنافذ.", [1])
    static let goodFigure = point("The platform cuts clearance time by 40% for registered companies.", "تخفض المنصة زمن التخليص بنسبة 40% للشركات المسجلة.", [2])
    static let headline = point("Dubai Customs launches a digital clearance platform", "جمارك دبي تطلق منصة رقمية للتخليص", [1])

    static func answer(_ points: [String], headline: String = headline) -> String {
        "{\"headline\": \(headline), \"points\": [\(points.joined(separator: ", "))]}"
    }

    struct Outcome {
        var result: DocumentResult
        var json: [String: Any]
        var info: [String: Any]
        var script: KeyPointScript
        /// Bodies of the key-point requests the server received.
        var keyPointBodies: [[String: Any]]
    }

    func run(_ answers: [KeyPointScript.Answer], attempts: Int = 3, timeout: Double = 5, mode: SummaryPlan.Mode = .abstractive,
        html: String? = nil) async throws -> Outcome
    {
        let script = KeyPointScript(answers)
        let server = try LoopbackHTTPServer(handler: script.handle)
        defer { server.stop() }
        var transport = TransportOptions()
        transport.totalTimeout = timeout
        transport.connectTimeout = 2
        var policy = RetryPolicy()
        policy.maxAttempts = attempts
        policy.baseDelay = 0.001
        policy.maxDelay = 0.01
        policy.maxRetryAfter = 0.05
        let engine = OpenAIEngine(url: server.baseURL, apiKey: nil, model: "bayan-mock", transport: CurlTransport(options: transport))
        let translator = Translator(engine: engine, policy: policy, logger: Logger(label: "test"))
        var stages = PipelineStages(
            reader: html == nil ? PlainTextReader() : HTMLDocumentReader(), segmenter: ArabicSentenceSegmenter(), terms: { Self.terms }, translator: translator,
            checker: StandardChecks.suite(), summarizer: ExtractiveSummarizer(), writers: [])
        stages.summaryPlan.mode = mode
        let result = try await DocumentPipeline(stages: stages).run(bytes: Array((html ?? Self.release).utf8), fileName: html == nil ? "pr.txt" : "pr.html")
        let bytes = try ResultJSONWriter().render(result, stem: "pr")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let info = try #require(json["summary_info"] as? [String: Any])
        let bodies = server.requests.compactMap { try? JSONSerialization.jsonObject(with: Data($0.body)) as? [String: Any] }.filter {
            ((($0["messages"] as? [[String: Any]])?.first?["content"] as? String) ?? "").contains("key points")
        }
        return Outcome(result: result, json: json, info: info, script: script, keyPointBodies: bodies)
    }

    func reasons(_ info: [String: Any]) -> [String] {
        (info["dropped"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
    }

    @Test func aGoodAnswerIsKeptWithItsCitationsAndHeadline() async throws {
        let out = try await run([.content(Self.answer([Self.goodLead, Self.goodFigure]))])
        let points = try #require(out.info["points"] as? [[String: Any]])
        #expect(points.count == 2)
        #expect(points.first?["cites"] as? [Int] == [1])
        #expect(out.info["used"] as? String == "abstractive")
        #expect(out.info["fallback"] == nil)
        #expect(reasons(out.info).isEmpty)
        // The request: structured output, every segment with its id, the document's glossary entries.
        let body = try #require(out.keyPointBodies.first)
        let format = try #require(body["response_format"] as? [String: Any])
        #expect((format["json_schema"] as? [String: Any])?["name"] as? String == "key_points")
        let user = try #require(((body["messages"] as? [[String: Any]])?.last?["content"] as? String).flatMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        })
        #expect((user["segments"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [1, 2, 3, 4])
        #expect((user["glossary"] as? [[String: String]]) == [["ar": "جمارك دبي", "en": "Dubai Customs"]])
        let headline = try #require(out.info["headline"] as? [String: Any])
        #expect(headline["source"] as? String == "abstract")
        #expect(headline["en"] as? String == "Dubai Customs launches a digital clearance platform")
        // In abstractive mode the points are the summary: no extractive sentences.
        #expect(out.result.summary.isEmpty)
        #expect((out.json["summary"] as? [Any])?.isEmpty == true)
        let md = String(decoding: try SummaryMarkdownWriter().render(out.result, stem: "pr"), as: UTF8.self)
        #expect(md.contains("## Key points") && md.contains("(s2)") && !md.contains("No summary sentences"))
        // The review page links each point to the segments it cites.
        let html = String(decoding: try ReviewHTMLWriter().render(out.result, stem: "pr"), as: UTF8.self)
        #expect(html.contains("id=\"key-points\""))
        #expect(html.contains("<a href=\"#s2\">s2</a>"))
        #expect(html.contains("id=\"s2\""), "the cited row exists to link to")
    }

    @Test func bothKeepsTheSentencesWithinTheBudgetBesideThePoints() async throws {
        let out = try await run([.content(Self.answer([Self.goodLead, Self.goodFigure]))], mode: .both)
        #expect(out.info["used"] as? String == "both")
        #expect((out.info["points"] as? [[String: Any]])?.count == 2)
        #expect(!out.result.summary.isEmpty)
        let words = try #require(out.info["words"] as? Int)
        #expect(words > 0 && words <= (out.info["max_words"] as? Int ?? 0))
    }

    @Test func theTranslatedHeadingIsTheHeadline() async throws {
        let html = "<html><body><h1>جمارك دبي تطلق منصة رقمية</h1><p>\(Self.release)</p></body></html>"
        let out = try await run([], mode: .extractive, html: html)
        let headline = try #require(out.info["headline"] as? [String: Any])
        #expect(headline["source"] as? String == "heading")
        #expect(headline["cites"] as? [Int] == [1])
        #expect(headline["en"] as? String == out.result.pairs.first?.en)
        #expect(out.script.keyPointRequests == 0, "extractive mode never asks the engine to write")
        #expect(out.info["points"] == nil && out.info["used"] as? String == "extractive")
        #expect(!out.result.summary.contains { $0.id == 1 }, "the heading is not a summary sentence")
    }

    @Test func anEngineHeadlineIsCheckedLikeAPoint() async throws {
        let invented = Self.point("Dubai Customs saves companies 500 million dirhams", "جمارك دبي توفر 500 مليون درهم", [3])
        let out = try await run([.content(Self.answer([Self.goodLead, Self.goodFigure], headline: invented))])
        #expect((out.info["headline"] as? [String: Any]) == nil)
        let reason = try #require(out.info["headline_dropped"] as? String)
        #expect(reason.contains("500"), "\(reason)")
        #expect((out.info["points"] as? [[String: Any]])?.count == 2)
    }

    @Test func aPointOverTheLengthLimitIsDropped() async throws {
        let words = Array(repeating: "clearance", count: 40).joined(separator: " ")
        let long = Self.point("Dubai Customs launched a platform for \(words).", "أطلقت جمارك دبي منصة رقمية موحدة لتخليص الشحنات.", [1])
        let out = try await run([.content(Self.answer([long, Self.goodFigure]))])
        let reason = try #require(reasons(out.info).first)
        #expect(reason.contains("words long; the limit is 35"), "\(reason)")
    }

    @Test func anInventedNumberIsDropped() async throws {
        let invented = Self.point("The platform cuts clearance time by 45%.", "تخفض المنصة زمن التخليص بنسبة 45%.", [2])
        let out = try await run([.content(Self.answer([Self.goodLead, invented]))])
        #expect((out.info["points"] as? [[String: Any]])?.count == 1)
        let reason = try #require(reasons(out.info).first)
        #expect(reason.contains("45%"), "\(reason)")
        #expect(reason.contains("cited segment 2"), "\(reason)")
        #expect(out.info["used"] as? String == "abstractive")
    }

    @Test func aNumberWordTheSourceLacksIsDropped() async throws {
        // "three" is a number too; the cited segment has none.
        let words = Self.point("Dubai Customs launched three digital platforms at all ports.", "أطلقت جمارك دبي ثلاث منصات رقمية في جميع المنافذ.", [1])
        let out = try await run([.content(Self.answer([Self.goodFigure, words]))])
        let reason = try #require(reasons(out.info).first)
        #expect(reason.contains("3"), "\(reason)")
    }

    @Test func aCitationOfAMissingSegmentIsDropped() async throws {
        let missing = Self.point("Companies save 120 million dirhams a year.", "توفر المنصة 120 مليون درهم سنوياً.", [99])
        let out = try await run([.content(Self.answer([Self.goodLead, missing]))])
        let reason = try #require(reasons(out.info).first)
        #expect(reason.contains("segment 99, which the document does not have"), "\(reason)")
        #expect((out.info["points"] as? [[String: Any]])?.count == 1)
    }

    @Test func aWrongGlossaryRenderingIsDropped() async throws {
        let wrong = Self.point("The customs of Dubai launched a unified digital platform.", "أطلقت جمارك دبي منصة رقمية موحدة.", [1])
        let out = try await run([.content(Self.answer([wrong, Self.goodFigure]))])
        let reason = try #require(reasons(out.info).first)
        #expect(reason.hasPrefix("glossary:"), "\(reason)")
        #expect(reason.contains("Dubai Customs"), "\(reason)")
        #expect((out.info["points"] as? [[String: Any]])?.count == 1)
    }

    @Test func noSurvivingPointFallsBackToTheExtractiveSummary() async throws {
        let bad = Self.point("The platform cuts clearance time by 90%.", "تخفض المنصة زمن التخليص بنسبة 90%.", [2])
        let out = try await run([.content(Self.answer([bad]))])
        #expect(out.info["used"] as? String == "extractive")
        #expect((out.info["fallback"] as? String)?.contains("none of the engine's 1 key points passed verification") == true)
        #expect(reasons(out.info).count == 1)
        #expect(!out.result.summary.isEmpty)
        let md = String(decoding: try SummaryMarkdownWriter().render(out.result, stem: "pr"), as: UTF8.self)
        #expect(md.contains("No key points"))
    }

    @Test func invalidJSONFallsBack() async throws {
        let out = try await run([.content("Here are the key points: {points: [oops")])
        #expect(out.info["used"] as? String == "extractive")
        #expect((out.info["fallback"] as? String)?.contains("not the JSON asked for") == true)
        #expect((out.info["points"] as? [[String: Any]])?.isEmpty == true)
        #expect(!out.result.summary.isEmpty)
    }

    @Test func aTimeoutFallsBackAfterTheRetries() async throws {
        let out = try await run([.fault(.hang), .fault(.hang)], attempts: 2, timeout: 0.5)
        #expect(out.script.keyPointRequests == 2, "retried like a translation")
        #expect(out.info["used"] as? String == "extractive")
        let fallback = try #require(out.info["fallback"] as? String)
        #expect(fallback.contains("the engine gave no key points"), "\(fallback)")
        #expect(fallback.contains("failed 2 time(s)"), "\(fallback)")
        #expect(out.result.pairs.allSatisfy { !$0.en.isEmpty }, "the translation is not harmed")
    }

    @Test func a429IsRetriedThenTheAnswerIsKept() async throws {
        let out = try await run([.fault(.status(429, retryAfter: "0")), .content(Self.answer([Self.goodLead, Self.goodFigure]))])
        #expect(out.script.keyPointRequests == 2)
        #expect((out.info["points"] as? [[String: Any]])?.count == 2)
        #expect(out.info["fallback"] == nil)
    }

    @Test func a429ThatPersistsFallsBack() async throws {
        let out = try await run([.fault(.status(429)), .fault(.status(429))], attempts: 2)
        #expect(out.info["used"] as? String == "extractive")
        #expect((out.info["fallback"] as? String)?.contains("HTTP 429") == true, "\(String(describing: out.info["fallback"]))")
    }

    @Test func abstractiveNeedsAnEngineThatCanWrite() {
        for kind in ["libretranslate", "deepl"] {
            let loaded = ConfigLoader.load(path: nil, environment: [
                "BAYAN_ENGINE_KIND": kind, "BAYAN_SUMMARY_MODE": "abstractive", "BAYAN_ENGINE_API_KEY": "k:fx",
            ])
            let problem = loaded.problems.first { $0.key == "summary.mode" }
            #expect(problem?.message.contains("engine.kind: openai") == true, "\(loaded.problems)")
        }
        let fine = ConfigLoader.load(path: nil, environment: ["BAYAN_ENGINE_KIND": "openai", "BAYAN_ENGINE_MODEL": "m", "BAYAN_SUMMARY_MODE": "both"])
        #expect(!fine.problems.contains { $0.key == "summary.mode" }, "\(fine.problems)")
    }
}
