// `bayan-bench throughput [--latency-ms 50,100,250,500] [--workload short,long] [--docs 200]
//  [--long-docs 20] [--long-sentences 40] [--runs 1] [--in-flight N] [--no-baseline] [--attach CMD]
//  [--clean-between] [--daemon-log PATH]`
//
// Many short documents through the real `bayan run` binary (release, next to this one) against
// a loopback LibreTranslate endpoint answering after L ms, engine concurrency 4 and batches of
// 16, side by side in the same run with the plain baseline (Benchmarks/throughput/
// naive_daemon.py: crash-safe, one request per document, 4 connections) and the endpoint bound
// ceil(sentences / 16) / 4 × L. Each side starts on a fresh spool, is ready before the
// documents are renamed into its inbox all at once, and is timed until every result is
// published. For profiling: `--attach "perf record -g -o perf.data -p"` (or "strace -f -c -o
// s.txt -p") runs that command with the daemon's pid appended while the documents go through;
// `--no-baseline` skips the baseline. `--daemon-log PATH` runs the daemon at log level info and
// copies its log there after each run (a timeline of claims, requests and publishes).
import ArabicText
import BayanCore
import BayanTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

enum ThroughputBench {
    static let batch = 16
    static let connections = 4

    struct Workload {
        let name: String
        let texts: [String]
        let sentences: Int
    }

