import BayanCore
import Foundation

/// Sentence segmentation for Arabic news text, working on the document model.
///
/// Boundaries: every paragraph and line end (headlines and datelines stand on their own lines),
/// and `.` `!` `?` `؟` `۔` `…` where they end a sentence. Never at «،» or «:» (nor «؛» unless
/// `breakAtSemicolon`). No break after abbreviations and initials, inside numbers, times, dates,
/// URLs and e-mail addresses (a period not followed by white space never breaks), after list
/// markers, at an ellipsis inside a sentence, or inside a quotation or brackets closed on the same
/// line unless the quotation itself ends the sentence. Each segment's `text` is exactly the
/// trimmed substring of `Document.text` at `start..<end` (Unicode-scalar offsets).
public struct ArabicSentenceSegmenter: SentenceSegmenter {
    public let options: SegmenterOptions
    let abbreviations: Set<String>
    let endingAbbreviations: Set<String>
    let starters: Set<String>
    let rules: CompiledRules?
    let splitter: LongSentenceSplitter?

    public init(options: SegmenterOptions = .init()) {
        self.options = options
        abbreviations = Set(options.abbreviations.map { Self.foldWord($0) })
        endingAbbreviations = Set(options.sentenceEndingAbbreviations.map { Self.foldWord($0) })
        starters = Set(options.sentenceStarters.map { Self.foldWord($0) })
        rules = options.extraRules.isEmpty ? nil : CompiledRules(options.extraRules)
        if let limit = options.maxSentenceScalars, limit > 0 {
            splitter = LongSentenceSplitter(limit: limit, conjunctions: options.conjunctions + options.sentenceStarters)
        } else {
            splitter = nil
        }
    }

    /// Segments a bare string, one paragraph per non-blank line (as the JSONL driver needs).
    public func segment(text: String) -> [Segment] {
        let source = SourceInfo(file: "", sha256: "", encoding: "utf-8", format: "text")
        return segment(Document(source: source, text: text, paragraphs: PlainTextReader.lineParagraphs(text)))
    }

    public func segment(_ document: Document) -> [Segment] {
        let utf8 = Array(document.text.utf8)
        let s = ScalarText.scalars(utf8)
        var cursor = ScalarText.Cursor()
        var spans: [(paragraph: Int, start: Int, end: Int)] = []
        spans.reserveCapacity(document.text.utf8.count / 80)
        var quotes = QuoteSpans()
        var breaks: [Int] = []
        for paragraph in document.paragraphs {
            let pStart = max(0, min(paragraph.start, s.count))
            let pEnd = max(pStart, min(paragraph.end, s.count))
            var ls = pStart
            while ls < pEnd {
                var le = ls
                while le < pEnd, !ScalarClass.isLineBreak(s[le].value) { le += 1 }
                breaks.removeAll(keepingCapacity: true)
                lineBreaks(s, ls, le, &quotes, &breaks)
                var from = ls
                for b in breaks where b > from {
                    spans.append((paragraph.index, from, b))
                    from = b
                }
                if from < le { spans.append((paragraph.index, from, le)) }
                ls = le + 1
            }
        }
        var segments: [Segment] = []
        segments.reserveCapacity(spans.count)
        for span in spans {
            guard let (a, b) = Self.trim(s, span.start, span.end) else { continue }
            if let splitter, b - a > splitter.limit {
                let parts = splitter.split(s, a, b)
                let first = segments.count + 1
                for (pa, pb) in parts {
                    guard let (ta, tb) = Self.trim(s, pa, pb) else { continue }
                    segments.append(Segment(id: segments.count + 1, paragraph: span.paragraph, start: ta, end: tb,
                                            text: cursor.text(s, utf8, ta, tb), partOf: parts.count > 1 ? first : nil))
                }
            } else {
                segments.append(Segment(id: segments.count + 1, paragraph: span.paragraph, start: a, end: b,
                                        text: cursor.text(s, utf8, a, b)))
            }
        }
        return segments
    }

    // MARK: - One line

    /// Appends the break positions (segment ends before trimming) inside one line.
    func lineBreaks(_ s: [Unicode.Scalar], _ ls: Int, _ le: Int, _ quotes: inout QuoteSpans, _ out: inout [Int]) {
        var computedQuotes = false
        var i = ls
        let semicolons = options.breakAtSemicolon
        while i < le {
            let v = s[i].value
            guard ScalarClass.isTerminator(v) || (semicolons && ScalarClass.isSemicolon(v)) else {
                i += 1
                continue
            }
            if !computedQuotes {
                quotes.compute(s, ls, le)
                computedQuotes = true
            }
            // The run of marks: «...», «؟!», «.»», with invisible marks and closing quotes.
            var j = i
            var strong = false, periods = 0, ellipsis = false, semicolon = false
            while j < le {
                let w = s[j].value
                if ScalarClass.isTerminator(w) {
                    if ScalarClass.isStrongTerminator(w) { strong = true }
                    if w == 0x2E || w == 0xFF0E || w == 0xFE52 { periods += 1 }
                    if w == 0x2026 { ellipsis = true }
                } else if semicolons && ScalarClass.isSemicolon(w) {
                    semicolon = true
                } else if !ScalarClass.isFormat(w) {
                    break
                }
                j += 1
            }
            if periods >= 2 { ellipsis = true }
            var q = j
            while q < le, ScalarClass.isClosing(s[q].value) || ScalarClass.isFormat(s[q].value) { q += 1 }
            if decide(s, ls, le, i, j, q, strong: strong, ellipsis: ellipsis, semicolon: semicolon, quotes) {
                out.append(q)
                i = q
            } else {
                i = j
            }
        }
        if let rules { rules.apply(s, ls, le, &out) }
    }

