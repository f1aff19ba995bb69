import BayanCore

/// A first sentence splitter: paragraph boundaries, then sentence-final `.`, `!`, `?`, `؟`
/// followed by white space or the end of the paragraph.
public struct PunctuationSegmenter: SentenceSegmenter {
    public init() {}

    public func segment(_ document: Document) -> [Segment] {
        let scalars = Array(document.text.unicodeScalars)
        var segments: [Segment] = []
        for paragraph in document.paragraphs {
            var start = paragraph.start
            var i = paragraph.start
            while i < paragraph.end {
                let s = scalars[i]
                let isFinal = s == "." || s == "!" || s == "?" || s == "\u{061F}"
                let atBoundary = i + 1 >= paragraph.end || scalars[i + 1].properties.isWhitespace
                if isFinal && atBoundary {
                    append(&segments, scalars, paragraph.index, start, i + 1)
                    start = i + 1
                }
                i += 1
            }
            append(&segments, scalars, paragraph.index, start, paragraph.end)
        }
        return segments
    }

    private func append(_ segments: inout [Segment], _ scalars: [Unicode.Scalar], _ paragraph: Int, _ from: Int, _ to: Int) {
        var a = from, b = to
        while a < b, scalars[a].properties.isWhitespace { a += 1 }
        while b > a, scalars[b - 1].properties.isWhitespace { b -= 1 }
        guard a < b else { return }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[a..<b])
        segments.append(Segment(id: segments.count + 1, paragraph: paragraph, start: a, end: b, text: String(view)))
    }
}
