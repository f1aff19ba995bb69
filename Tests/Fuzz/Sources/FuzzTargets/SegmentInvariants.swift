import ArabicText
import BayanCore

/// What `ArabicSentenceSegmenter` promises about the spans it returns.
public enum SegmentInvariants {
    public static func check(_ segments: [Segment], text: String) {
        let s = Array(text.unicodeScalars)
        let paragraphs = PlainTextReader.lineParagraphs(text)
        var previousEnd = 0
        var covered = [Bool](repeating: false, count: s.count)
        for (k, seg) in segments.enumerated() {
            FuzzCheck.require(seg.id == k + 1, "segment \(k) has id \(seg.id)")
            FuzzCheck.require(seg.start < seg.end, "segment \(seg.id) is empty or reversed: \(seg.start)..<\(seg.end)")
            FuzzCheck.require(seg.start >= previousEnd, "segment \(seg.id) starts at \(seg.start), before the previous end \(previousEnd)")
            FuzzCheck.require(seg.end <= s.count, "segment \(seg.id) ends at \(seg.end), past the text (\(s.count))")
            previousEnd = seg.end
            guard seg.paragraph >= 0, seg.paragraph < paragraphs.count else {
                FuzzCheck.fail("segment \(seg.id) names paragraph \(seg.paragraph) of \(paragraphs.count)")
            }
            let p = paragraphs[seg.paragraph]
            FuzzCheck.require(p.start <= seg.start && seg.end <= p.end, "segment \(seg.id) \(seg.start)..<\(seg.end) leaves its paragraph \(p.start)..<\(p.end)")
            let slice = s[seg.start..<seg.end]
            var view = String.UnicodeScalarView()
            view.append(contentsOf: slice)
            FuzzCheck.require(String(view) == seg.text, "segment \(seg.id) text is not the slice \(seg.start)..<\(seg.end) of the input")
            FuzzCheck.require(!isSpace(slice.first!) && !isSpace(slice.last!), "segment \(seg.id) is not trimmed")
            FuzzCheck.require(!slice.contains(where: isLineBreak), "segment \(seg.id) spans a line break")
            if let first = seg.partOf {
                FuzzCheck.require(first >= 1 && first <= seg.id, "segment \(seg.id) is part of \(first)")
                let head = segments[first - 1]
                FuzzCheck.require(head.paragraph == seg.paragraph && head.partOf == first, "segment \(seg.id) is part of \(first), which is not the head of its parts")
            }
            for i in seg.start..<seg.end { covered[i] = true }
        }
        // Nothing a reader would miss: every Arabic letter and ASCII letter or digit is in a segment.
        for (i, scalar) in s.enumerated() where !covered[i] && isCoreLetterOrDigit(scalar) {
            FuzzCheck.fail("scalar \(i) (U+\(String(scalar.value, radix: 16))) is in no segment")
        }
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains(s.value)
    }

    static func isCoreLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
        (0x0621...0x063A).contains(s.value) || (0x0641...0x064A).contains(s.value)
            || (0x30...0x39).contains(s.value) || (0x41...0x5A).contains(s.value) || (0x61...0x7A).contains(s.value)
    }
}
