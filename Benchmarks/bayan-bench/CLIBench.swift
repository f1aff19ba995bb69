// `bayan-bench cli [--mb 4] [--rounds 3] [--terms 1737]`
//
// The JSON Lines tools through the command line, start-up and JSON in and out included:
// `bayan segment --jsonl` against pySBD and `bayan glossary match --jsonl` (a glossary of
// --terms entries: the shipped one grown with generated terms) against FlashText, each Python
// tool behind the same protocol (Benchmarks/cli/*.py). Beside each, the in-process figure of
// the same work (Bayan's segmenter or matcher called in this process; the Python scripts
// report the seconds spent inside pySBD / FlashText). Figures are per CPU second (the
// processes' user + system time, the in-process loops' thread time), which a loaded machine
// disturbs far less than wall time; wall time is shown too. Rounds alternate the tools; the
// best round of each is shown. Input: the summary releases and the sample release, repeated.
import ArabicText
import BayanTestSupport
import Foundation
import Glossary

#if canImport(Glibc)
import Glibc
#endif

enum CLIBench {
    static func run(_ args: [String]) async throws {
        let megabytes = Double(BenchArgs.string(args, "--mb") ?? "4") ?? 4
        let rounds = BenchArgs.int(args, "--rounds") ?? 3
        let termCount = BenchArgs.int(args, "--terms") ?? 1737
        let dir = NSTemporaryDirectory() + "bayan-bench-cli-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        let releases = try corpus()
        var documents: [String] = []
        var bytes = 0
        while Double(bytes) < megabytes * 1_000_000 {
            let text = releases[documents.count % releases.count]
            documents.append(text)
            bytes += text.utf8.count
        }
        let segmenter = ArabicSentenceSegmenter()
        let sentences = documents.flatMap { segmenter.segment(text: $0).map(\.text) }
        let segmentInput = dir + "/segment.jsonl", matchInput = dir + "/match.jsonl"
        try jsonl(documents.enumerated().map { ["doc_id": "d\($0)", "text": $1] }).write(toFile: segmentInput, atomically: false, encoding: .utf8)
        try jsonl(sentences.enumerated().map { ["id": "\($0)", "text": $1] }).write(toFile: matchInput, atomically: false, encoding: .utf8)
        let textMB = Double(bytes) / 1_000_000
        let shipped = FileManager.default.currentDirectoryPath + "/Glossary/customs.tsv"
        guard let base = GlossaryLoader.load([shipped]).glossary else { throw BenchError("cannot load \(shipped): run from the repository root") }
        let vocabulary = releases.flatMap { $0.split(separator: "\n").map(String.init) }
        let grown = MatchBench.generatedGlossary(base: base, vocabulary: vocabulary, count: termCount)
        let glossaryPath = dir + "/glossary-\(grown.entries.count).tsv"
        try GlossaryTSVWriter.write(grown.entries).write(toFile: glossaryPath, atomically: false, encoding: .utf8)
        let bayan = DaemonProcess.binary
        let py = ThroughputBench.python
        let scripts = FileManager.default.currentDirectoryPath + "/Benchmarks/cli/"
        print(String(format: "cli benchmark: %.2f MB of release text, %d documents, %d sentences, glossary of %d entries; bayan at %@; python %@",
                     textMB, documents.count, sentences.count, grown.entries.count, bayan, py))

        // In-process: the same work called directly, best of `rounds`.
        var segmentInProcess = Double.infinity, matchInProcess = Double.infinity
        let matcher = CliticTermMatcher(glossary: grown)
        for _ in 0..<rounds {
            var started = threadCPU()
            var n = 0
            for text in documents { n += segmenter.segment(text: text).count }
            segmentInProcess = min(segmentInProcess, threadCPU() - started)
            started = threadCPU()
            for text in sentences { n += matcher.matches(in: text).count }
            matchInProcess = min(matchInProcess, threadCPU() - started)
            if n < 0 { print(n) }
        }

        var best: [String: Run] = [:]
        func keep(_ name: String, _ r: Run) {
            if r.cpu < (best[name]?.cpu ?? .infinity) { best[name] = r }
        }
        for _ in 0..<rounds {
            keep("bayan segment", try time(bayan, ["segment", "--jsonl"], input: segmentInput, dir: dir))
            keep("pysbd", try time(py, [scripts + "pysbd_jsonl.py"], input: segmentInput, dir: dir, insideKey: "segment_seconds"))
            keep("bayan match", try time(bayan, ["glossary", "match", "--glossary", glossaryPath, "--jsonl"], input: matchInput, dir: dir))
            keep("flashtext", try time(py, [scripts + "flashtext_jsonl.py", "--glossary", glossaryPath], input: matchInput, dir: dir, insideKey: "match_seconds"))
            keep("bayan segment start", try time(bayan, ["segment", "--jsonl"], input: "/dev/null", dir: dir))
            keep("bayan match start", try time(bayan, ["glossary", "match", "--glossary", glossaryPath, "--jsonl"], input: "/dev/null", dir: dir))
        }
        func mbps(_ s: Double?) -> String { s.map { String(format: "%.1f MB/s", textMB / $0) } ?? "–" }
        let seg = best["bayan segment"]!, sbd = best["pysbd"]!, mat = best["bayan match"]!, flash = best["flashtext"]!
        let segStart = best["bayan segment start"]!, matStart = best["bayan match start"]!
        print("| tool | command line, per CPU second | command line, wall | in process, per CPU second | start-up alone (CPU / wall) |")
        print("|---|---:|---:|---:|---:|")
        print("| bayan segment --jsonl | \(mbps(seg.cpu)) | \(mbps(seg.wall)) | \(mbps(segmentInProcess)) | \(String(format: "%.3f s / %.3f s", segStart.cpu, segStart.wall)) |")
        print("| pySBD, same protocol | \(mbps(sbd.cpu)) | \(mbps(sbd.wall)) | \(mbps(sbd.inside)) | |")
        print(String(format: "| **Bayan / pySBD** | **%.0f×** | %.0f× | **%.0f×** | |", sbd.cpu / seg.cpu, sbd.wall / seg.wall, (sbd.inside ?? 0) / segmentInProcess))
        print("| bayan glossary match --jsonl | \(mbps(mat.cpu)) | \(mbps(mat.wall)) | \(mbps(matchInProcess)) | \(String(format: "%.3f s / %.3f s", matStart.cpu, matStart.wall)) |")
        print("| FlashText, same protocol | \(mbps(flash.cpu)) | \(mbps(flash.wall)) | \(mbps(flash.inside)) | |")
        print(String(format: "| **Bayan / FlashText** | **%.1f×** | %.1f× | **%.1f×** | |", flash.cpu / mat.cpu, flash.wall / mat.wall, (flash.inside ?? 0) / matchInProcess))
    }

