@testable import ArabicText
import BayanCore
import BayanTestSupport
import Foundation
import Testing

/// Inputs the libFuzzer targets in Tests/Fuzz found crashing or breaking an invariant, each made
/// small and explicit here, plus the fuzzers' own reproducer files replayed as the targets read them.
@Suite struct FuzzRegressionTests {
    let reader = SniffingDocumentReader()

    func refusal(_ bytes: [UInt8], _ name: String = "f.docx") -> BayanError? {
        #expect(throws: BayanError.self) { try reader.read(bytes, fileName: name) }
    }

    func smallDocx() -> [UInt8] {
        TestZip.archive([
            TestZip.stored("_rels/.rels", Array(DocxFixture.rels.utf8)),
            TestZip.stored("word/document.xml", Array(DocxFixture.body(DocxFixture.paragraph("قالت الهيئة.")).utf8)),
        ])
    }

    func setLE32(_ bytes: inout [UInt8], _ at: Int, _ value: UInt32) {
        for k in 0..<4 { bytes[at + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
    }

    /// ZIPFoundation trapped (`Range requires lowerBound <= upperBound`) reading a central
    /// directory that starts past the end of an in-memory archive: one file crashed the daemon.
    @Test func centralDirectoryPastTheEndIsRefused() throws {
        var bytes = smallDocx()
        #expect(try reader.read(bytes, fileName: "ok.docx").paragraphs.count == 1)
        let end = bytes.count - 22
        setLE32(&bytes, end + 16, UInt32(bytes.count + 300))
        #expect(refusal(bytes)?.message.contains("damaged") == true)
    }

    @Test func localHeaderPastTheEndIsRefused() {
        var bytes = smallDocx()
        let end = bytes.count - 22
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8
        setLE32(&bytes, directory + 42, UInt32(bytes.count + 5))
        #expect(refusal(bytes)?.code == .badInput)
    }

    /// Without an end record ZIPFoundation leaked the input and scanned every byte of the file.
    @Test func zipWithoutEndRecordIsRefused() {
        var bytes: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        bytes += [UInt8](repeating: 0x41, count: 3 << 20)
        #expect(refusal(bytes)?.message.contains("damaged") == true)
    }

    @Test func zip64SizesAreRefused() {
        var bytes = smallDocx()
        let end = bytes.count - 22
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8
        setLE32(&bytes, directory + 20, 0xFFFF_FFFF)
        #expect(refusal(bytes)?.code == .badInput)
    }

    /// ZIPFoundation's extract looped forever on a deflate stream that does not end inside its
    /// compressed size: one .docx hung a worker at full CPU.
    @Test func truncatedDeflateStreamIsRefused() {
        let zeros = TestZip.zeros(groups: 64)
        let cut = Array(zeros.stream.prefix(zeros.stream.count / 2))
        let bytes = TestZip.archive([
            TestZip.Entry(path: "word/document.xml", method: 8, data: cut, crc: 0, uncompressedSize: UInt32(zeros.size))
        ])
        #expect(refusal(bytes)?.message.contains("damaged") == true)
    }

    /// NUL passed the text decoder after a UTF-8 byte order mark (refused without one).
    @Test func nulAfterUTF8BOMIsRefused() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("قالت الهيئة".utf8) + [0x00] + Array(" اليوم.".utf8)
        #expect(throws: BayanError.self) { try TextDecoder.decode(bytes, fileName: "n.txt") }
        #expect(refusal(bytes, "n.txt")?.message.contains("NUL") == true)
    }

    /// A raw NUL byte inside a .docx text run reached Document.text.
    @Test func nulInDocxTextIsDropped() throws {
        let body = DocxFixture.body("<w:p><w:r><w:t>قالت\u{0}\u{0} الهيئة.</w:t></w:r></w:p>")
        let bytes = TestZip.archive([TestZip.stored("word/document.xml", Array(body.utf8))])
        let document = try reader.read(bytes, fileName: "n.docx")
        #expect(!document.text.unicodeScalars.contains("\u{0}"))
        #expect(document.text == "قالت الهيئة.")
    }

    /// The seed corpus and the fuzzers' reproducer files (crash-*), read as the targets read them
    /// (first byte: options), so every `swift test` replays them.
    @Test(arguments: ["decoder", "docx"]) func fuzzReproducersAreHandled(target: String) throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!files.isEmpty)
        let extensions = ["txt", "md", "html", "htm", "docx", "TXT", "xhtml", "", "pdf"]  // as DecoderTarget
        for file in files {
            let data = try [UInt8](Data(contentsOf: dir.appendingPathComponent(file)))
            guard let first = data.first else { continue }
            let ext = target == "docx" ? "docx" : extensions[Int(first) % extensions.count]
            do {
                let document = try reader.read(Array(data.dropFirst()), fileName: "r.\(ext)")
                #expect(!document.text.unicodeScalars.contains("\u{0}"), "\(file)")
            } catch let error as BayanError {
                #expect(error.code == .badInput, "\(file)")
            }
        }
    }

    /// The segmenter's seeds and reproducers as raw UTF-8 (the target's mode with an even first
    /// byte): spans ordered, disjoint, non-empty, and each segment's text the slice it names.
    @Test func segmenterCorpusKeepsSpansExact() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/segmenter")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!files.isEmpty)
        for file in files {
            let data = try [UInt8](Data(contentsOf: dir.appendingPathComponent(file)))
            let text = String(decoding: data.dropFirst(), as: UTF8.self)
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for (k, segment) in ArabicSentenceSegmenter().segment(text: text).enumerated() {
                #expect(segment.id == k + 1 && segment.start >= previousEnd && segment.start < segment.end, "\(file)")
                guard segment.end <= scalars.count else {
                    Issue.record("\(file): segment \(segment.id) ends past the text")
                    break
                }
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[segment.start..<segment.end])
                #expect(String(view) == segment.text, "\(file)")
                previousEnd = segment.end
            }
        }
    }

    /// ZIPFoundation tells zlib every chunk is full (found by fuzzing: a SEGV in inflate on a
    /// shorter last chunk), so the .docx reader's chunks are always exactly as long as asked.
    @Test func deflateChunksAreAlwaysFull() throws {
        let bytes = [UInt8](repeating: 7, count: 100)
        let last = try DocxDocumentReader.chunk(bytes, start: 10, size: 50, position: 40, length: 64)
        #expect(last.count == 64)
        #expect(Array(last.prefix(10)) == [UInt8](repeating: 7, count: 10))
        #expect(last.dropFirst(10).allSatisfy { $0 == 0 })
        #expect(try DocxDocumentReader.chunk(bytes, start: 10, size: 50, position: 0, length: 16).count == 16)
        #expect(throws: (any Error).self) { _ = try DocxDocumentReader.chunk(bytes, start: 10, size: 50, position: 50, length: 64) }
    }
}
