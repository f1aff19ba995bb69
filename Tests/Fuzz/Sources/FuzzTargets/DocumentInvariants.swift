import ArabicText
import BayanCore

/// What every `DocumentReader` promises, checked on each document or error it returns.
public enum DocumentInvariants {
    public static let encodings: Set<String> = ["utf-8", "utf-16le", "utf-16be", "windows-1256"]
    public static let formats: Set<String> = ["text", "docx", "html", "markdown"]

    public static func check(_ document: Document, bytes: [UInt8], fileName: String, limits: ReaderLimits) {
        let count = document.text.unicodeScalars.count
        FuzzCheck.require(count <= limits.maxTextScalars, "text has \(count) scalars, limit \(limits.maxTextScalars)")
        FuzzCheck.require(!document.text.unicodeScalars.contains("\u{0}"), "decoded text contains NUL")
        FuzzCheck.require(document.source.file == fileName, "source.file \(document.source.file) != \(fileName)")
        FuzzCheck.require(document.source.sha256 == SHA256.hex(bytes), "source.sha256 is not the SHA-256 of the input")
        FuzzCheck.require(encodings.contains(document.source.encoding), "unknown encoding \(document.source.encoding)")
        FuzzCheck.require(formats.contains(document.source.format), "unknown format \(document.source.format)")
        var previousEnd = 0
        for (k, p) in document.paragraphs.enumerated() {
            FuzzCheck.require(p.index == k, "paragraph \(k) has index \(p.index)")
            FuzzCheck.require(p.start < p.end, "paragraph \(k) is empty or reversed: \(p.start)..<\(p.end)")
            FuzzCheck.require(p.start >= previousEnd, "paragraph \(k) starts at \(p.start) before the previous end \(previousEnd)")
            FuzzCheck.require(p.end <= count, "paragraph \(k) ends at \(p.end) past the text (\(count) scalars)")
            previousEnd = p.end
        }
    }

    /// Readers refuse input only with `BayanError.badInput` and a sentence for a person.
    public static func checkRefusal(_ error: any Error) {
        guard let error = error as? BayanError else { FuzzCheck.fail("threw a non-BayanError: \(error)") }
        FuzzCheck.require(error.code == .badInput, "refused with code \(error.code), not bad-input: \(error.message)")
        FuzzCheck.require(!error.message.isEmpty, "refused with an empty message")
    }
}