    private func decide(
        _ s: [Unicode.Scalar], _ ls: Int, _ le: Int, _ i: Int, _ j: Int, _ q: Int,
        strong: Bool, ellipsis: Bool, semicolon: Bool, _ quotes: QuoteSpans
    ) -> Bool {
        // Inside a quotation or brackets that go on after this mark: not a sentence end.
        if quotes.depth(at: i) > 0 && quotes.depth(at: q) > 0 { return false }
        var m = q
        while m < le, ScalarClass.isFormat(s[m].value) { m += 1 }
        if m >= le { return true }
        let directlyAfter = s[m].value
        if !ScalarClass.isSpace(directlyAfter) {
            // «3.5», «www.x.ae», «د.محمد», «U.S.A»: a period glued to what follows never breaks.
            // A question or exclamation mark glued to an Arabic word still does.
            guard strong else { return false }
            return (0x0621...0x064A).contains(directlyAfter) || directlyAfter == 0xAB || directlyAfter == 0x22
        }
        while m < le, ScalarClass.isSpace(s[m].value) || ScalarClass.isFormat(s[m].value) { m += 1 }
        if m >= le { return true }
        if strong { return true }
        if ellipsis { return startsSentence(s, m, le) }
        if semicolon && periods(s, i, j) == 0 { return true }
        return periodBreaks(s, ls, le, i, m)
    }

    private func periods(_ s: [Unicode.Scalar], _ i: Int, _ j: Int) -> Int {
        var n = 0
        for k in i..<j where s[k].value == 0x2E { n += 1 }
        return n
    }

    /// A single period followed by white space; `m` is the next visible character.
    private func periodBreaks(_ s: [Unicode.Scalar], _ ls: Int, _ le: Int, _ p: Int, _ m: Int) -> Bool {
        var b = p - 1
        while b >= ls, ScalarClass.isFormat(s[b].value) { b -= 1 }
        if b < ls { return false }
        // English goes on in lower case after «e.g.», «approx.», «No.».
        if ScalarClass.isLatinLower(s[m].value) { return false }
        let pv = s[b].value
        // The word before the period, back to white space.
        var t = b
        while t > ls, !ScalarClass.isSpace(s[t - 1].value) { t -= 1 }
        // Leading brackets and quotes are not part of the word.
        while t < b, ScalarClass.isOpening(s[t].value) || ScalarClass.isFormat(s[t].value) { t += 1 }
        let atLineStart = Self.isListPosition(s, ls, t)
        if ScalarClass.isDigit(pv) {
            // «1.» at the start of a line or after a colon is a list marker.
            var k = t
            var allDigits = true
            while k <= b {
                let w = s[k].value
                if !(ScalarClass.isDigit(w) || w == 0x2E || ScalarClass.isFormat(w)) { allDigits = false; break }
                k += 1
            }
            if allDigits && (atLineStart || Self.previousVisible(s, ls, t) == 0x3A) { return false }
            // «1. التدريب 2. التطوير»: an inline enumeration continues the sentence.
            if allDigits, let n = Self.smallNumber(s, t, b + 1), n >= 2, Self.hasMarker(s, ls, t, n - 1) { return false }
            return true
        }
        guard ScalarClass.isLetter(pv) else { return true }
        var letters = 0
        var hasDigit = false
        for k in t...b {
            let w = s[k].value
            if w == 0x40 || w == 0x2F || w == 0x3A { return true }  // e-mail, URL, path: a real end
            if ScalarClass.isDigit(w) { hasDigit = true }
            if ScalarClass.isLetter(w) && !(0x064B...0x0652).contains(w) && w != 0x0640 { letters += 1 }
        }
        if hasDigit { return true }  // «2024م.», «1445هـ.»: date markers end sentences
        let key = Self.fold(s, t, b + 1)
        if letters == 1 || abbreviations.contains(key) {
            // «م» or «هـ» right after a number is the calendar marker, which can end a sentence.
            if letters == 1, key == "م" || key == "ه", let prev = Self.previousVisible(s, ls, t),
                ScalarClass.isDigit(prev)
            {
                return true
            }
            return false
        }
        if atLineStart && letters <= 4 && Self.isRomanNumeral(key) { return false }
        if endingAbbreviations.contains(key) || Self.isDottedInitials(key) {
            return startsSentence(s, m, le)
        }
        return true
    }