    static func run(_ args: [String]) async throws {
        let latencies = (BenchArgs.string(args, "--latency-ms") ?? "50,100,250,500").split(separator: ",").compactMap { Int($0) }
        let kinds = (BenchArgs.string(args, "--workload") ?? "short,long").split(separator: ",").map(String.init)
        let runs = BenchArgs.int(args, "--runs") ?? 1
        let attach = BenchArgs.string(args, "--attach")
        let withBaseline = !args.contains("--no-baseline")
        let extra = BenchArgs.int(args, "--in-flight").map { "documents_in_flight: \($0)\n" } ?? ""
        let daemonLog = BenchArgs.string(args, "--daemon-log")
        // Each run's spool is deleted only at the end unless --clean-between: on ext4 without a
        // journal (this VM) inode allocation skips every inode freed in the last 30-60 s, so one
        // run's ~2,000 deletions made the next run's file creation several times dearer.
        leftovers.keep = !args.contains("--clean-between")
        defer { leftovers.removeAll() }
        var workloads: [Workload] = []
        if kinds.contains("short") { workloads.append(shortWorkload(documents: BenchArgs.int(args, "--docs") ?? 200)) }
        if kinds.contains("long") {
            workloads.append(longWorkload(documents: BenchArgs.int(args, "--long-docs") ?? 20, sentences: BenchArgs.int(args, "--long-sentences") ?? 40))
        }
        print("throughput benchmark: bayan at \(DaemonProcess.binary); baseline \(baselineScript) under \(python); concurrency \(connections), batch \(batch)")
        print("| workload | L | bound | Bayan | Bayan / bound | Bayan docs/s | requests | baseline | baseline / bound | baseline docs/s |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for workload in workloads {
            for latency in latencies {
                for _ in 0..<runs {
                    let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(latencyMilliseconds: latency).handle)
                    defer { server.stop() }
                    let bound = Double((workload.sentences + batch - 1) / batch) / Double(connections) * Double(latency) / 1000
                    let before = server.requestCount
                    let bayan = try await timeBayan(workload, server: server, attach: attach, extra: extra, daemonLog: daemonLog)
                    let requests = server.requestCount - before
                    let baseline = withBaseline ? try await timeBaseline(workload, server: server) : .nan
                    let n = Double(workload.texts.count)
                    print(String(
                        format: "| %@ (%d docs, %d sentences) | %d ms | %.3f s | %.3f s | **%.2f×** | %.1f | %d | %.3f s | %.2f× | %.1f |",
                        workload.name, workload.texts.count, workload.sentences, latency, bound, bayan, bayan / bound, n / bayan, requests,
                        baseline, baseline / bound, n / baseline))
                }
            }
        }
    }

    /// 200 short releases, 491 sentences: 91 of three sentences, the rest of two.
    static func shortWorkload(documents: Int) -> Workload {
        let texts = (0..<documents).map { i in release(index: i, sentences: i < documents * 91 / 200 ? 3 : 2) }
        return Workload(name: "short", texts: texts, sentences: count(texts))
    }

    static func longWorkload(documents: Int, sentences: Int) -> Workload {
        let texts = (0..<documents).map { release(index: 5000 + $0, sentences: sentences) }
        return Workload(name: "long", texts: texts, sentences: count(texts))
    }

    /// A release of unique sentences (each ends in a word, so no rule about numbers applies),
    /// four to a paragraph.
    static func release(index: Int, sentences: Int) -> String {
        let subjects = ["أعلنت الهيئة العامة للجمارك", "أكد المدير العام للجمارك", "أوضح بيان صادر عن المنافذ البرية", "كشفت إدارة مكافحة التهريب", "شاركت الجمارك"]
        let objects = ["عن ضبط شحنة مخالفة في الميناء", "أن حجم التبادل التجاري ارتفع خلال الربع", "عن إطلاق منصة رقمية لتسريع التخليص", "أن فرق التفتيش أنجزت معاملات المسافرين", "في اجتماع منظمة الجمارك العالمية"]
        func n(_ v: Int) -> String { String(String(v).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) }) }
        var text = ""
        for s in 0..<sentences {
            text += "\(subjects[(index + s) % subjects.count]) في البيان رقم \(n(index + 1)) \(objects[(index * 7 + s) % objects.count]) بنسبة \(n(s + 3)) في المئة من إجمالي المعاملات المسجلة."
            text += (s % 4 == 3 || s == sentences - 1) ? "\n\n" : " "
        }
        return text
    }

    static func count(_ texts: [String]) -> Int {
        texts.reduce(0) { $0 + ArabicSentenceSegmenter().segment(text: $1).count }
    }

    static func timeBayan(_ workload: Workload, server: LoopbackHTTPServer, attach: String? = nil, extra: String = "", daemonLog: String? = nil) async throws -> Double {
        let spool = try TempSpool()
        leftovers.adopt(spool)
        try spool.writeConfig(
            engineURL: server.baseURL, extra: "log:\n  level: \(daemonLog == nil ? "warning" : "info")\n" + extra,
            engine: "  concurrency: \(connections)\n  batch_size: \(batch)\n")
        let daemon = try DaemonProcess.run(spool)
        guard await daemon.waitUntilServing(spool, timeout: 60) else { throw BenchError("bayan did not start: \(daemon.log)") }
        var profiler: Process?
        if let attach {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = attach.split(separator: " ").map(String.init) + ["\(daemon.pid)"]
            try p.run()
            profiler = p
            try await Task.sleep(for: .milliseconds(500))  // let it attach
        }
        defer {
            if let profiler {
                kill(profiler.processIdentifier, SIGINT)
                profiler.waitUntilExit()
            }
        }
        let elapsed = try await dropAndWait(workload, inbox: spool.inbox, staging: spool.dir) {
            countEntries(spool.out) { !$0.hasPrefix(".") }
        }
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 30)
        if let daemonLog {
            try? FileManager.default.removeItem(atPath: daemonLog)
            try FileManager.default.copyItem(atPath: daemon.logPath, toPath: daemonLog)
        }
        let failed = spool.list(spool.failed)
        if !failed.isEmpty { throw BenchError("bayan put \(failed.count) files in failed/: \(failed.prefix(3))") }
        return elapsed
    }

    static func timeBaseline(_ workload: Workload, server: LoopbackHTTPServer) async throws -> Double {
        let spool = try TempSpool()
        leftovers.adopt(spool)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [baselineScript, "--spool", spool.root, "--url", server.baseURL, "--connections", "\(connections)", "--batch", "\(batch)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        defer {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        guard let line = String(data: pipe.fileHandleForReading.availableData, encoding: .utf8), line.hasPrefix("ready") else {
            throw BenchError("the baseline did not start")
        }
        return try await dropAndWait(workload, inbox: spool.inbox, staging: spool.dir) {
            countEntries(spool.root + "/out") { $0.hasSuffix(".tsv") }
        }
    }

    /// Writes every document beside the inbox, renames them all in, and times until `published`
    /// counts them all.
    static func dropAndWait(_ workload: Workload, inbox: String, staging: String, published: () -> Int) async throws -> Double {
        var staged: [(String, String)] = []
        for (i, text) in workload.texts.enumerated() {
            let path = staging + "/staged-\(i)"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            staged.append((path, inbox + String(format: "/release-%04d.txt", i)))
        }
        let started = Date()
        for (from, to) in staged { rename(from, to) }
        guard await Eventually.wait(timeout: 600, poll: 0.003, { published() == workload.texts.count }) else {
            throw BenchError("only \(published()) of \(workload.texts.count) published within 600 s")
        }
        return Date().timeIntervalSince(started)
    }

    /// Entries of `folder` whose name passes `keep`, by readdir: the bench polls every 3 ms on
    /// the same two cores as the daemon, and listing and sorting through FileManager took CPU
    /// the daemon could have used (more, the faster the daemon publishes).
    static func countEntries(_ folder: String, _ keep: (String) -> Bool) -> Int {
        guard let dir = opendir(folder) else { return 0 }
        defer { closedir(dir) }
        var count = 0
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." && keep(name) { count += 1 }
        }
        return count
    }

    static let leftovers = Leftovers()

    /// Spools kept until the benchmark ends (see `--clean-between`).
    final class Leftovers: @unchecked Sendable {
        private let lock = NSLock()
        private var dirs: [String] = []
        var keep = true

        func adopt(_ spool: TempSpool) {
            guard keep else { return }
            spool.removeOnDeinit = false
            lock.withLock { dirs.append(spool.dir) }
        }

        func removeAll() {
            for dir in lock.withLock({ dirs }) { try? FileManager.default.removeItem(atPath: dir) }
            lock.withLock { dirs.removeAll() }
        }
    }

    static var baselineScript: String { FileManager.default.currentDirectoryPath + "/Benchmarks/throughput/naive_daemon.py" }

    static var python: String {
        if let py = ProcessInfo.processInfo.environment["BAYAN_PY"] { return py }
        let venv = FileManager.default.currentDirectoryPath + "/.build-py/bin/python3"
        return FileManager.default.fileExists(atPath: venv) ? venv : "/usr/bin/python3"
    }
}
