import BayanCore

/// The English text file: every paragraph's span replaced by its English, everything between
/// paragraphs (blank lines, indentation, line endings) kept; a line's Markdown marker («# »,
/// «- », «1. ») is kept when the English lost it. Written as UTF-8, with a BOM only when the
/// original had a UTF-8 BOM; a line break inside a paragraph's English uses the file's style.
public enum PlainTextReleaseRenderer {
    public static func render(original: [UInt8], document: Document, englishByParagraph: [Int: String]) throws -> [UInt8] {
        let text = Array(document.text.unicodeScalars)
        let newline: String
        if UTF8Search.contains(document.text, "\r\n") {
            newline = "\r\n"
        } else if document.text.unicodeScalars.contains("\r") {
            newline = "\r"
        } else {
            newline = "\n"
        }
        var out = String.UnicodeScalarView()
        var at = 0
        for paragraph in document.paragraphs.sorted(by: { $0.start < $1.start }) {
            guard paragraph.start >= at, paragraph.end <= text.count else {
                throw BayanError.badInput("\(document.source.file): paragraph \(paragraph.index) lies outside the text; the document and its original do not match.")
            }
            out.append(contentsOf: text[at..<paragraph.start])
            let source = text[paragraph.start..<paragraph.end]
            if let english = englishByParagraph[paragraph.index] {
                let marker = Self.marker(source)
                if !marker.isEmpty && !english.hasPrefix(marker) { out.append(contentsOf: marker.unicodeScalars) }
                out.append(contentsOf: UTF8Search.replacing("\n", with: newline, in: english).unicodeScalars)
            } else {
                out.append(contentsOf: source)
            }
            at = paragraph.end
        }
        out.append(contentsOf: text[at...])
        let bom: [UInt8] = original.starts(with: [0xEF, 0xBB, 0xBF]) ? [0xEF, 0xBB, 0xBF] : []
        return bom + Array(String(out).utf8)
    }

    /// «# », «## », «- », «* », «• », «1. », «1) » at the start of a line.
    static func marker(_ line: ArraySlice<Unicode.Scalar>) -> String {
        var k = line.startIndex
        if k < line.endIndex, line[k] == "#" {
            while k < line.endIndex, line[k] == "#" { k += 1 }
        } else if k < line.endIndex, line[k] == "-" || line[k] == "*" || line[k] == "\u{2022}" {
            k += 1
        } else {
            while k < line.endIndex, k - line.startIndex < 3, ArabicSentenceSegmenter.digitValue(line[k].value) != nil { k += 1 }
            guard k > line.startIndex, k < line.endIndex, line[k] == "." || line[k] == ")" else { return "" }
            let digits = line[line.startIndex..<k].map { String(ArabicSentenceSegmenter.digitValue($0.value)!) }.joined()
            k += 1
            guard k < line.endIndex, line[k] == " " else { return "" }
            return digits + String(line[k - 1]) + " "
        }
        guard k < line.endIndex, line[k] == " " else { return "" }
        return String(String.UnicodeScalarView(line[line.startIndex...k]))
    }
}
