import BayanCore
import Foundation
import Testing

@testable import Outputs

@Suite struct ReviewHTMLWriterTests {
    func html(_ result: DocumentResult = Fixtures.small(), stem: String = "pr-1") throws -> String {
        String(decoding: try ReviewHTMLWriter().render(result, stem: stem), as: UTF8.self)
    }

    @Test func escapesHostileText() throws {
        let page = try html()
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(&quot;x&amp;&#39;y&quot;)&lt;/script&gt;"))
        #expect(page.contains("&lt;b&gt;المخدرات&lt;/b&gt;"))
        #expect(!page.contains("<b>المخدرات"))
        #expect(page.contains("pr-1 &lt;&amp;&gt;.txt"))
        #expect(!page.contains("\u{1}"))
        // No scripts and no external assets, enforced by the page's own policy.
        #expect(page.contains("default-src 'none'"))
        #expect(!page.contains("src=\"http"))
        #expect(!page.contains("href=\"http"))
    }

    @Test func marksArabicRightToLeftBesideItsEnglish() throws {
        let page = try html()
        let rtl = page.components(separatedBy: "lang=\"ar\" dir=\"rtl\"").count - 1
        // Headline + summary (1) + three sentences, at least.
        #expect(rtl >= 5)
        #expect(page.contains("<h1 lang=\"ar\" dir=\"rtl\">جمارك دبي تضبط شحنة</h1>"))
        #expect(page.contains("id=\"s3\""))
        #expect(page.contains("Noto Naskh Arabic"))
    }

    @Test func highlightsTermsAndFlagsIssues() throws {
        let page = try html()
        #expect(page.contains("<mark class=\"term ok\" title=\"Glossary: جمارك دبي → Dubai Customs (approved term used)\">جمارك دبي</mark>"))
        #expect(page.contains("<mark class=\"term ok\" title=\"Glossary: جمارك دبي → Dubai Customs (approved term used)\">Dubai Customs</mark>"))
        #expect(page.contains("<mark class=\"term missing\""))
        #expect(page.contains("class=\"row pair flagged\" id=\"s3\""))
        #expect(page.contains("&lt;Director&gt;"))
        #expect(page.contains("<b>3</b> sentences"))
        #expect(page.contains("<b>2</b> terms ok"))
        #expect(page.contains("<b>1</b> term missing"))
        #expect(page.contains("<b>1</b> issue on 1 sentence"))
    }

    @Test func seedReleaseRendersEverySentence() throws {
        let result = try Fixtures.seed()
        let page = try html(result, stem: "000_62ba54d9c0d0bfaf")
        #expect(result.pairs.count == 8)
        for pair in result.pairs { #expect(page.contains("id=\"s\(pair.segment.id)\"")) }
        #expect(!result.summary.isEmpty)
        // The screenshot in docs/ is rendered from this page: BAYAN_REVIEW_HTML=path writes it.
        if let path = ProcessInfo.processInfo.environment["BAYAN_REVIEW_HTML"] {
            try Data(page.utf8).write(to: URL(fileURLWithPath: path))
            for writer in StandardWriters.all() where !(writer is ReviewHTMLWriter) && !(writer is ReleaseWriter) {
                let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
                try Data(try writer.render(result, stem: "000_62ba54d9c0d0bfaf"))
                    .write(to: dir.appendingPathComponent(writer.fileName(stem: "000_62ba54d9c0d0bfaf")))
            }
        }
    }
}