    /// Does the word at `m` usually open a sentence («وقال», «كما», an opening quotation)?
    func startsSentence(_ s: [Unicode.Scalar], _ m: Int, _ le: Int) -> Bool {
        let v = s[m].value
        if v == 0xAB || v == 0xBB || v == 0x201C || v == 0x22 { return true }
        var e = m
        while e < le, ScalarClass.isLetter(s[e].value) || ScalarClass.isFormat(s[e].value) || s[e].value == 0x27 { e += 1 }
        guard e > m, e - m <= 24 else { return false }
        return starters.contains(Self.fold(s, m, e))
    }

    // MARK: - Helpers

    static func isListPosition(_ s: [Unicode.Scalar], _ ls: Int, _ t: Int) -> Bool {
        var k = ls
        while k < t {
            let w = s[k].value
            switch w {
            case 0x2D, 0x2022, 0x2013, 0x2014, 0x25AA, 0x25CF, 0x25E6, 0xB7, 0x2A, 0x28:
                break
            default:
                if !(ScalarClass.isSpace(w) || ScalarClass.isFormat(w)) { return false }
            }
            k += 1
        }
        return true
    }

    static func previousVisible(_ s: [Unicode.Scalar], _ ls: Int, _ t: Int) -> UInt32? {
        var k = t - 1
        while k >= ls {
            let w = s[k].value
            if !(ScalarClass.isSpace(w) || ScalarClass.isFormat(w)) { return w }
            k -= 1
        }
        return nil
    }

    /// The value of a one- or two-digit number in `s[a..<b]` (either digit system).
    static func smallNumber(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> Int? {
        guard b - a >= 1, b - a <= 2 else { return nil }
        var n = 0
        for k in a..<b {
            guard let d = digitValue(s[k].value) else { return nil }
            n = n * 10 + d
        }
        return n
    }

    static func digitValue(_ v: UInt32) -> Int? {
        switch v {
        case 0x30...0x39: return Int(v - 0x30)
        case 0x0660...0x0669: return Int(v - 0x0660)
        case 0x06F0...0x06F9: return Int(v - 0x06F0)
        default: return nil
        }
    }

    /// Is there a list marker «n.» (after white space, a colon or the line start) before `t`?
    static func hasMarker(_ s: [Unicode.Scalar], _ ls: Int, _ t: Int, _ n: Int) -> Bool {
        var k = t - 2
        while k >= ls {
            if s[k + 1].value == 0x2E, digitValue(s[k].value) != nil {
                var a = k
                while a > ls, digitValue(s[a - 1].value) != nil { a -= 1 }
                let boundary = a == ls || ScalarClass.isSpace(s[a - 1].value) || s[a - 1].value == 0x3A
                if boundary, smallNumber(s, a, k + 1) == n { return true }
            }
            k -= 1
        }
        return false
    }

    static func isRomanNumeral(_ key: String) -> Bool {
        !key.isEmpty && key.unicodeScalars.allSatisfy { "ivxlc".unicodeScalars.contains($0) }
    }

    /// «أ.ش.أ», «ج.م.ع», «U.N»: letters in groups of one or two, joined by periods.
    static func isDottedInitials(_ key: String) -> Bool {
        var groups = 0, run = 0
        for u in key.unicodeScalars {
            if u == "." {
                if run == 0 || run > 2 { return false }
                groups += 1
                run = 0
            } else {
                run += 1
            }
        }
        if run > 2 { return false }
        if run > 0 { groups += 1 }
        return groups >= 2
    }

    /// The matching form of `s[a..<b]`: `ArabicNormalizer`'s folding, built without the offset map.
    static func fold(_ s: [Unicode.Scalar], _ a: Int, _ b: Int) -> String {
        var view = String.UnicodeScalarView()
        for k in a..<b {
            switch ArabicNormalizer.map(s[k]) {
            case .delete: break
            case .one(let u): view.append(u)
            case .many(let us): view.append(contentsOf: us)
            }
        }
        return String(view)
    }

    static func foldWord(_ word: String) -> String {
        var w = ArabicNormalizer.key(word.trimmingCharacters(in: .whitespaces))
        while w.hasSuffix(".") { w.removeLast() }
        return w
    }

    static func trim(_ s: [Unicode.Scalar], _ a0: Int, _ b0: Int) -> (Int, Int)? {
        var a = a0, b = b0
        while a < b, ScalarClass.isSpace(s[a].value) { a += 1 }
        while b > a, ScalarClass.isSpace(s[b - 1].value) { b -= 1 }
        guard a < b else { return nil }
        // A run of only punctuation or invisible marks («***», «-») is not a sentence.
        for k in a..<b where ScalarClass.isLetterOrDigit(s[k].value) { return (a, b) }
        return nil
    }
}
