import ArabicText
import BayanCore
import Foundation
import Testing

@Suite struct TextReaderTests {
    let reader = SniffingDocumentReader()
    let segmenter = ArabicSentenceSegmenter()

    func utf16(_ s: String, littleEndian: Bool, bom: Bool = true) -> [UInt8] {
        var out: [UInt8] = bom ? (littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]) : []
        for u in s.utf16 {
            let pair = [UInt8(u & 0xFF), UInt8(u >> 8)]
            out += littleEndian ? pair : pair.reversed()
        }
        return out
    }

    func checkPitfalls(_ bytes: [UInt8], encoding: String, expected: [String] = PitfallCorpus.sentences) throws {
        let doc = try reader.read(bytes, fileName: "release.txt")
        #expect(doc.source.encoding == encoding)
        #expect(doc.source.format == "text")
        #expect(doc.paragraphs.count == PitfallCorpus.lines.count)
        #expect(segmenter.segment(doc).map(\.text) == expected)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        try checkPitfalls(Array(PitfallCorpus.text.utf8), encoding: "utf-8")
        try checkPitfalls([0xEF, 0xBB, 0xBF] + Array(PitfallCorpus.text.utf8), encoding: "utf-8")
        let doc = try reader.read([0xEF, 0xBB, 0xBF] + Array("نص".utf8), fileName: "a.txt")
        #expect(doc.text == "نص")  // the BOM is dropped
    }

    @Test func utf16WithBOMBothByteOrders() throws {
        try checkPitfalls(utf16(PitfallCorpus.text, littleEndian: true), encoding: "utf-16le")
        try checkPitfalls(utf16(PitfallCorpus.text, littleEndian: false), encoding: "utf-16be")
        try checkPitfalls(utf16(PitfallCorpus.text, littleEndian: true, bom: false), encoding: "utf-16le")
    }

    @Test func windows1256DetectedByStatistics() throws {
        let text = PitfallCorpus.westernDigits(PitfallCorpus.text)
        let bytes = try #require(Windows1256.encode(text))
        try checkPitfalls(bytes, encoding: "windows-1256", expected: PitfallCorpus.sentences.map(PitfallCorpus.westernDigits))
        // Windows line ends too.
        let crlf = try #require(Windows1256.encode(text.replacingOccurrences(of: "\n", with: "\r\n")))
        #expect(try reader.read(crlf, fileName: "a.txt").paragraphs.count == PitfallCorpus.lines.count)
    }

    @Test func windows1256GoldenBytes() throws {
        // «جمارك دبي، 2024.» as Windows-1256 writes it (from the Unicode mapping file).
        let golden: [UInt8] = [204, 227, 199, 209, 223, 32, 207, 200, 237, 161, 32, 50, 48, 50, 52, 46]
        #expect(Windows1256.decodeWithTable(golden) == "جمارك دبي، 2024.")
        #expect(Windows1256.encode("جمارك دبي، 2024.") == golden)
        #expect(Windows1256.decode(golden[...]) == "جمارك دبي، 2024.")
        // Foundation and the table agree on every byte (when Foundation can decode at all).
        for b in UInt8(0x80)...UInt8(0xFF) {
            if let viaFoundation = String(bytes: [b], encoding: Windows1256.foundationEncoding) {
                #expect(viaFoundation == Windows1256.decodeWithTable([b]), "byte \(b)")
            }
        }
        #expect(Windows1256.decodeWithTable([0x81, 0x8D, 0x90, 0x98, 0xAA, 0xC0, 0xFF]) == "پچگکھہے")
    }

    @Test func invalidUTF8IsRefusedWithAReason() throws {
        let latin1: [UInt8] = Array("caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8] + Array("me ".utf8) + [0xE0] + Array(" la carte".utf8)
        let error = #expect(throws: BayanError.self) { try reader.read(latin1, fileName: "menu.txt") }
        #expect(error?.code == .badInput)
        #expect(error?.message.contains("not valid UTF-8") == true)
        #expect(error?.message.contains("menu.txt") == true)
        // Arabic UTF-8 cut mid-character must not pass as Windows-1256.
        var broken = Array("شاركت جمارك دبي في المؤتمر العالمي".utf8)
        broken.insert(0xD8, at: 10)
        #expect(throws: BayanError.self) { try reader.read(broken, fileName: "cut.txt") }
    }

    @Test func binaryAndEmptyFilesAreRefused() throws {
        for (bytes, word) in [
            (Array("%PDF-1.7\n".utf8), "PDF"), ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1], "Word 97"),
            ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A], "PNG"), (Array("{\\rtf1\\ansi".utf8), "RTF"),
            ([0x41, 0x00, 0x42, 0x43, 0x00, 0x01, 0x02], "binary"), (Array("  \n ".utf8), "empty"),
        ] {
            let error = #expect(throws: BayanError.self) { try reader.read(bytes, fileName: "x.bin") }
            #expect(error?.message.contains(word) == true, "\(word): \(error?.message ?? "")")
        }
        let renamed = #expect(throws: BayanError.self) { try reader.read(Array("نص".utf8), fileName: "x.docx") }
        #expect(renamed?.message.contains("not a Word document") == true)
    }

    @Test func markdownKinds() throws {
        let doc = try reader.read(Array("# عنوان الخبر\nنص الخبر.\n- بند أول\n2. بند ثان".utf8), fileName: "a.md")
        #expect(doc.paragraphs.map(\.kind) == [.heading, .paragraph, .listItem, .listItem])
    }

    @Test func fileSizeLimit() throws {
        let small = SniffingDocumentReader(limits: ReaderLimits(maxFileBytes: 10))
        let error = #expect(throws: BayanError.self) { try small.read(Array("نص طويل جدا جدا".utf8), fileName: "big.txt") }
        #expect(error?.message.contains("larger than the limit") == true)
    }
}
