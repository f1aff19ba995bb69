// `bayan-bench match`: glossary matching throughput and recall, Bayan's clitic-aware matcher
// side by side with FlashText (Python, `pip install flashtext`) on the same glossary and text.
import ArabicText
import BayanCore
import Foundation
import Glossary

enum MatchBench {
    struct Options {
        var glossary = "Glossary/customs.tsv"
        var eval = "Benchmarks/matching/eval.txt"
        var script = "Benchmarks/matching/flashtext_bench.py"
        var seed = "seeds/000_62ba54d9c0d0bfaf.txt"
        var releases = "Benchmarks/summary"
        /// Comma-separated: `sample`, `releases`, `dense` (see `corpora`).
        var corpus = "sample,releases,dense"
        var python = "python3"
        var megabytes = 4.0
        var runs = 7
        var generated = 10_000
        /// Rounds of the fine-grained estimate (0: not run).
        var fine = 0
    }

    static func run(_ args: [String]) async throws {
        var o = Options()
        var i = 0
        while i < args.count {
            let value = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--glossary": o.glossary = value
            case "--eval": o.eval = value
            case "--script": o.script = value
            case "--python": o.python = value
            case "--mb": o.megabytes = Double(value) ?? o.megabytes
            case "--runs": o.runs = Int(value) ?? o.runs
            case "--entries": o.generated = Int(value) ?? o.generated
            case "--fine": o.fine = Int(value) ?? o.fine
            case "--corpus": o.corpus = value
            default:
                print("usage: bayan-bench match [--glossary F] [--eval F] [--corpus sample,releases,dense] [--mb N] [--runs N] [--entries N] [--python P] [--fine N]")
                return
            }
            i += 2
        }
        let loaded = GlossaryLoader.load([o.glossary])
        guard let shipped = loaded.glossary else {
            print("glossary \(o.glossary) is invalid:")
            loaded.problems.forEach { print($0) }
            return
        }
        let evalSet = try parseEval(String(contentsOfFile: o.eval, encoding: .utf8))

        print("evaluation set: \(evalSet.count) sentences, \(evalSet.reduce(0) { $0 + $1.gold.count }) gold occurrences (\(o.eval))")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bayan-match-bench-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for corpus in try corpora(o, evalSet: evalSet) {
            try throughput(o, corpus: corpus, shipped: shipped, dir: dir)
        }

