import ArabicText
import BayanCore
import Foundation
import Testing

/// A short release written for these tests, with every block kind Bayan reads from Markdown.
enum MarkdownSample {
    static let release = """
        ---
        title: بيان صحفي
        date: 2026-03-01
        ---

        # الجمارك تطلق *منصة* جديدة

        أعلنت الهيئة العامة للجمارك اليوم عن إطلاق
        منصة **رقمية** جديدة للتخليص. وتتيح المنصة
        تقديم البيانات على مدار الساعة.

        - تقليص زمن التخليص.
        - ربط المنافذ البرية:
          - منفذ الغويفات.
          - منفذ حتا.
        * خدمة العملاء.

        1. التسجيل في [البوابة](https://portal.example.gov/ar) الإلكترونية.
        2. رفع المستندات.

        > قال المدير العام إن المنصة
        > خطوة مهمة.

        ```
        curl https://portal.example.gov/api/status
        ```

        ## للتواصل

        البريد `media@customs.example.gov` متاح للاستفسارات.
        """

    static var bytes: [UInt8] { Array(release.utf8) }
    static var crlfBytes: [UInt8] { Array(release.replacingOccurrences(of: "\n", with: "\r\n").utf8) }
}

@Suite struct MarkdownReaderTests {
    let reader = SniffingDocumentReader()

    func paragraphs(_ doc: Document) -> [String] {
        let s = Array(doc.text.unicodeScalars)
        return doc.paragraphs.map { p in
            var v = String.UnicodeScalarView(); v.append(contentsOf: s[p.start..<p.end]); return String(v)
        }
    }

