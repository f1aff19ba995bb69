import BayanTestSupport
import Foundation
import Glossary

#if canImport(Glibc)
import Glibc
#endif

/// The daemon end to end against a loopback engine that answers at once: documents per second
/// for a bulk drop, drop-to-result latency for single documents (inotify path), and the
/// daemon's RSS as the documents go through. Runs the real `bayan` binary that sits next to
/// this one. `--glossary none|shipped|N`: no glossary (default), Glossary/customs.tsv, or the
/// shipped glossary grown to N entries the way `bayan-bench match` grows it.
enum PipelineBench {
    static func run(_ args: [String]) async throws {
        let documents = BenchArgs.int(args, "--documents") ?? 2000
        let singles = BenchArgs.int(args, "--singles") ?? 50
        let workers = BenchArgs.int(args, "--workers") ?? 2
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect().handle)
        defer { server.stop() }
        let spool = try TempSpool()
        let glossaryOption = BenchArgs.string(args, "--glossary") ?? "none"
        let (glossaryFile, glossaryEntries) = try glossary(glossaryOption, in: spool.dir)
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: \(workers)\nlog:\n  level: warning\n")
        if let glossaryFile {
            try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
                .replacingOccurrences(of: "  files: []", with: "  files: [\"\(glossaryFile)\"]")
                .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        }
        let daemon = try DaemonProcess.run(spool)
        guard await daemon.waitUntilServing(spool, timeout: 120) else { throw BenchError("the daemon did not start: \(daemon.log)") }
        print("pipeline benchmark: bayan at \(DaemonProcess.binary), workers \(workers), engine on loopback (no latency), glossary \(glossaryOption) (\(glossaryEntries) entries)")
        print("daemon RSS at start: \(ProcessMemory.mib(ProcessMemory.currentKiB(daemon.pid)))")

        // Drop-to-result latency, one document at a time, each dropped by rename (inotify path).
        var latencies: [Double] = []
        for i in 0..<singles {
            let name = "single-\(i)"
            let started = Date()
            try spool.drop(name + ".txt", text(i))
            guard await Eventually.wait(timeout: 30, poll: 0.001, { FileManager.default.fileExists(atPath: spool.out + "/" + name) }) else {
                throw BenchError("\(name) was not published")
            }
            latencies.append(Date().timeIntervalSince(started) * 1000)
        }
        latencies.sort()
        print(String(format: "drop-to-result latency over %d single drops: p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                     singles, BenchArgs.percentile(latencies, 0.5), BenchArgs.percentile(latencies, 0.99), latencies.last ?? 0))

        // Bulk: every document dropped at once.
        let requestsBefore = server.requestCount
        let started = Date()
        for i in 0..<documents { try spool.drop("bulk-\(i).txt", text(10_000 + i)) }
        let dropped = Date().timeIntervalSince(started)
        // RSS each time another tenth of the documents is done: growth against documents.
        var marks: [(done: Int, kib: Int)] = []
        let step = max(1, documents / 10)
        let finished = await Eventually.wait(timeout: 3600, poll: 0.05) {
            let done = spool.doneFiles.count - singles
            if done >= (marks.last?.done ?? 0) + step || (done == documents && marks.last?.done != done), let kib = ProcessMemory.currentKiB(daemon.pid) {
                marks.append((done, kib))
            }
            return done == documents
        }
        guard finished else { throw BenchError("only \(spool.doneFiles.count - singles) of \(documents) published") }
        let elapsed = Date().timeIntervalSince(started)
        print(String(format: "bulk: %d documents (3 sentences each) dropped in %.2f s, all published after %.2f s: %.1f documents/s, %.2f ms per document, %d requests",
                     documents, dropped, elapsed, Double(documents) / elapsed, elapsed * 1000 / Double(documents), server.requestCount - requestsBefore))
        print("daemon RSS by documents done: " + marks.map { "\($0.done): \(ProcessMemory.mib($0.kib))" }.joined(separator: ", "))
        print("daemon memory after \(documents + singles) documents: peak RSS \(ProcessMemory.mib(ProcessMemory.peakKiB(daemon.pid))), current RSS \(ProcessMemory.mib(ProcessMemory.currentKiB(daemon.pid)))")
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 30)
    }

    /// The glossary file for `--glossary`, written into `dir` when generated; nil for none.
    static func glossary(_ option: String, in dir: String) throws -> (path: String?, entries: Int) {
        if option == "none" { return (nil, 0) }
        let shippedPath = FileManager.default.currentDirectoryPath + "/Glossary/customs.tsv"
        guard let shipped = GlossaryLoader.load([shippedPath]).glossary else {
            throw BenchError("cannot load \(shippedPath): run from the repository root")
        }
        if option == "shipped" { return (shippedPath, shipped.entries.count) }
        guard let count = Int(option), count > 0 else { throw BenchError("--glossary takes none, shipped or a number of entries") }
        let seed = (try? String(contentsOfFile: "seeds/000_62ba54d9c0d0bfaf.txt", encoding: .utf8)) ?? ""
        let vocabulary = seed.split(separator: "\n").map(String.init) + (0..<50).map(text)
        let grown = MatchBench.generatedGlossary(base: shipped, vocabulary: vocabulary, count: count)
        let path = dir + "/glossary-\(count).tsv"
        try GlossaryTSVWriter.write(grown.entries).write(toFile: path, atomically: true, encoding: .utf8)
        return (path, grown.entries.count)
    }

    static func text(_ n: Int) -> String {
        "أعلنت جمارك دبي اليوم ضبط الشحنة رقم \(n) في ميناء جبل علي.\nوأكد مدير الإدارة أن العملية \(n) تمت بالتنسيق مع منظمة الجمارك العالمية.\nوتستمر الدائرة في تطوير خدماتها الذكية للعملاء.\n"
    }
}