        // Recall on inflected and cliticized occurrences, shipped glossary.
        let matcher = CliticTermMatcher(glossary: shipped)
        var strict = 0, lenient = 0, total = 0, unmarked = 0
        var misses: [String] = []
        var unknown: Set<String> = []
        for sentence in evalSet {
            let hits = matcher.matches(in: sentence.text)
            for g in sentence.gold {
                total += 1
                if shipped.entry(ar: g.ar) == nil { unknown.insert(g.ar) }
                if hits.contains(where: { $0.ar == g.ar && $0.start == g.start && $0.end == g.end }) { strict += 1 }
                if hits.contains(where: { $0.ar == g.ar && $0.start < g.end && g.start < $0.end }) {
                    lenient += 1
                } else {
                    misses.append("\(g.surface) → \(g.ar)")
                }
            }
            unmarked += hits.filter { h in !sentence.gold.contains { $0.start < h.end && h.start < $0.end } }.count
        }
        // (The script also times a pass over its text: here just the evaluation sentences.)
        let evalText = dir.appendingPathComponent("eval.txt").path
        try evalSet.map(\.text).joined(separator: "\n").write(toFile: evalText, atomically: true, encoding: .utf8)
        let flash = try flashText(o, glossary: o.glossary, text: evalText, eval: o.eval)
        print("")
        print("| matcher | recall (same term, exact span) | recall (same term, overlapping span) |")
        print("|---|---:|---:|")
        print("| Bayan CliticTermMatcher | \(ratio(strict, total)) | \(ratio(lenient, total)) |")
        if let flash, let g = flash["gold"] as? Int {
            print("| FlashText 2.7 | \(ratio(flash["strict"] as? Int ?? 0, g)) | \(ratio(flash["lenient"] as? Int ?? 0, g)) |")
        }
        print("")
        print("hits outside gold spans (unmarked terms or false positives): \(unmarked)")
        if !misses.isEmpty { print("missed: " + misses.joined(separator: "; ")) }
        if !unknown.isEmpty { print("gold terms not in the glossary: " + unknown.sorted().joined(separator: ", ")) }
    }

    /// A throughput text: its lines before repetition.
    struct Corpus {
        var name: String
        var description: String
        var lines: [String]
    }

    /// `sample`: the real release in `seeds/` alone, in sentences as the daemon segments it
    /// (the daemon matches sentence by sentence). `releases`: it and the 22 releases written
    /// for the summary benchmark, text of the kind Bayan reads. `dense`: the sample release and
    /// the evaluation sentences, which were written to hold inflected terms in every sentence
    /// (a stress text for the matcher).
    static func corpora(_ o: Options, evalSet: [EvalSentence]) throws -> [Corpus] {
        let seedText = (try? String(contentsOfFile: o.seed, encoding: .utf8)) ?? ""
        let seed = seedText.split(separator: "\n").map(String.init)
        let wanted = Set(o.corpus.split(separator: ",").map(String.init))
        var out: [Corpus] = []
        if wanted.contains("sample") {
            let sentences = ArabicSentenceSegmenter().segment(text: seedText).map(\.text)
            out.append(Corpus(name: "sample", description: "the real release \(o.seed) alone, one sentence per call", lines: sentences.filter { !$0.isEmpty }))
        }
        if wanted.contains("releases") {
            let files = try FileManager.default.contentsOfDirectory(atPath: o.releases).filter { $0.hasSuffix(".txt") }.sorted()
            var lines = seed
            for file in files {
                let text = try String(contentsOfFile: o.releases + "/" + file, encoding: .utf8)
                lines += text.split(separator: "\n").map { $0.hasPrefix("* ") ? String($0.dropFirst(2)) : String($0) }
            }
            out.append(Corpus(name: "releases", description: "press releases (\(o.seed) and the \(files.count) in \(o.releases))",
                              lines: lines.filter { !$0.isEmpty }))
        }
        if wanted.contains("dense") {
            out.append(Corpus(name: "dense", description: "term-dense stress text (\(o.seed) and the evaluation sentences of \(o.eval))",
                              lines: (seed + evalSet.map(\.text)).filter { !$0.isEmpty }))
        }
        return out
    }

    /// Throughput of both matchers on one corpus, with the shipped glossary and a generated one.
    static func throughput(_ o: Options, corpus: Corpus, shipped: Glossary, dir: URL) throws {
        let base = corpus.lines
        var lines: [String] = []
        var bytes = 0
        while Double(bytes) < o.megabytes * 1_000_000 {
            for line in base {
                lines.append(line)
                bytes += line.utf8.count + 1
            }
        }
        let textPath = dir.appendingPathComponent("text.txt").path
        try lines.joined(separator: "\n").write(toFile: textPath, atomically: true, encoding: .utf8)

        let big = generatedGlossary(base: shipped, vocabulary: base, count: o.generated)
        let bigPath = dir.appendingPathComponent("generated.tsv").path
        try GlossaryTSVWriter.write(big.entries).write(toFile: bigPath, atomically: true, encoding: .utf8)

        if o.fine > 0 {
            fineEstimate(o, lines: lines, glossaries: [("shipped", shipped), ("generated", big)])
            return
        }
        print("")
        print("## \(corpus.name): \(corpus.description)")
        print("")
        print("text: \(lines.count) lines, \(String(format: "%.2f", Double(bytes) / 1e6)) MB (\(base.count) distinct lines, repeated)")
        print("throughput = UTF-8 bytes / thread CPU seconds, one call per line; \(o.runs) rounds, each one pass of")
        print("Bayan then one of FlashText (alternating, so both sides see the same machine); best of the rounds")
        print("for each side, and the median (min–max) of the rounds' own speed-ups")
        print("")
        print("| glossary | entries | matcher | build | MB/s (best) | hits | speed-up (bests) | speed-up per round: median (min–max) |")
        print("|---|---:|---|---:|---:|---:|---:|---:|")
        for (name, glossary, path) in [("shipped", shipped, o.glossary), ("generated", big, bigPath)] {
            let t0 = cpuSeconds()
            let matcher = CliticTermMatcher(glossary: glossary)
            let build = cpuSeconds() - t0
            let flash = try? FlashTextServer(o, glossary: path, text: textPath)
            var ours: [Double] = [], theirs: [Double] = []
            var hits = 0
            for _ in 0..<o.runs {
                let t = cpuSeconds()
                var n = 0
                for line in lines { n += matcher.matches(in: line).count }
                ours.append(cpuSeconds() - t)
                hits = n
                if let pass = flash?.pass() { theirs.append(pass.seconds) }
            }
            let bestOurs = Double(bytes) / ours.min()! / 1e6
            let row = "| \(name) | \(glossary.entries.count) | Bayan CliticTermMatcher | \(ms(build)) | \(String(format: "%.1f", bestOurs)) | \(hits)"
            if let flash, theirs.count == ours.count {
                let bestTheirs = Double(bytes) / theirs.min()! / 1e6
                let perRound = zip(theirs, ours).map { $0 / $1 }.sorted()
                let median = perRound.count % 2 == 1 ? perRound[perRound.count / 2]
                    : (perRound[perRound.count / 2 - 1] + perRound[perRound.count / 2]) / 2
                print(row + " | \(String(format: "%.1f×", bestOurs / bestTheirs)) | \(String(format: "%.1f× (%.1f–%.1f×)", median, perRound.first!, perRound.last!)) |")
                print("| \(name) | \(glossary.entries.count) | FlashText 2.7 | \(ms(flash.build)) | \(String(format: "%.1f", bestTheirs)) | \(flash.hits) | 1.0× | 1.0× |")
            } else {
                print(row + " | – | – |")
                print("| \(name) | \(glossary.entries.count) | FlashText | – | (not run: `pip install flashtext`) | – | – | – |")
            }
            flash?.close()
        }

        // Where the time goes: folding alone, and the whole text as one call (no per-call cost).
        do {
            var best = Double.infinity
            var n = 0
            for _ in 0..<o.runs {
                let t = cpuSeconds()
                for line in lines { n &+= GlossaryBenchHooks.foldCount(line) }
                best = min(best, cpuSeconds() - t)
            }
            let whole = lines.joined(separator: "\n")
            let matcher = CliticTermMatcher(glossary: shipped)
            var bestWhole = Double.infinity
            for _ in 0..<o.runs {
                let t = cpuSeconds()
                n &+= matcher.matches(in: whole).count
                bestWhole = min(bestWhole, cpuSeconds() - t)
            }
            print("")
            print(String(format: "\(corpus.name): folding and splitting into words only (table built from ArabicNormalizer): %.1f MB/s; shipped glossary, whole text in one call: %.1f MB/s", Double(bytes) / best / 1e6, Double(bytes) / bestWhole / 1e6))
        }

    }

    struct EvalSentence {
        var text: String
        var gold: [(start: Int, end: Int, ar: String, surface: String)]
    }

    /// `[[surface|ar]]` marks → plain text and gold spans in Unicode-scalar offsets.
    static func parseEval(_ file: String) throws -> [EvalSentence] {
        var out: [EvalSentence] = []
        for raw in file.split(separator: "\n") where !raw.hasPrefix("#") && !raw.isEmpty {
            var text = String.UnicodeScalarView()
            var gold: [(Int, Int, String, String)] = []
            var rest = Substring(raw)
            while let open = rest.range(of: "[["), let close = rest.range(of: "]]", range: open.upperBound..<rest.endIndex) {
                text.append(contentsOf: rest[rest.startIndex..<open.lowerBound].unicodeScalars)
                let inner = rest[open.upperBound..<close.lowerBound].split(separator: "|", maxSplits: 1)
                guard inner.count == 2 else { throw BayanError.badInput("bad mark in: \(raw)") }
                let start = text.count
                text.append(contentsOf: inner[0].unicodeScalars)
                gold.append((start, text.count, String(inner[1]), String(inner[0])))
                rest = rest[close.upperBound...]
            }
            text.append(contentsOf: rest.unicodeScalars)
            out.append(EvalSentence(text: String(text), gold: gold))
        }
        return out
    }

    /// The shipped entries plus generated two- and three-word terms from the text's vocabulary
    /// (deterministic), up to `count` entries.
    static func generatedGlossary(base: Glossary, vocabulary lines: [String], count: Int) -> Glossary {
        var words: [String] = []
        var seenWords: Set<String> = []
        for line in lines {
            for w in line.split(whereSeparator: { !$0.isLetter }) where w.count >= 3 && seenWords.insert(String(w)).inserted {
                words.append(String(w))
            }
        }
        var entries = base.entries
        var keys = Set(entries.map { GlossaryValidator.matchKey($0.ar) })
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        while entries.count < count && words.count > 2 {
            let n = 2 + next() % 2
            let ar = (0..<n).map { _ in words[next() % words.count] }.joined(separator: " ")
            guard keys.insert(GlossaryValidator.matchKey(ar)).inserted else { continue }
            entries.append(GlossaryEntry(ar: ar, en: "generated term \(entries.count)"))
        }
        return Glossary(entries: entries)
    }

    /// For comparing two builds on a noisy machine: the text in chunks of 64 lines (a millisecond
    /// or so each), every chunk timed `o.fine` times, and the fastest time of each chunk summed,
    /// so a slow stretch of the machine spoils only the samples it overlaps.
    static func fineEstimate(_ o: Options, lines: [String], glossaries: [(String, Glossary)]) {
        let chunks = stride(from: 0, to: lines.count, by: 64).map { Array(lines[$0..<min($0 + 64, lines.count)]) }
        let bytes = lines.reduce(0) { $0 + $1.utf8.count + 1 }
        do {
            let m = CliticTermMatcher(glossary: glossaries[0].1)
            var best = Double.infinity, bestFold = Double.infinity
            for _ in 0..<o.fine {
                var t = cpuSeconds()
                var n = 0
                for _ in lines { n &+= m.matches(in: "x").count }
                best = min(best, cpuSeconds() - t)
                t = cpuSeconds()
                for _ in lines { n &+= GlossaryBenchHooks.foldCount("x") }
                bestFold = min(bestFold, cpuSeconds() - t)
                if n == -1 { print(n) }
            }
            print(String(format: "fixed cost per call: matches %.0f ns, fold %.0f ns; whole text's calls: %.1f ms", best / Double(lines.count) * 1e9, bestFold / Double(lines.count) * 1e9, best * 1e3))
        }
        for (name, glossary) in glossaries {
            let matcher = CliticTermMatcher(glossary: glossary)
            var fastest = [Double](repeating: .infinity, count: chunks.count)
            var foldFastest = fastest
            for _ in 0..<o.fine {
                for (c, chunk) in chunks.enumerated() {
                    var t = cpuSeconds()
                    var n = 0
                    for line in chunk { n &+= matcher.matches(in: line).count }
                    fastest[c] = min(fastest[c], cpuSeconds() - t)
                    t = cpuSeconds()
                    for line in chunk { n &+= GlossaryBenchHooks.foldCount(line) }
                    foldFastest[c] = min(foldFastest[c], cpuSeconds() - t)
                    if n == -1 { print(n) }
                }
            }
            let total = fastest.reduce(0, +), fold = foldFastest.reduce(0, +)
            print(String(format: "fine %@: %.1f MB/s matching, %.1f MB/s folding only (sum of per-chunk bests, %d rounds)",
                         name, Double(bytes) / total / 1e6, Double(bytes) / fold / 1e6, o.fine))
        }
    }

    /// The FlashText script in `--serve` mode: built once, then one timed pass per `pass()`.
    final class FlashTextServer {
        let process = Process()
        let input = Pipe(), output = Pipe()
        var build = 0.0
        var hits = 0
        private var buffer = Data()

        init(_ o: Options, glossary: String, text: String) throws {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [o.python, o.script, "--glossary", glossary, "--text", text, "--serve"]
            process.standardInput = input
            process.standardOutput = output
            try process.run()
            guard let ready = readObject() else {
                process.waitUntilExit()
                throw BayanError.badInput("\(o.python) \(o.script) did not start (is flashtext installed?)")
            }
            build = ready["build_s"] as? Double ?? 0
        }

        /// Times one pass on the Python side; nil when the script has stopped answering.
        func pass() -> (seconds: Double, hits: Int)? {
            input.fileHandleForWriting.write(Data("run\n".utf8))
            guard let answer = readObject(), let seconds = answer["seconds"] as? Double else { return nil }
            hits = answer["hits"] as? Int ?? 0
            return (seconds, hits)
        }

        func close() {
            try? input.fileHandleForWriting.close()
            process.waitUntilExit()
        }

        private func readObject() -> [String: Any]? {
            while true {
                if let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer = Data(buffer[(newline + 1)...])
                    return (try? JSONSerialization.jsonObject(with: line)) as? [String: Any]
                }
                let more = output.fileHandleForReading.availableData
                if more.isEmpty { return nil }
                buffer.append(more)
            }
        }
    }

    static func flashText(_ o: Options, glossary: String, text: String, eval: String?) throws -> [String: Any]? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        var arguments = [o.python, o.script, "--glossary", glossary, "--text", text, "--runs", String(o.runs)]
        if let eval { arguments += ["--eval", eval] }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    /// CPU time of the calling thread: the machines are shared, so wall time would measure the
    /// neighbours. The FlashText script measures the same way (`time.thread_time()`).
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func ms(_ s: Double) -> String { String(format: "%.0f ms", s * 1000) }

    static func ratio(_ a: Int, _ b: Int) -> String {
        b == 0 ? "–" : String(format: "%.3f (%d/%d)", Double(a) / Double(b), a, b)
    }
}
