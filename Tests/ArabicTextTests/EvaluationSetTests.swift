import ArabicText
import Foundation
import Testing

/// Accuracy on the hand-written news evaluation set (Benchmarks/segmentation/eval/gold.txt).
@Suite struct EvaluationSetTests {
    static func goldURL() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/segmentation/eval/gold.txt")
    }

    @Test func boundaryF1OnNewsText() throws {
        let gold = try String(contentsOf: Self.goldURL(), encoding: .utf8)
        let docs = SegmentationEvaluation.parse(gold)
        #expect(docs.count >= 30)
        let segmenter = ArabicSentenceSegmenter()
        let report = SegmentationEvaluation.evaluate(docs) { doc in
            segmenter.segment(text: doc.text).map { $0.start..<$0.end }
        }
        print(report)
        for error in report.errors { print(error) }
        #expect(report.sentences >= 300)
        #expect(report.punctuated.f1 >= 0.99)
        #expect(report.standaloneRecall >= 0.99)
        #expect(report.standaloneTotal >= 40)
    }

    @Test func scorerCountsMistakes() {
        let docs = SegmentationEvaluation.parse("=== t\nعنوان\nجملة أولى.<|> جملة ثانية.")
        #expect(docs.first?.sentences.count == 3)
        // A segmenter that only splits lines misses the boundary inside the second line.
        let report = SegmentationEvaluation.evaluate(docs) { _ in [0..<5, 6..<28] }
        #expect(report.punctuated.falseNegatives == 1)
        #expect(report.standaloneFound == 1)
        #expect(report.insideLines.recall == 0)
    }
}