    @Test func everyBlockKindWithMarkersRemoved() throws {
        let doc = try reader.read(MarkdownSample.bytes, fileName: "release.md")
        #expect(doc.source.format == "markdown")
        #expect(paragraphs(doc) == [
            "الجمارك تطلق منصة جديدة",
            "أعلنت الهيئة العامة للجمارك اليوم عن إطلاق منصة رقمية جديدة للتخليص. وتتيح المنصة تقديم البيانات على مدار الساعة.",
            "تقليص زمن التخليص.", "ربط المنافذ البرية:", "منفذ الغويفات.", "منفذ حتا.", "خدمة العملاء.",
            "التسجيل في البوابة الإلكترونية.", "رفع المستندات.",
            "قال المدير العام إن المنصة خطوة مهمة.",
            "للتواصل",
            "البريد media@customs.example.gov متاح للاستفسارات.",
        ])
        #expect(doc.paragraphs.map(\.kind) == [
            .heading, .paragraph, .listItem, .listItem, .listItem, .listItem, .listItem, .listItem, .listItem, .quote,
            .heading, .paragraph,
        ])
    }

    @Test func codeBlockFrontMatterAndLinkTargetsAreNotTranslated() throws {
        let doc = try reader.read(MarkdownSample.bytes, fileName: "release.md")
        #expect(!doc.text.contains("curl"))
        #expect(!doc.text.contains("portal.example.gov"))
        #expect(!doc.text.contains("title:"))
        #expect(!doc.text.contains("*") && !doc.text.contains("#") && !doc.text.contains(">") && !doc.text.contains("`"))
    }

    @Test func softWrappedLinesAreOneParagraphAndSegmentsSliceTheText() throws {
        let doc = try reader.read(MarkdownSample.bytes, fileName: "release.md")
        let segments = ArabicSentenceSegmenter().segment(doc)
        let scalars = Array(doc.text.unicodeScalars)
        for s in segments {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[s.start..<s.end])
            #expect(String(v) == s.text)
        }
        // The wrapped paragraph gives two sentences, neither cut at the line break.
        #expect(segments.filter { $0.paragraph == 1 }.map(\.text) == [
            "أعلنت الهيئة العامة للجمارك اليوم عن إطلاق منصة رقمية جديدة للتخليص.",
            "وتتيح المنصة تقديم البيانات على مدار الساعة.",
        ])
    }

    @Test func crlfReadsLikeLF() throws {
        let lf = try reader.read(MarkdownSample.bytes, fileName: "release.md")
        let crlf = try reader.read(MarkdownSample.crlfBytes, fileName: "release.md")
        #expect(crlf.text == lf.text)
        #expect(crlf.paragraphs == lf.paragraphs)
    }

    @Test func inlineEmphasisAndLinksAreKeptAsPositions() throws {
        let layout = try MarkdownDocumentReader.layout(MarkdownSample.bytes, fileName: "release.md")
        let scalars = Array(layout.text.unicodeScalars)
        func text(_ i: MarkdownLayout.Inline) -> String {
            var v = String.UnicodeScalarView(); v.append(contentsOf: scalars[i.start..<i.end]); return String(v)
        }
        let inlines = layout.units.flatMap(\.inlines)
        #expect(inlines.map(\.kind) == [.emphasis, .strong, .link, .code])
        #expect(inlines.map(text) == ["منصة", "رقمية", "البوابة", "media@customs.example.gov"])
        #expect(inlines[2].target == "https://portal.example.gov/ar")
    }

    @Test func nestedListsKeepTheirDepthInTheSource() throws {
        let layout = try MarkdownDocumentReader.layout(MarkdownSample.bytes, fileName: "release.md")
        let items = layout.units.filter { $0.kind == .listItem }
        #expect(items.map(\.prefix) == ["- ", "- ", "  - ", "  - ", "* ", "1. ", "2. "])
    }

    @Test func plainTextFilesStayLineByLine() throws {
        let doc = try reader.read(Array("# عنوان\nسطر أول\nسطر ثان".utf8), fileName: "a.txt")
        #expect(doc.source.format == "text")
        #expect(doc.paragraphs.count == 3)
    }

    /// Input that makes Ink recurse too deep (a crash) or retry without end (minutes): refused at
    /// once with a way out, never handed to Ink.
    @Test(arguments: [
        ("brackets", String(repeating: "[", count: 5000) + "نص"),
        ("images", String(repeating: "![", count: 3000) + "نص"),
        ("unclosed brackets", String(repeating: "[أ ", count: 11) + "ب"),
        ("unclosed brackets in many paragraphs", String(repeating: String(repeating: "[أ ", count: 9) + "ب\n\n", count: 100)),
        ("link targets", "نص " + String(repeating: "[x](", count: 3000)),
        ("deep list", (0..<200).map { String(repeating: " ", count: $0) + "- بند\n" }.joined()),
    ])
    func hostileMarkdownIsRefusedQuickly(_ item: (String, String)) throws {
        let error = #expect(throws: BayanError.self, "\(item.0)") { try reader.read(Array(item.1.utf8), fileName: "x.md") }
        #expect(error?.message.contains("save the file as .txt") == true, "\(item.0): \(error?.message ?? "")")
    }

    @Test func ordinaryBracketsAndParenthesesAreRead() throws {
        let text = "قال (المدير) إن [المنصة](https://a.example) جاهزة [1]. وأضاف: 3 < 5.\n\n[قسم] ثان."
        let doc = try reader.read(Array(text.utf8), fileName: "x.md")
        #expect(doc.paragraphs.count == 2)
    }

    @Test func emptyMarkdownAndOnlyCodeAreRefused() throws {
        let error = #expect(throws: BayanError.self) {
            try reader.read(Array("```\nlet x = 1\n```\n".utf8), fileName: "code.md")
        }
        #expect(error?.message.contains("no text to translate") == true)
    }
}

@Suite struct MarkdownReleaseRendererTests {
    let reader = SniffingDocumentReader()

    /// English for every paragraph: "P<index>" plus the paragraph's kind, so order shows.
    func render(_ bytes: [UInt8], english: ((Int, Paragraph) -> String?)? = nil) throws -> String {
        let doc = try reader.read(bytes, fileName: "release.md")
        var en: [Int: String] = [:]
        for p in doc.paragraphs { en[p.index] = english.map { $0(p.index, p) } ?? "P\(p.index) \(p.kind.rawValue)" }
        return String(decoding: try MarkdownReleaseRenderer.render(original: bytes, document: doc, englishByParagraph: en), as: UTF8.self)
    }

