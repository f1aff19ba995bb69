import BayanCore
@testable import Glossary
import Testing

/// The matcher reuses pooled buffers between scans: results must not depend on what the buffers
/// held before, on how many scans run at once, or on texts that outgrow them.
@Suite struct MatcherScratchTests {
    static let sentences = [
        "أعلنت جمارك دبي عن ضبط شحنة مخدرات في المنطقة الحرة.",
        "وقال مسؤول في منظمة الجمارك العالمية إن البيان الجمركي إلزامي.",
        "وبالجمارك تبدأ الإجراءات الجمركية، وللبيان الجمركي قواعد المنشأ.",
        "no Arabic here at all",
        "",
        "شحنتها وصلت إلى مكتبه في دبي ثم زار وزارة المالية.",
    ]

    /// Each sentence alone, each time with a fresh matcher (so a fresh pool).
    static func reference() -> [[TermHit]] {
        sentences.map { CliticTermMatcher(glossary: Fixtures.glossary).matches(in: $0) }
    }

    @Test func repeatedScansInOneMatcherGiveTheSameHits() {
        let expected = Self.reference()
        #expect(expected.contains { !$0.isEmpty })
        let matcher = CliticTermMatcher(glossary: Fixtures.glossary)
        for _ in 0..<3 {
            // Reverse order so each scan inherits buffers filled by a different text.
            for (i, sentence) in Self.sentences.enumerated().reversed() {
                #expect(matcher.matches(in: sentence) == expected[i])
            }
        }
    }

    @Test func concurrentScansShareThePoolSafely() async {
        let expected = Self.reference()
        let matcher = CliticTermMatcher(glossary: Fixtures.glossary)
        let mismatches = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    var bad = 0
                    for round in 0..<200 {
                        let i = (worker + round) % Self.sentences.count
                        if matcher.matches(in: Self.sentences[i]) != expected[i] { bad += 1 }
                    }
                    return bad
                }
            }
            return await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    /// A text larger than the pool keeps, then small ones: the big scratch is dropped, results hold.
    @Test func aHugeTextThenSmallOnes() {
        let matcher = CliticTermMatcher(glossary: Fixtures.glossary)
        let unit = Self.sentences[0] + " "
        let copies = 10_000
        let huge = String(repeating: unit, count: copies)
        // Big enough that the pool frees this scratch instead of keeping it.
        #expect(huge.unicodeScalars.count * 12 > MatchScratchPool.keepBytes)
        let hits = matcher.matches(in: huge)
        let perUnit = matcher.matches(in: Self.sentences[0])
        #expect(hits.count == perUnit.count * copies)
        let unitLength = unit.unicodeScalars.count
        if let last = hits.last, let lastOfUnit = perUnit.last {
            #expect(last.start == lastOfUnit.start + unitLength * (copies - 1))
        }
        #expect(matcher.matches(in: Self.sentences[5]) == Self.reference()[5])
    }

    /// Presentation forms that fold into many scalars (ﷺ → 18) ahead of a term: the fold grows its
    /// buffers mid-text, and the offsets still point into the original.
    @Test func expandingScalarsBeforeATermKeepOffsetsRight() {
        let prefix = String(repeating: "ﷺ ", count: 300) + "ﻻ "
        let text = prefix + "أعلنت جمارك دبي"
        let hits = Fixtures.matcher.matches(in: text)
        let start = prefix.unicodeScalars.count + "أعلنت ".unicodeScalars.count
        #expect(hits == [TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: start, end: start + "جمارك دبي".unicodeScalars.count)])
    }
}
