import ArabicText
import BayanCore
import Foundation
import Summary
import Testing

@Suite struct SummarizerTests {
    static let release = """
        جمارك دبي تطلق منصة جديدة
        أعلنت جمارك دبي عن إطلاق منصة رقمية موحدة لتخليص الشحنات في جميع المنافذ البحرية والجوية. وتأتي المنصة ضمن خطة التحول الرقمي للحكومة. وتتيح المنصة للمتعاملين تقديم البيانات الجمركية وسداد الرسوم ومتابعة الشحنات عبر بوابة واحدة.
        وقال مدير عام جمارك دبي إن المنصة الرقمية ستخفض زمن تخليص الشحنات بنسبة 40% وتوفر على الشركات 120 مليون درهم. وأضاف أن فرق العمل أجرت تجارب ناجحة. وأشار إلى ورش تعريفية للمخلصين.
        ودعت الدائرة المتعاملين إلى تحديث بياناتهم قبل الموعد.
        """

    func document() throws -> (Document, [Segment]) {
        var doc = try PlainTextReader().read(Array(Self.release.utf8), fileName: "r.txt")
        doc.paragraphs[0].kind = .heading
        return (doc, PunctuationSegmenter().segment(doc))
    }

    @Test func picksTheRequestedNumberInDocumentOrder() throws {
        let (doc, segments) = try document()
        for n in 1...4 {
            let ids = ExtractiveSummarizer(options: SummaryOptions(sentences: n)).select(from: segments, paragraphs: doc.paragraphs, terms: [:])
            #expect(ids.count == n)
            #expect(ids == ids.sorted())
            #expect(Set(ids).count == ids.count)
            #expect(!ids.contains(1), "the headline is shown anyway; it is not a summary sentence")
        }
        let three = ExtractiveSummarizer().select(from: segments, paragraphs: doc.paragraphs, terms: [:])
        // The lead sentence and the one with the figures carry the news.
        #expect(three.contains(2))
        #expect(three.contains(5))
    }

    @Test func glossaryTermsRaiseASentence() throws {
        let (doc, segments) = try document()
        let options = SummaryOptions(sentences: 2, termWeight: 3)
        let hit = TermHit(ar: "المخلصين", en: "customs brokers", start: 0, end: 1)
        let plain = ExtractiveSummarizer(options: options).select(from: segments, paragraphs: doc.paragraphs, terms: [:])
        let boosted = ExtractiveSummarizer(options: options).select(from: segments, paragraphs: doc.paragraphs, terms: [7: [hit, hit], 4: [hit]])
        #expect(!plain.contains(7))
        #expect(boosted.contains(7) || boosted.contains(4))
    }

    @Test func dropsNearDuplicates() throws {
        let text = "أعلنت جمارك دبي إطلاق منصة رقمية موحدة لتخليص الشحنات. أعلنت جمارك دبي إطلاق منصة رقمية موحدة لتخليص الشحنات اليوم. وشارك في الحفل عدد من المسؤولين وممثلي الشركات."
        let doc = try PlainTextReader().read(Array(text.utf8), fileName: "d.txt")
        let segments = PunctuationSegmenter().segment(doc)
        let ids = ExtractiveSummarizer(options: SummaryOptions(sentences: 2)).select(from: segments, paragraphs: doc.paragraphs, terms: [:])
        #expect(ids == [1, 3])
    }

    @Test func ratioSetsTheLength() {
        #expect(SummaryOptions(ratio: 0.3).length(for: 10) == 3)
        #expect(SummaryOptions(ratio: 0.01).length(for: 10) == 1)
        #expect(SummaryOptions(sentences: 5).length(for: 3) == 3)
        #expect(ExtractiveSummarizer().select(from: [], paragraphs: [], terms: [:]).isEmpty)
    }

    @Test func keepsTheLeadOfAFlatRelease() throws {
        // Sentences of the seed release: the lead and the Expo/2020 sentences are the news.
        let result = try Fixtures.seed()
        let ids = result.summary.map(\.id)
        #expect(ids.count == 3)
        #expect(ids.first == 1)
        #expect(ids == ids.sorted())
    }
}
