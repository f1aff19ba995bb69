import ArabicText
import BayanCore
import Foundation
import Testing

/// For any Markdown-ish text: the reader either refuses it with a `BayanError` or gives paragraphs
/// inside `Document.text` whose segments are exact substrings; the renderer then gives UTF-8
/// that keeps fenced code and the front matter byte for byte. More rounds and another seed:
/// BAYAN_MD_PROPERTY_ROUNDS, BAYAN_MD_PROPERTY_SEED.
@Suite struct MarkdownPropertyTests {
    static let pieces: [String] = [
        "جمارك", "دبي", "الشحنة", " ", " ", "  ", "\n", "\n", "\n\n", "\r\n", "# ", "## ", "- ", "* ", "+ ", "1. ", "2) ",
        "  - ", "    ", "> ", "**", "*", "_", "`", "[", "]", "(", ")", "](https://x.example/a)", "![", "<", ">", "|",
        "|---|", "---", "===", "```\nكود\n```\n", ".", "؟", "3.5", "١٢", "\\", "&amp;", "<b>", "</b>", "\t",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test func readerAndRendererHoldTheirContracts() throws {
        let environment = ProcessInfo.processInfo.environment
        var generator = Generator(state: UInt64(environment["BAYAN_MD_PROPERTY_SEED"] ?? "") ?? 0x4D_44)
        let reader = SniffingDocumentReader()
        let segmenter = ArabicSentenceSegmenter()
        var read = 0, checkedFences = 0
        for _ in 0..<(Int(environment["BAYAN_MD_PROPERTY_ROUNDS"] ?? "") ?? 600) {
            var text = generator.next(4) == 0 ? "---\ntitle: x\n---\n" : ""
            for _ in 0..<generator.next(80) { text += Self.pieces[generator.next(Self.pieces.count)] }
            if generator.next(3) == 0 { text += "\n\n```\nكود\n```\n" }
            let bytes = Array(text.utf8)
            let document: Document
            do { document = try reader.read(bytes, fileName: "p.md") } catch is BayanError { continue }
            read += 1
            let scalars = Array(document.text.unicodeScalars)
            for p in document.paragraphs {
                #expect(p.start < p.end && p.end <= scalars.count, "\(text.debugDescription)")
            }
            for s in segmenter.segment(document) {
                var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
                #expect(String(v) == s.text, "\(text.debugDescription)")
            }
            var english: [Int: String] = [:]
            for p in document.paragraphs { english[p.index] = "English \(p.index)" }
            let out = String(decoding: try MarkdownReleaseRenderer.render(original: bytes, document: document, englishByParagraph: english), as: UTF8.self)
            if text.hasPrefix("---\ntitle: x\n---\n") { #expect(out.hasPrefix("---\ntitle: x\n---\n"), "\(text.debugDescription)") }
            // A fence after a blank line, with no other backtick to open a code span before it.
            if text.contains("\n\n```\nكود\n```\n"), text.filter({ $0 == "`" }).count == 6 {
                #expect(out.contains("```\nكود\n```"), "\(text.debugDescription) → \(out.debugDescription)")
                checkedFences += 1
            }
        }
        #expect(read > 100)
        #expect(checkedFences > 3)
    }
}
