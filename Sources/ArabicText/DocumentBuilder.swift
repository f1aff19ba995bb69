import BayanCore

/// Collects paragraphs into `Document.text` (joined with "\n") with their scalar offsets.
struct DocumentBuilder {
    /// Scalars, not a String.UnicodeScalarView: appending a sequence to the view copied the
    /// whole text each time (quadratic; 1.3 MB of Markdown took seconds in the appends alone).
    private(set) var text: [Unicode.Scalar] = []
    private(set) var count = 0
    private(set) var paragraphs: [Paragraph] = []
    let maxScalars: Int
    let fileName: String

    init(maxScalars: Int, fileName: String) {
        self.maxScalars = maxScalars
        self.fileName = fileName
    }

    /// Adds one paragraph, trimmed; paragraphs with nothing visible are skipped (false).
    @discardableResult
    mutating func add<S: Sequence>(_ scalars: S, kind: ParagraphKind) throws -> Bool where S.Element == Unicode.Scalar {
        // NUL is never text (the text decoder refuses it); a raw NUL byte in a .docx or HTML
        // part would otherwise reach Document.text (found by fuzzing).
        var body = scalars.filter { $0.value != 0 }
        while let last = body.last, ScalarClass.isSpace(last.value) { body.removeLast() }
        var a = 0
        while a < body.count, ScalarClass.isSpace(body[a].value) { a += 1 }
        guard a < body.count,
            body[a...].contains(where: { !ScalarClass.isSpace($0.value) && !ScalarClass.isFormat($0.value) })
        else { return false }
        if !paragraphs.isEmpty {
            text.append("\n")
            count += 1
        }
        let start = count
        text.append(contentsOf: body[a...])
        count += body.count - a
        guard count <= maxScalars else {
            throw BayanError.badInput(
                "\(fileName) holds more than \(maxScalars) characters of text, more than Bayan reads from one file. Split it into smaller files and drop them again.")
        }
        paragraphs.append(Paragraph(index: paragraphs.count, kind: kind, start: start, end: count))
        return true
    }

    func document(_ source: SourceInfo) -> Document {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: text)
        return Document(source: source, text: String(view), paragraphs: paragraphs)
    }
}
