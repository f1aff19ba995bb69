import ArabicText
import BayanCore
import Foundation
import QA
import Summary

/// Documents for the writer tests: a small hostile one, and the sample release from `seeds/`.
enum Fixtures {
    static let hostileEnglish = "<script>alert(\"x&'y\")</script> & \"quotes\" 'single' \u{1}control"

    /// Three sentences in two paragraphs (a heading and a body), with hostile text in both
    /// languages, a glossary hit that passed, one that failed, and a QA issue.
    static func small() -> DocumentResult {
        let s1 = Segment(id: 1, paragraph: 0, start: 0, end: 20, text: "جمارك دبي تضبط شحنة")
        let s2 = Segment(id: 2, paragraph: 1, start: 21, end: 60, text: "ضبطت جمارك دبي 3.2 طن من <b>المخدرات</b> & \"أكثر\".")
        let s3 = Segment(id: 3, paragraph: 1, start: 61, end: 90, text: "وقال المدير: «نحن ملتزمون».")
        let hitOK = TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: 26, end: 35, ok: true)
        let hitMissing = TermHit(ar: "المدير", en: "Director", start: 66, end: 72, ok: false)
        let pairs = [
            AlignedPair(segment: s1, en: "Dubai Customs seizes shipment", terms: [TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: 0, end: 9, ok: true)]),
            AlignedPair(segment: s2, en: hostileEnglish, terms: [hitOK]),
            AlignedPair(segment: s3, en: "The manager said: “We are committed.”", terms: [hitMissing],
                qa: [QAIssue(check: "glossary", message: "«المدير» should be <Director>")]),
        ]
        return DocumentResult(
            source: SourceInfo(file: "pr-1 <&>.txt", sha256: String(repeating: "ab", count: 32), encoding: "utf-8", format: "text"),
            engine: EngineInfo(kind: "deepl", model: "next-gen"),
            paragraphs: [Paragraph(index: 0, kind: .heading, start: 0, end: 20), Paragraph(index: 1, kind: .paragraph, start: 21, end: 90)],
            pairs: pairs,
            summary: [SummaryItem(id: 2, ar: s2.text, en: hostileEnglish)],
            glossaryVersion: "sha256:0123456789abcdef0123",
            timings: Timings())
    }

    static var seedURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/000_62ba54d9c0d0bfaf.txt")
    }

    /// The sample release, segmented, with a faithful English translation, glossary hits found
    /// by plain search (verified by whether the approved English is in the sentence), the
    /// standard QA suite and the extractive summary: what the daemon would publish.
    static func seed() throws -> DocumentResult {
        let bytes = Array(try Data(contentsOf: seedURL))
        let document = try PlainTextReader().read(bytes, fileName: "000_62ba54d9c0d0bfaf.txt")
        let segments = PunctuationSegmenter().segment(document)
        guard segments.count == SeedTranslation.english.count else {
            throw BayanError(.internal, "seed has \(segments.count) sentences, translation \(SeedTranslation.english.count)")
        }
        let suite = StandardChecks.suite()
        var pairs: [AlignedPair] = []
        var termsByID: [Int: [TermHit]] = [:]
        for (segment, english) in zip(segments, SeedTranslation.english) {
            let hits = glossaryHits(segment, english: english)
            termsByID[segment.id] = hits
            var pair = AlignedPair(segment: segment, en: english, terms: hits)
            pair.qa = suite.check(pair)
            pairs.append(pair)
        }
        let chosen = ExtractiveSummarizer().select(from: segments, paragraphs: document.paragraphs, terms: termsByID)
        let summary = pairs.filter { chosen.contains($0.segment.id) }.map { SummaryItem(id: $0.segment.id, ar: $0.segment.text, en: $0.en) }
        var timings = Timings()
        timings.translateMs = 1234.5
        return DocumentResult(source: document.source, engine: EngineInfo(kind: "deepl", model: "next-gen"),
            paragraphs: document.paragraphs, pairs: pairs, summary: summary,
            glossaryVersion: "sha256:5f1c0e9a7b3d2c4e", timings: timings)
    }

    static let glossary: [(ar: String, en: String)] = [
        ("منظمة الجمارك العالمية", "World Customs Organization"),
        ("جمارك دبي", "Dubai Customs"),
        ("الاتصال المؤسسي", "corporate communication"),
        ("الإجراءات الجمركية", "customs procedures"),
        ("الذكاء الاصطناعي", "artificial intelligence"),
        ("الثورة الصناعية الرابعة", "Fourth Industrial Revolution"),
    ]

    /// Every occurrence of each glossary term, with a one-letter proclitic (و ب ل) kept in the span;
    /// the k-th occurrence is verified when the English has the approved term at least k times.
    static func glossaryHits(_ segment: Segment, english: String) -> [TermHit] {
        let scalars = Array(segment.text.unicodeScalars)
        var hits: [TermHit] = []
        for (ar, en) in glossary {
            let needle = Array(ar.unicodeScalars)
            var i = 0
            var seen = 0
            let lowerEnglish = english.lowercased()
            let available = lowerEnglish.components(separatedBy: en.lowercased()).count - 1
            while i + needle.count <= scalars.count {
                if Array(scalars[i..<(i + needle.count)]) == needle,
                    !hits.contains(where: { $0.start <= segment.start + i && segment.start + i < $0.end })
                {
                    var start = i
                    if start > 0, "وبل".unicodeScalars.contains(scalars[start - 1]) { start -= 1 }
                    seen += 1
                    let ok = available >= seen
                    hits.append(TermHit(ar: ar, en: en, start: segment.start + start, end: segment.start + i + needle.count, ok: ok))
                    i += needle.count
                } else {
                    i += 1
                }
            }
        }
        return hits.sorted { $0.start < $1.start }
    }
}
