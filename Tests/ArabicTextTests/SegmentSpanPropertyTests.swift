import ArabicText
import BayanCore
import Testing

/// For any text: each segment's `text` is exactly the trimmed substring at `start..<end`, spans
/// are ordered, disjoint, inside their paragraph and one line, and no letter or digit is lost.
@Suite struct SegmentSpanPropertyTests {
    static let pieces: [String] = [
        "جمارك", "دبي", "الشحنة", "وقال", "إلخ", "د", "م", "ق.م", "أ.د", "ز", "2024م", "١٤٤٥", "هـ", "3.5", "٣٫٥",
        "05:01", "12/08/2014", "www.x.ae", "a@b.ae", "Mr", "U.S", ".", ".", ".", "!", "?", "؟", "…", "...", "،", "؛", ":",
        "«", "»", "\"", "“", "”", "(", ")", "[", "]", "-", " ", " ", " ", " ", "  ", "\n", "\n", "\r\n", "\t",
        "\u{200F}", "\u{202A}", "\u{202C}", "\u{061C}", "ـ", "َ", "1.", "أولاً:", "😀", "e\u{301}", "\u{00A0}",
    ]

    struct Generator {
        var state: UInt64
        mutating func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
    }

    @Test(arguments: [nil, 12, 40] as [Int?])
    func spansAreExactTrimmedSubstrings(limit: Int?) {
        var generator = Generator(state: 0xB4_7A_11 &+ UInt64(limit ?? 0))
        for options in [SegmenterOptions(), SegmenterOptions(breakAtSemicolon: true, maxSentenceScalars: limit)] {
            let segmenter = ArabicSentenceSegmenter(options: options)
            for _ in 0..<300 {
                var text = ""
                for _ in 0..<generator.next(120) { text += Self.pieces[generator.next(Self.pieces.count)] }
                let document = Document(
                    source: SourceInfo(file: "", sha256: "", encoding: "utf-8", format: "text"), text: text,
                    paragraphs: PlainTextReader.lineParagraphs(text))
                let scalars = Array(text.unicodeScalars)
                let segments = segmenter.segment(document)
                var covered = [Bool](repeating: false, count: scalars.count)
                var previousEnd = 0
                for (k, segment) in segments.enumerated() {
                    #expect(segment.id == k + 1)
                    #expect(segment.start < segment.end && segment.start >= previousEnd && segment.end <= scalars.count)
                    guard segment.start < segment.end, segment.end <= scalars.count else { continue }
                    previousEnd = segment.end
                    let slice = String(String.UnicodeScalarView(scalars[segment.start..<segment.end]))
                    #expect(slice == segment.text)
                    #expect(slice.trimmingCharacters(in: .whitespacesAndNewlines) == slice || slice.unicodeScalars.first?.properties.isWhitespace == false)
                    #expect(!segment.text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
                    #expect(segment.text.unicodeScalars.first.map { !$0.properties.isWhitespace } == true)
                    #expect(segment.text.unicodeScalars.last.map { !$0.properties.isWhitespace } == true)
                    let paragraph = document.paragraphs[segment.paragraph]
                    #expect(segment.start >= paragraph.start && segment.end <= paragraph.end)
                    for i in segment.start..<segment.end { covered[i] = true }
                }
                for (i, u) in scalars.enumerated() where u.properties.isAlphabetic || u.properties.numericType != nil {
                    if u.properties.generalCategory == .nonspacingMark { continue }
                    #expect(covered[i], "lost \(u) at \(i) in \(text.debugDescription)")
                }
            }
        }
    }
}
