import ArabicText
import BayanCore
import BayanTestSupport

/// Limits small enough for the fuzzer to hit each one; `.ci/fuzz` also caps single allocations
/// (`-malloc_limit_mb`), so a limit that fails to hold shows up as a crash.
private let limits = ReaderLimits(
    maxFileBytes: 1 << 20, maxZipEntries: 32, maxEntryUncompressedBytes: 1 << 20,
    maxTotalUncompressedBytes: 2 << 20, maxCompressionRatio: 100, maxTextScalars: 100_000)

private let rels = Array(DocxFixture.rels.utf8)
private let styles = Array(DocxFixture.styles.utf8)
private let plainBody = Array(DocxFixture.body(DocxFixture.paragraph("قالت الهيئة العامة للجمارك.", style: "1")).utf8)

/// First byte: how to use the rest.
///  0: the raw bytes of a .docx (mutated ZIP structure: directory, headers, sizes, CRCs).
///  1: word/document.xml, in a well-formed ZIP (stored) with styles.
///  2: word/styles.xml, with a fixed document.xml.
///  3: _rels/.rels pointing anywhere, with the body under a different name.
///  4: word/footnotes.xml next to a fixed document.
///  5: a bomb-shaped entry: a hand-made deflate stream of zeros whose size the input chooses.
public enum DocxTarget {
    public static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let mode = input.byte() % 6
        let bytes: [UInt8]
        switch mode {
        case 0:
            bytes = input.rest
        case 1:
            bytes = TestZip.archive([
                TestZip.stored("_rels/.rels", rels), TestZip.stored("word/styles.xml", styles), TestZip.stored("word/document.xml", input.rest),
            ])
        case 2:
            bytes = TestZip.archive([TestZip.stored("word/styles.xml", input.rest), TestZip.stored("word/document.xml", plainBody)])
        case 3:
            bytes = TestZip.archive([TestZip.stored("_rels/.rels", input.rest), TestZip.stored("word/main.xml", plainBody)])
        case 4:
            bytes = TestZip.archive([TestZip.stored("word/document.xml", plainBody), TestZip.stored("word/footnotes.xml", input.rest)])
        default:
            // Declared and real sizes both chosen by the fuzzer, up to ~8 MiB of zeros.
            let groups = Int(input.byte()) << 4 | Int(input.byte() & 0x0F)
            let declaredShift = Int(input.byte() % 32)
            let zeros = TestZip.zeros(groups: groups)
            let declared = input.byte() & 1 == 0 ? UInt32(zeros.size) : UInt32(truncatingIfNeeded: zeros.size >> declaredShift)
            let crc = input.byte() & 1 == 0 ? UInt32(0) : TestZip.crc32([UInt8](repeating: 0, count: min(zeros.size, 1 << 16)))
            bytes = TestZip.archive([
                TestZip.stored("word/styles.xml", styles),
                TestZip.Entry(path: "word/document.xml", method: 8, data: zeros.stream, crc: crc, uncompressedSize: declared),
            ])
        }

        do {
            let document = try DocxDocumentReader(limits: limits).read(bytes, fileName: "release.docx")
            DocumentInvariants.check(document, bytes: bytes, fileName: "release.docx", limits: limits)
            FuzzCheck.require(document.source.format == "docx", "docx reader reported format \(document.source.format)")
        } catch {
            DocumentInvariants.checkRefusal(error)
        }
    }
}