    struct Run {
        var wall: Double
        /// User + system seconds of the process.
        var cpu: Double
        /// The seconds the tool reported for its own core work.
        var inside: Double?
    }

    static func threadCPU() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func childrenCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// The summary releases and the sample release, one string each.
    static func corpus() throws -> [String] {
        let root = FileManager.default.currentDirectoryPath
        var texts: [String] = []
        for i in 1...22 {
            texts.append(try String(contentsOfFile: root + String(format: "/Benchmarks/summary/r%02d.txt", i), encoding: .utf8))
        }
        texts.append(try String(contentsOfFile: root + "/seeds/000_62ba54d9c0d0bfaf.txt", encoding: .utf8))
        return texts
    }

    static func jsonl(_ objects: [[String: String]]) throws -> String {
        try objects.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self) }
            .joined(separator: "\n") + "\n"
    }

    /// Runs one command with `input` on stdin and stdout to a file: wall and CPU seconds, and
    /// the seconds the tool reported on stderr under `insideKey`.
    static func time(_ executable: String, _ arguments: [String], input: String, dir: String, insideKey: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle(forReadingAtPath: input)
        FileManager.default.createFile(atPath: dir + "/out.jsonl", contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: dir + "/out.jsonl")
        let errors = Pipe()
        process.standardError = errors
        let started = Date()
        let cpuBefore = childrenCPU()
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = Date().timeIntervalSince(started)
        let cpu = childrenCPU() - cpuBefore
        guard process.terminationStatus == 0 else {
            throw BenchError("\(executable) \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(String(decoding: stderr, as: UTF8.self))")
        }
        var inside: Double?
        if let insideKey, let line = String(decoding: stderr, as: UTF8.self).split(separator: "\n").last,
            let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] {
            inside = object[insideKey] as? Double
        }
        return Run(wall: wall, cpu: cpu, inside: inside)
    }
}
