import ArabicText
import BayanCore

/// The first byte picks the file name's extension (only a hint to the sniffer); the rest is the
/// file as it lands in the inbox.
private let extensions = ["txt", "md", "html", "htm", "docx", "TXT", "xhtml", "", "pdf"]

/// Small enough that the fuzzer reaches every limit; large enough for real press releases.
private let limits = ReaderLimits(
    maxFileBytes: 1 << 20, maxZipEntries: 64, maxEntryUncompressedBytes: 1 << 20,
    maxTotalUncompressedBytes: 4 << 20, maxCompressionRatio: 200, maxTextScalars: 200_000)

public enum DecoderTarget {
    public static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let ext = input.pick(extensions)
        let fileName = ext.isEmpty ? "release" : "release.\(ext)"
        let bytes = input.rest

        do {
            let document = try SniffingDocumentReader(limits: limits).read(bytes, fileName: fileName)
            DocumentInvariants.check(document, bytes: bytes, fileName: fileName, limits: limits)
            FuzzCheck.require(!document.paragraphs.isEmpty, "accepted a document without paragraphs")
        } catch {
            DocumentInvariants.checkRefusal(error)
        }

        // The text decoder alone: strict, lossless where it claims to be.
        do {
            let decoded = try TextDecoder.decode(bytes, fileName: fileName)
            FuzzCheck.require(DocumentInvariants.encodings.contains(decoded.encoding), "unknown encoding \(decoded.encoding)")
            FuzzCheck.require(!decoded.text.unicodeScalars.contains("\u{0}"), "decoded text contains NUL")
            switch decoded.encoding {
            case "utf-8":
                let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
                FuzzCheck.require(Array(decoded.text.utf8) == body, "UTF-8 decode is not byte-exact")
            case "windows-1256":
                FuzzCheck.require(decoded.text.unicodeScalars.count == bytes.count, "Windows-1256 gave \(decoded.text.unicodeScalars.count) scalars for \(bytes.count) bytes")
                FuzzCheck.require(decoded.text == Windows1256.decodeWithTable(bytes), "Windows-1256 decode differs from the table")
            default:
                let body = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? bytes.count - 2 : bytes.count
                FuzzCheck.require(decoded.text.utf16.count * 2 == body, "UTF-16 decode lost or invented code units")
            }
        } catch {
            DocumentInvariants.checkRefusal(error)
        }
    }
}
