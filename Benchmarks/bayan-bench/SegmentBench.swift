import ArabicText
import BayanCore
import Foundation

/// `bayan-bench segment [--mb 20] [--gold PATH] [--pysbd-seconds 20] [--no-pysbd]`
/// Throughput of ArabicSentenceSegmenter on the evaluation set repeated to a large corpus, and in
/// the same run pySBD (language "ar") on the same documents, plus accuracy of both on the gold set.
enum SegmentBench {
    static func run(_ args: [String]) async throws {
        func value(_ name: String) -> String? {
            guard let k = args.firstIndex(of: name), k + 1 < args.count else { return nil }
            return args[k + 1]
        }
        let megabytes = Double(value("--mb") ?? "20") ?? 20
        let goldPath = value("--gold") ?? "Benchmarks/segmentation/eval/gold.txt"
        let pysbdSeconds = value("--pysbd-seconds") ?? "20"
        guard let gold = try? String(contentsOfFile: goldPath, encoding: .utf8) else {
            print("cannot read \(goldPath); run from the package root or pass --gold PATH")
            return
        }
        let docs = SegmentationEvaluation.parse(gold)
        let segmenter = ArabicSentenceSegmenter()

        // Accuracy on the gold set.
        let report = SegmentationEvaluation.evaluate(docs) { doc in segmenter.segment(text: doc.text).map { $0.start..<$0.end } }
        print("== accuracy on \(goldPath) (\(docs.count) documents)")
        print("bayan:\n\(report)")

        // The corpus: the documents in order, repeated until it reaches the size asked for.
        var corpus: [Document] = []
        var bytes = 0
        let target = Int(megabytes * 1_000_000)
        while bytes < target {
            for doc in docs {
                corpus.append(Document(source: SourceInfo(file: doc.id, sha256: "", encoding: "utf-8", format: "text"),
                                       text: doc.text, paragraphs: PlainTextReader.lineParagraphs(doc.text)))
                bytes += doc.text.utf8.count
            }
        }
        print("\n== throughput on \(String(format: "%.1f", Double(bytes) / 1e6)) MB (\(corpus.count) documents)")
        var best = Double.infinity
        var sentences = 0
        for _ in 0..<3 {
            let clock = ContinuousClock()
            let start = clock.now
            var n = 0
            for doc in corpus { n += segmenter.segment(doc).count }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            best = min(best, seconds)
            sentences = n
        }
        let bayanRate = Double(bytes) / 1e6 / best
        print(String(format: "bayan segment:        %8.2f MB/s  (%d sentences, best of 3: %.3f s)", bayanRate, sentences, best))

        // Reading the bytes too (UTF-8 validation, paragraphs) as the daemon does.
        let raw = corpus.prefix(docs.count).map { Array($0.text.utf8) }
        let reader = SniffingDocumentReader()
        let clock = ContinuousClock()
        let start = clock.now
        var readBytes = 0
        while clock.now - start < .seconds(2) {
            for (k, b) in raw.enumerated() {
                if let doc = try? reader.read(b, fileName: "d\(k).txt") { _ = segmenter.segment(doc) }
                readBytes += b.count
            }
        }
        let readElapsed = clock.now - start
        let readSeconds = Double(readElapsed.components.seconds) + Double(readElapsed.components.attoseconds) / 1e18
        print(String(format: "bayan read+segment:   %8.2f MB/s  (SHA-256 of each file included)", Double(readBytes) / 1e6 / readSeconds))

        guard !args.contains("--no-pysbd") else { return }
        // pySBD on the same documents, through a JSON Lines file.
        let corpusURL = FileManager.default.temporaryDirectory.appendingPathComponent("bayan-segment-corpus-\(getpid()).jsonl")
        defer { try? FileManager.default.removeItem(at: corpusURL) }
        var lines = ""
        for doc in corpus {
            let data = try JSONSerialization.data(withJSONObject: ["text": doc.text])
            lines += String(decoding: data, as: UTF8.self) + "\n"
        }
        try lines.write(to: corpusURL, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "Benchmarks/segmentation/pysbd_bench.py", "--corpus", corpusURL.path,
                             "--gold", goldPath, "--seconds", pysbdSeconds]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
            let json = try? JSONSerialization.jsonObject(with: output) as? [String: Any],
            let rate = json["mb_per_s"] as? Double
        else {
            print("pySBD did not run (pip install pysbd): \(String(decoding: output, as: UTF8.self))")
            return
        }
        print(String(format: "pysbd %@ (ar):       %8.4f MB/s  (%@ bytes in %@ s)", "\(json["version"] ?? "?")", rate,
                     "\(json["bytes"] ?? "?")", "\(json["seconds"] ?? "?")"))
        print(String(format: "speed-up:             %8.0f×", bayanRate / rate))
        if let accuracy = json["accuracy"] {
            let data = try JSONSerialization.data(withJSONObject: accuracy, options: [.sortedKeys])
            print("\npysbd accuracy on the same gold set: \(String(decoding: data, as: UTF8.self))")
        }
    }
}
