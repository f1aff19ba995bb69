import BayanCore
import Foundation
import Testing

@testable import Outputs

@Suite struct MarkdownAndJSONWriterTests {
    @Test func alignedMarkdownPutsArabicThenEnglishWithDirectionMarks() throws {
        let text = String(decoding: try AlignedMarkdownWriter().render(Fixtures.small(), stem: "pr-1"), as: UTF8.self)
        #expect(text.hasPrefix("# \u{200F}جمارك دبي تضبط شحنة\n"))
        #expect(text.contains("\n\u{200F}**2.** \u{200F}ضبطت جمارك دبي"))
        #expect(text.contains("\\<b\\>"))
        #expect(!text.contains("<script>"))
        #expect(text.contains("> ⚠ **glossary**"))
        let arabic = try #require(text.range(of: "ضبطت جمارك دبي"))
        let english = try #require(text.range(of: "\\<script\\>alert"))
        #expect(arabic.lowerBound < english.lowerBound)
    }

    @Test func summaryMarkdownListsChosenSentencesWithIDs() throws {
        let text = String(decoding: try SummaryMarkdownWriter().render(Fixtures.small(), stem: "pr-1"), as: UTF8.self)
        #expect(text.contains("1 of 3 sentences"))
        #expect(text.contains("(s2)"))
        #expect(text.contains("## العربية"))
        #expect(text.contains("## English"))
        var empty = Fixtures.small()
        empty.summary = []
        let none = String(decoding: try SummaryMarkdownWriter().render(empty, stem: "pr-1"), as: UTF8.self)
        #expect(none.contains("No summary sentences"))
    }

    @Test func resultJSONKeepsTheContractFields() throws {
        let bytes = try ResultJSONWriter().render(Fixtures.small(), stem: "pr-1")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let source = try #require(object["source"] as? [String: Any])
        #expect(Set(source.keys) == ["file", "sha256", "encoding", "format"])
        #expect((object["engine"] as? [String: Any])?["kind"] as? String == "deepl")
        #expect((object["glossary"] as? [String: Any])?["version"] as? String == "sha256:0123456789abcdef0123")
        let segments = try #require(object["segments"] as? [[String: Any]])
        #expect(segments.count == 3)
        for key in ["id", "paragraph", "start", "end", "ar", "en", "terms", "qa"] { #expect(segments[0][key] != nil, "\(key)") }
        #expect((segments[2]["qa"] as? [[String: Any]])?.first?["check"] as? String == "glossary")
        #expect((segments[2]["terms"] as? [[String: Any]])?.first?["ok"] as? Bool == false)
        let summary = try #require(object["summary"] as? [[String: Any]])
        #expect(summary.first?["id"] as? Int == 2)
        #expect(Set(summary.first?.keys.map { $0 } ?? []) == ["id", "ar", "en"])
        #expect((object["timings"] as? [String: Any])?["translate_ms"] != nil)
    }

    @Test func standardWritersCoverEveryFileOnce() {
        let names = StandardWriters.all().map { $0.fileName(stem: "s") }
        #expect(names == ["result.json", "review.html", "aligned.md", "s.tmx", "s.xlf", "s.xliff12.xlf", "summary.md", "s.en.txt", "s.bilingual.docx"])
        let picked = StandardWriters.writers(for: ["tmx", "bogus", "html"])
        #expect(picked.writers.map { $0.fileName(stem: "s") } == ["result.json", "s.tmx", "review.html"])
        #expect(picked.unknown == ["bogus"])
    }
}
