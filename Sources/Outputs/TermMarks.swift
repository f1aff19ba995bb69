import BayanCore

/// Where to highlight glossary terms inside one sentence pair.
///
/// Arabic spans come from the hits' offsets (relative to the segment); English spans are the
/// first case-insensitive, whole-word occurrence of the approved term not already marked.
public struct TermMarks {
    public struct Mark {
        /// Scalar offsets inside the sentence.
        public var range: Range<Int>
        public var hit: TermHit
    }

    public var arabic: [Mark] = []
    public var english: [Mark] = []

    public init(_ pair: AlignedPair) {
        let arCount = pair.segment.text.unicodeScalars.count
        for hit in pair.terms.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            let lower = max(0, hit.start - pair.segment.start)
            let upper = min(arCount, hit.end - pair.segment.start)
            guard lower < upper, !arabic.contains(where: { $0.range.overlaps(lower..<upper) }) else { continue }
            arabic.append(Mark(range: lower..<upper, hit: hit))
        }
        let enScalars = Array(pair.en.unicodeScalars).map { Self.fold($0) }
        for hit in pair.terms where hit.ok != false {
            let needle = Array(hit.en.unicodeScalars).map { Self.fold($0) }
            guard !needle.isEmpty, needle.count <= enScalars.count else { continue }
            var i = 0
            while i + needle.count <= enScalars.count {
                let range = i..<(i + needle.count)
                if Array(enScalars[range]) == needle, Self.isWordBoundary(enScalars, range),
                    !english.contains(where: { $0.range.overlaps(range) })
                {
                    english.append(Mark(range: range, hit: hit))
                    break
                }
                i += 1
            }
        }
        english.sort { $0.range.lowerBound < $1.range.lowerBound }
    }

    private static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        if s.value >= 0x41 && s.value <= 0x5A { return Unicode.Scalar(s.value + 0x20) ?? s }
        if s == "\u{2019}" { return "'" }
        return s
    }

    private static func isWordBoundary(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        func isWord(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }
        if range.lowerBound > 0, isWord(text[range.lowerBound - 1]), isWord(text[range.lowerBound]) { return false }
        if range.upperBound < text.count, isWord(text[range.upperBound]), isWord(text[range.upperBound - 1]) {
            return false
        }
        return true
    }
}
