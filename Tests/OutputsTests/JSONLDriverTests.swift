import ArabicText
import BayanCore
import Foundation
import QA
import Summary
import Testing

@Suite struct JSONLDriverTests {
    func object(_ line: String?) throws -> [String: Any] {
        let line = try #require(line)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func summarizeReturnsSegmenterSentencesInOrder() throws {
        let driver = SummarizeJSONLDriver(segmenter: PunctuationSegmenter(), summarizer: ExtractiveSummarizer(options: SummaryOptions(sentences: 2)))
        let text = "أعلنت جمارك دبي عن إطلاق منصة رقمية موحدة لتخليص الشحنات. وتأتي المنصة ضمن خطة التحول الرقمي.\nوقال المدير إن المنصة ستخفض زمن تخليص الشحنات بنسبة 40%. ودعت الدائرة المتعاملين إلى التسجيل."
        let input = try String(decoding: JSONSerialization.data(withJSONObject: ["doc_id": "a/1", "text": text]), as: UTF8.self)
        let out = try object(driver.process(line: input))
        #expect(out["doc_id"] as? String == "a/1")
        let summary = try #require(out["summary"] as? [String])
        #expect(summary.count == 2)
        let sentences = PunctuationSegmenter().segment(try PlainTextReader().read(Array(text.utf8), fileName: "x")).map(\.text)
        for s in summary { #expect(sentences.contains(s)) }
        let positions = summary.compactMap { sentences.firstIndex(of: $0) }
        #expect(positions == positions.sorted())
        #expect(try driver.process(line: input)?.contains("a/1") == true)  // no escaped slash
    }

    @Test func summarizeReportsBadLinesAndSkipsBlankOnes() throws {
        let driver = SummarizeJSONLDriver(segmenter: PunctuationSegmenter())
        #expect(driver.process(line: "   ") == nil)
        let bad = try object(driver.process(line: "{\"doc_id\": \"x\"}"))
        #expect(bad["doc_id"] as? String == "x")
        #expect(bad["error"] is String)
        var lines = ["{\"doc_id\":\"1\",\"text\":\"جملة أولى طويلة بما يكفي هنا.\"}", "not json", "{\"doc_id\":\"3\",\"text\":\"\"}"]
        var written: [String] = []
        driver.run(readLine: { lines.isEmpty ? nil : lines.removeFirst() }, write: { written.append($0) })
        #expect(written.count == 3)
        #expect(try object(written[2])["summary"] as? [String] == [])
    }

    @Test func qaWritesIssuesPerLine() throws {
        let driver = QAJSONLDriver()
        let good = try object(driver.process(line: #"{"id":"1","source":"ارتفعت الإيرادات بنسبة ١٥٪.","target":"Revenue rose by 15%."}"#))
        #expect(good["id"] as? String == "1")
        #expect((good["issues"] as? [Any])?.isEmpty == true)
        let bad = try object(driver.process(line: #"{"id":"2","source":"ارتفعت الإيرادات بنسبة ١٥٪.","target":"Revenue rose by 51%."}"#))
        let issues = try #require(bad["issues"] as? [[String: String]])
        #expect(issues.contains { $0["check"] == "numbers" && $0["message"]?.isEmpty == false })
        let broken = try object(driver.process(line: #"{"id":"3","source":"x"}"#))
        #expect(broken["id"] as? String == "3")
        #expect((broken["error"] as? String)?.contains("target") == true)
    }

    @Test func qaUsesTheTermHitsProvider() throws {
        let driver = QAJSONLDriver(termHits: { source, _ in
            [TermHit(ar: "البيان الجمركي", en: "customs declaration", start: 0, end: 14, ok: false)]
        })
        let out = try object(driver.process(line: #"{"id":"g","source":"البيان الجمركي.","target":"The customs statement."}"#))
        #expect((out["issues"] as? [[String: String]])?.map { $0["check"] } == ["glossary"])
    }
}
