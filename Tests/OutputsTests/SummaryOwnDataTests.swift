import ArabicText
import BayanCore
import Foundation
import Summary
import Testing

/// The extractive summarizer on the project's own evaluation data (Benchmarks/summary: 22
/// releases and 24 news items, each with a reference summary marked `* `).
@Suite struct SummaryOwnDataTests {
    struct Item {
        var name: String
        var text: String
        var reference: [String]
        var heldOut: Bool
    }

    static var dataDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Benchmarks/summary")
    }

    /// The files in the format of Benchmarks/summary/README.md; odd numbers are the tuning part.
    static func items() throws -> [Item] {
        var out: [Item] = []
        for folder in [dataDirectory, dataDirectory.appendingPathComponent("news")] {
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
            for name in names {
                let raw = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
                var paragraphs: [[String]] = [[]]
                var reference: [String] = []
                for line in raw.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                    if line.isEmpty {
                        if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                        continue
                    }
                    let sentence = line.hasPrefix("* ") ? String(line.dropFirst(2)) : line
                    if line.hasPrefix("* ") { reference.append(sentence) }
                    paragraphs[paragraphs.count - 1].append(sentence)
                }
                let text = paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n")
                let number = Int(name.filter(\.isNumber)) ?? 0
                out.append(Item(name: name, text: text, reference: reference, heldOut: number % 2 == 0))
            }
        }
        return out
    }

    static func segmented(_ text: String) throws -> (Document, [Segment]) {
        let document = try PlainTextReader().read(Array(text.utf8), fileName: "t.txt")
        return (document, ArabicSentenceSegmenter().segment(document))
    }

    @Test func returnsExactlyKWheneverTheDocumentHasK() throws {
        let items = try Self.items()
        #expect(items.count == 46)
        for item in items {
            let (document, segments) = try Self.segmented(item.text)
            for k in 1...segments.count {
                let options = SummaryOptions(sentences: k, maxSentences: k)
                let ids = ExtractiveSummarizer(options: options).select(from: segments, paragraphs: document.paragraphs, terms: [:])
                #expect(ids.count == k, "\(item.name): asked for \(k) of \(segments.count), got \(ids.count)")
                #expect(ids == ids.sorted() && Set(ids).count == ids.count)
            }
        }
    }

    @Test func exactlyKWithRepeatedAndContentlessSentences() throws {
        // Near-duplicates and sentences with no content words still count when K needs them.
        let text = "أعلنت الجمارك نتائجها. أعلنت الجمارك نتائجها. أعلنت الجمارك نتائجها اليوم. في هذا. هو من.\nوارتفعت الإيرادات 9%."
        let (document, segments) = try Self.segmented(text)
        for k in 1...segments.count {
            let ids = ExtractiveSummarizer(options: SummaryOptions(sentences: k, maxSentences: k)).select(from: segments, paragraphs: document.paragraphs, terms: [:])
            #expect(ids.count == k)
        }
    }

    @Test func beatsLeadKOnTheHeldOutPart() throws {
        var bayan = (r1: 0.0, r2: 0.0), lead = (r1: 0.0, r2: 0.0), n = 0.0
        for item in try Self.items() where item.heldOut {
            let (document, segments) = try Self.segmented(item.text)
            let k = item.reference.count
            let ids = Set(ExtractiveSummarizer(options: SummaryOptions(sentences: k, maxSentences: k)).select(from: segments, paragraphs: document.paragraphs, terms: [:]))
            let reference = item.reference.flatMap(Rouge.tokens)
            let chosen = segments.filter { ids.contains($0.id) }.flatMap { Rouge.tokens($0.text) }
            let first = segments.prefix(k).flatMap { Rouge.tokens($0.text) }
            bayan.r1 += Rouge.score(system: chosen, reference: reference, n: 1).f
            bayan.r2 += Rouge.score(system: chosen, reference: reference, n: 2).f
            lead.r1 += Rouge.score(system: first, reference: reference, n: 1).f
            lead.r2 += Rouge.score(system: first, reference: reference, n: 2).f
            n += 1
        }
        #expect(n == 23)
        // Measured 0.681/0.645 against 0.530/0.470 (docs/BENCHMARKS.md); demand a clear margin.
        #expect(bayan.r1 / n >= lead.r1 / n + 0.05, "ROUGE-1 \(bayan.r1 / n) vs lead \(lead.r1 / n)")
        #expect(bayan.r2 / n >= lead.r2 / n + 0.05, "ROUGE-2 \(bayan.r2 / n) vs lead \(lead.r2 / n)")
    }

    @Test func neverRunsPastTheWordBudget() throws {
        for item in try Self.items() {
            let (document, segments) = try Self.segmented(item.text)
            for budget in stride(from: 10, through: 120, by: 10) {
                let ids = Set(ExtractiveSummarizer(options: SummaryOptions(sentences: 5)).select(
                    from: segments, paragraphs: document.paragraphs, terms: [:], english: [:], maxWords: budget))
                let words = segments.filter { ids.contains($0.id) }.reduce(0) { $0 + WordCount.estimatedEnglish(fromArabic: $1.text) }
                #expect(words <= budget, "\(item.name): \(words) estimated English words over a budget of \(budget)")
                #expect(ids.count <= 5)
            }
        }
    }

    @Test func theSeedGetsAShortSummaryFromItsEnglish() throws {
        // The real translation: the lead (133 words) cannot fit 70 words, so a shorter sentence
        // that carries the news is chosen instead of cutting the lead.
        let seed = try Fixtures.seed()
        let segments = seed.pairs.map(\.segment)
        let english = Dictionary(uniqueKeysWithValues: seed.pairs.map { ($0.segment.id, $0.en) })
        let ids = ExtractiveSummarizer().select(from: segments, paragraphs: seed.paragraphs, terms: [:], english: english, maxWords: 70)
        let words = ids.reduce(0) { $0 + WordCount.english(english[$1] ?? "") }
        #expect(!ids.isEmpty)
        #expect(words <= 70)
        #expect(!ids.contains(1), "the 133-word lead does not fit; it must not be cut or let through")
        #expect(ids == [7], "the director's sentence on taking part in the conference: \(ids)")
        // With room for it, the lead comes first.
        let roomy = ExtractiveSummarizer().select(from: segments, paragraphs: seed.paragraphs, terms: [:], english: english, maxWords: 250)
        #expect(roomy.first == 1)
        #expect(roomy.reduce(0) { $0 + WordCount.english(english[$1] ?? "") } <= 250)
    }
}
