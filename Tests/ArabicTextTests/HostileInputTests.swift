import BayanTestSupport
import ArabicText
import BayanCore
import Foundation
import Testing

/// Hostile and broken files: each must be refused quickly, with a reason, without inflating
/// more than the limits allow.
@Suite struct HostileInputTests {
    let reader = SniffingDocumentReader()

    func refused(_ bytes: [UInt8], _ reader: SniffingDocumentReader? = nil, containing words: [String]) -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        let error = #expect(throws: BayanError.self) { try (reader ?? self.reader).read(bytes, fileName: "hostile.docx") }
        let elapsed = clock.now - start
        #expect(error?.code == .badInput)
        for word in words {
            #expect(error?.message.contains(word) == true, "missing «\(word)» in: \(error?.message ?? "no error")")
        }
        return elapsed
    }

    func docx(documentXML: TestZip.Entry) -> [UInt8] {
        TestZip.archive([
            TestZip.stored("[Content_Types].xml", Array(DocxFixture.contentTypes.utf8)),
            TestZip.stored("_rels/.rels", Array(DocxFixture.rels.utf8)), documentXML,
        ])
    }

    @Test func gigabyteOfZerosInsideADocx() throws {
        // 1 GiB of zeros as word/document.xml: 6.8 MB of hand-made deflate, honest sizes.
        let zeros = TestZip.zeros(groups: 520_223)
        #expect(zeros.size > 1_073_000_000)
        let entry = TestZip.Entry(path: "word/document.xml", method: 8, data: zeros.stream, crc: 0, uncompressedSize: UInt32(zeros.size))
        let elapsed = refused(docx(documentXML: entry), containing: ["word/document.xml", "zip bomb"])
        #expect(elapsed < .seconds(5))
    }

    @Test func bombThatLiesAboutItsSize() throws {
        // The header claims 4 KiB; inflating must stop at the limit, not run to 1 GiB.
        let zeros = TestZip.zeros(groups: 520_223)
        let entry = TestZip.Entry(path: "word/document.xml", method: 8, data: zeros.stream, crc: 0, uncompressedSize: 4096)
        let limits = ReaderLimits(maxEntryUncompressedBytes: 4 << 20)
        let elapsed = refused(docx(documentXML: entry), SniffingDocumentReader(limits: limits), containing: ["more than its header says"])
        #expect(elapsed < .seconds(10))
    }

    @Test func highCompressionRatio() throws {
        let zeros = TestZip.zeros(groups: 10_000)  // ~20 MiB from ~130 KB
        let entry = TestZip.Entry(path: "word/document.xml", method: 8, data: zeros.stream, crc: 0, uncompressedSize: UInt32(zeros.size))
        _ = refused(docx(documentXML: entry), SniffingDocumentReader(limits: ReaderLimits(maxCompressionRatio: 100)), containing: ["to 1", "zip bomb"])
    }

    @Test func tooManyEntries() throws {
        let entries = (0..<2_100).map { TestZip.stored("word/media/image\($0).png", []) }
        let elapsed = refused(TestZip.archive(entries), containing: ["more than 2000 files"])
        #expect(elapsed < .seconds(5))
    }

    @Test func declaredTotalTooLarge() throws {
        let parts = (0..<20).map {
            TestZip.Entry(path: "word/part\($0).xml", method: 0, data: [], crc: 0, uncompressedSize: 40 << 20)
        }
        _ = refused(TestZip.archive(parts), containing: ["MiB", "zip bomb"])
    }

    @Test func externalEntityAndBillionLaughs() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        var laughs = "<?xml version=\"1.0\"?>\n<!doctype lolz [<!ENTITY lol \"lol\">"
        laughs += (1...9).map { "<!ENTITY lol\($0) \"" + String(repeating: "&lol\($0 - 1 == 0 ? "" : String($0 - 1));", count: 10) + "\">" }.joined()
        laughs += "]><w:document><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
        for xml in [xxe, laughs] {
            let bytes = try DocxFixture.build(document: xml)
            let elapsed = refused(bytes, containing: ["DOCTYPE", "word/document.xml"])
            #expect(elapsed < .seconds(2))
        }
        // Also in styles.xml, which is read first.
        let styles = "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://evil/x.dtd\"><w:styles/>"
        let good = try DocxFixture.build(document: DocxFixture.body(DocxFixture.paragraph("نص")))
        _ = good
        let bad = TestZip.archive([
            TestZip.stored("word/styles.xml", Array(styles.utf8)),
            TestZip.stored("word/document.xml", Array(DocxFixture.body(DocxFixture.paragraph("نص")).utf8)),
        ])
        _ = refused(bad, containing: ["DOCTYPE", "styles.xml"])
    }

    @Test func truncatedZip() throws {
        let bytes = try DocxFixture.build(document: DocxFixture.body(DocxFixture.paragraph("جمارك دبي تشارك في المؤتمر.")))
        for fraction in [0.3, 0.6, 0.9] {
            let cut = Array(bytes.prefix(Int(Double(bytes.count) * fraction)))
            _ = refused(cut, containing: ["damaged"])
        }
    }

    @Test func corruptedDeflateData() throws {
        var bytes = TestZip.archive([
            TestZip.Entry(path: "word/document.xml", method: 8, data: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], crc: 1, uncompressedSize: 100)
        ])
        _ = refused(bytes, containing: ["damaged"])
        bytes = TestZip.archive([TestZip.Entry(path: "word/document.xml", method: 0, data: Array("<w:document/>".utf8), crc: 12345, uncompressedSize: 13)])
        _ = refused(bytes, containing: ["damaged"])
    }

    @Test func randomBytesNeverCrash() {
        // Deterministic pseudo-random garbage, with and without a ZIP signature in front.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for round in 0..<200 {
            var bytes: [UInt8] = round % 2 == 0 ? [0x50, 0x4B, 0x03, 0x04] : []
            for _ in 0..<(round * 7 % 900) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(UInt8(truncatingIfNeeded: state >> 33))
            }
            do {
                let doc = try reader.read(bytes, fileName: "r\(round)")
                #expect(doc.paragraphs.allSatisfy { $0.start <= $0.end && $0.end <= doc.text.unicodeScalars.count })
            } catch let error as BayanError {
                #expect(error.code == .badInput)
                #expect(!error.message.isEmpty)
            } catch {
                Issue.record("unexpected error type: \(error)")
            }
        }
    }
}
