import ArabicText
import BayanCore
import Foundation
import Summary

/// `bayan-bench summary [--data DIR] [--sentences N]`: ROUGE-1/ROUGE-2 of the extractive
/// summarizer against reference summaries (Benchmarks/summary/r*.txt), next to the lead-N
/// baseline and ablations of the score's parts.
enum SummaryBench {
    struct Release {
        var id: String
        var text: String
        var reference: [String]
        var sentences: Int
    }

    static func run(_ args: [String]) async throws {
        let dir = OutputsBenchSupport.value(args, "--data") ?? OutputsBenchSupport.directory("summary")
        let n = Int(OutputsBenchSupport.value(args, "--sentences") ?? "3") ?? 3
        var releases = try load(dir)
        // --split dev|test: odd- or even-numbered releases, so weights tuned on one half are
        // reported on the other.
        if let split = OutputsBenchSupport.value(args, "--split") {
            releases = releases.enumerated().filter { split == "dev" ? $0.offset % 2 == 0 : $0.offset % 2 == 1 }.map(\.element)
        }
        let reader = PlainTextReader()
        let segmenter = PunctuationSegmenter()
        var systems: [(String, (([Segment], [Paragraph]) -> [Int]))] = [
            ("lead-\(n) baseline", { segments, _ in Array(segments.prefix(n).map(\.id)) }),
            ("extractive (default)", { ExtractiveSummarizer(options: SummaryOptions(sentences: n)).select(from: $0, paragraphs: $1, terms: [:]) }),
            ("  without lead weight", { ExtractiveSummarizer(options: SummaryOptions(sentences: n, leadWeight: 0)).select(from: $0, paragraphs: $1, terms: [:]) }),
            ("  without content length", { var o = SummaryOptions(sentences: n); o.lengthWeight = 0; return ExtractiveSummarizer(options: o).select(from: $0, paragraphs: $1, terms: [:]) }),
            ("  without figure bonus", { var o = SummaryOptions(sentences: n); o.figureWeight = 0; return ExtractiveSummarizer(options: o).select(from: $0, paragraphs: $1, terms: [:]) }),
            ("  with centrality 0.5", { ExtractiveSummarizer(options: SummaryOptions(sentences: n, centralityWeight: 0.5)).select(from: $0, paragraphs: $1, terms: [:]) }),
            ("  without redundancy filter", { ExtractiveSummarizer(options: SummaryOptions(sentences: n, redundancy: 1.01)).select(from: $0, paragraphs: $1, terms: [:]) }),
        ]
        // --lead/--centrality/--redundancy X: one more row with these weights (for tuning on dev).
        if args.contains("--lead") || args.contains("--centrality") || args.contains("--redundancy") || args.contains("--decay") {
            var o = SummaryOptions(sentences: n)
            if let v = OutputsBenchSupport.value(args, "--lead").flatMap(Double.init) { o.leadWeight = v }
            if let v = OutputsBenchSupport.value(args, "--centrality").flatMap(Double.init) { o.centralityWeight = v }
            if let v = OutputsBenchSupport.value(args, "--redundancy").flatMap(Double.init) { o.redundancy = v }
            if let v = OutputsBenchSupport.value(args, "--decay").flatMap(Double.init) { o.leadDecay = v }
            let options = o
            systems.append(("extractive (args)", { ExtractiveSummarizer(options: options).select(from: $0, paragraphs: $1, terms: [:]) }))
        }
        print("Summary benchmark: \(releases.count) releases from \(dir), \(n) sentences per summary")
        var mismatched = 0
        var prepared: [(Release, [Segment], [Paragraph])] = []
        for release in releases {
            let doc = try reader.read(Array(release.text.utf8), fileName: release.id)
            let segments = segmenter.segment(doc)
            if segments.count != release.sentences { mismatched += 1 }
            prepared.append((release, segments, doc.paragraphs))
        }
        if mismatched > 0 { print("note: \(mismatched) releases segmented differently from their authored sentences") }
        print("system                        R1-F   R1-R   R2-F   R2-R   sentence-P")
        for (name, select) in systems {
            var r1f = 0.0, r1r = 0.0, r2f = 0.0, r2r = 0.0, hits = 0, chosenTotal = 0
            for (release, segments, paragraphs) in prepared {
                let ids = Set(select(segments, paragraphs))
                let chosen = segments.filter { ids.contains($0.id) }.map(\.text)
                let refTokens = release.reference.flatMap(Rouge.tokens)
                let sysTokens = chosen.flatMap(Rouge.tokens)
                let one = Rouge.score(system: sysTokens, reference: refTokens, n: 1)
                let two = Rouge.score(system: sysTokens, reference: refTokens, n: 2)
                r1f += one.f; r1r += one.recall; r2f += two.f; r2r += two.recall
                let refKeys = Set(release.reference.map { ArabicNormalizer.key($0) })
                hits += chosen.filter { refKeys.contains(ArabicNormalizer.key($0)) }.count
                chosenTotal += chosen.count
            }
            if args.contains("--detail") {
                for (release, segments, paragraphs) in prepared {
                    let ids = select(segments, paragraphs)
                    let refKeys = Set(release.reference.map { ArabicNormalizer.key($0) })
                    let refIDs = segments.filter { refKeys.contains(ArabicNormalizer.key($0.text)) }.map(\.id)
                    print("    \(release.id): chose \(ids) reference \(refIDs) of \(segments.count)")
                }
            }
            let k = Double(prepared.count)
            let row = String(format: "%@ %6.3f %6.3f %6.3f %6.3f   %6.3f", OutputsBenchSupport.pad(name, 28), r1f / k, r1r / k, r2f / k, r2r / k,
                chosenTotal > 0 ? Double(hits) / Double(chosenTotal) : 0)
            print(row)
        }
        print("(ROUGE on normalized Arabic word tokens, macro-averaged over releases; sentence-P = share of chosen sentences that are in the reference)")
    }

    static func load(_ dir: String) throws -> [Release] {
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { name in
            let raw = try String(contentsOfFile: dir + "/" + name, encoding: .utf8)
            var paragraphs: [[String]] = [[]]
            var reference: [String] = []
            var count = 0
            for line in raw.split(separator: "\n", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                if line.isEmpty {
                    if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
                    continue
                }
                let starred = line.hasPrefix("* ")
                let sentence = starred ? String(line.dropFirst(2)) : line
                if starred { reference.append(sentence) }
                paragraphs[paragraphs.count - 1].append(sentence)
                count += 1
            }
            let text = paragraphs.filter { !$0.isEmpty }.map { $0.joined(separator: " ") }.joined(separator: "\n")
            return Release(id: name, text: text, reference: reference, sentences: count)
        }
    }
}

/// Argument and data-path helpers for the summary and QA benchmarks.
enum OutputsBenchSupport {
    static func value(_ args: [String], _ name: String) -> String? {
        guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// `Benchmarks/<name>` next to this source file, so the bench runs from any directory.
    static func directory(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(name).path
    }
}