    @Test func keepsTheStructure() throws {
        let out = try render(MarkdownSample.bytes)
        #expect(out == """
            ---
            title: بيان صحفي
            date: 2026-03-01
            ---

            # P0 heading

            P1 paragraph

            - P2 list_item
            - P3 list_item
              - P4 list_item
              - P5 list_item
            * P6 list_item

            1. P7 list_item (<https://portal.example.gov/ar>)
            2. P8 list_item

            > P9 quote

            ```
            curl https://portal.example.gov/api/status
            ```

            ## P10 heading

            P11 paragraph
            """)
    }

    @Test func keepsCRLF() throws {
        let out = try render(MarkdownSample.crlfBytes)
        #expect(out.contains("# P0 heading\r\n\r\nP1 paragraph\r\n"))
        #expect(!out.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func marksAroundTheWholeParagraphOrUnchangedTextComeBack() throws {
        let md = Array("**تنبيه هام**\n\nراجع [www.customs.example.gov](https://www.customs.example.gov) و*الدليل*.\n".utf8)
        let out = try render(md) { index, _ in
            index == 0 ? "Important notice" : "See www.customs.example.gov and the guide."
        }
        #expect(out == "**Important notice**\n\nSee [www.customs.example.gov](https://www.customs.example.gov) and the guide.\n")
    }

    @Test func untranslatedParagraphsStayAsWrittenAndSyntaxIsEscaped() throws {
        let md = Array("# عنوان\n\nفقرة أولى.\n\nفقرة ثانية.\n".utf8)
        let out = try render(md) { index, _ in index == 1 ? "1. First, the facts." : (index == 0 ? "Title" : nil) }
        #expect(out == "# Title\n\n1\\. First, the facts.\n\nفقرة ثانية.\n")
    }

    @Test func inlineImagesAreNotTextAndComeBack() throws {
        let md = Array("![شعار](logo.png) أطلقت الهيئة المنصة ![صورة](a.jpg) اليوم.\n".utf8)
        let doc = try reader.read(md, fileName: "i.md")
        #expect(doc.text == "أطلقت الهيئة المنصة اليوم.")
        let out = try render(md) { _, _ in "The authority launched the platform today." }
        #expect(out == "![شعار](logo.png) The authority launched the platform today. ![صورة](a.jpg)\n")
    }

    @Test func anglesThatOpenNoTagAreText() throws {
        let md = Array("أطلقت الهيئة حملة <<الأمن أولاً>> اليوم، والنسبة 3 < 5 و`a<b` وa<b و c>d.\n\nنص <b>عريض</b> هنا.\n".utf8)
        let doc = try reader.read(md, fileName: "a.md")
        // And thousands of them are text, not a reason to refuse the file.
        let many = try reader.read(Array((String(repeating: "<", count: 5000) + "نص").utf8), fileName: "b.md")
        #expect(many.text.unicodeScalars.count == 5002)
        let openings = try reader.read(Array((String(repeating: "<a ", count: 5000) + ">نص").utf8), fileName: "c.md")
        #expect(openings.text.hasPrefix("<a <a <a "))
        #expect(doc.text.split(separator: "\n").map(String.init) == ["أطلقت الهيئة حملة <<الأمن أولاً>> اليوم، والنسبة 3 < 5 وa<b وa<b و c>d.", "نص عريض هنا."])
    }

    @Test func setextHeadingsAreHeadings() throws {
        let md = Array("البيان الصحفي\n=============\n\nعنوان فرعي\n----------\n\nنص الخبر.\n".utf8)
        let doc = try reader.read(md, fileName: "s.md")
        #expect(doc.paragraphs.map(\.kind) == [.heading, .heading, .paragraph])
        #expect(!doc.text.contains("=") && !doc.text.contains("-"))
        let out = try render(md) { index, _ in ["Press release", "Subtitle", "The news."][index] }
        #expect(out == "# Press release\n\n## Subtitle\n\nThe news.\n")
    }

    @Test func tableCellsAreTranslatedInTheirRows() throws {
        let md = Array("| البند | القيمة |\n|---|---|\n| الصادرات | 5 |\n".utf8)
        let doc = try reader.read(md, fileName: "t.md")
        #expect(doc.paragraphs.map(\.kind) == [.tableCell, .tableCell, .tableCell, .tableCell])
        let out = try render(md) { index, _ in ["Item", "Value", "Exports", "5"][index] }
        #expect(out == "| Item | Value |\n|---|---|\n| Exports | 5 |\n")
    }
}
