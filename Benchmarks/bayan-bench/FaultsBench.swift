// `bayan-bench faults [--docs 200] [--sentences 3] [--seed 424242] [--hold-seconds 3]`
//
// The real `bayan` daemon (the binary next to this one) over N documents, three times, each on
// a fresh spool with a fresh translation memory: against a fault-free loopback engine; against
// one answering 30% HTTP 500, 10% 429 with Retry-After, 5% hangs and 2% malformed bodies; and
// against one whose quota is spent (456) until an operator runs `bayan engine resume`. Every
// document must be published with correct alignment; exits non-zero otherwise.
import BayanTestSupport
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

enum FaultsBench {
    struct Phase {
        var seconds = 0.0
        var published = 0
        var failed = 0
        var sentences = 0
        var requests = 0
        var retries = 0
        var deferrals = 0
        var peakKiB: Int?
        var problems: [String] = []
    }

    static func run(_ args: [String]) async throws {
        let docs = BenchArgs.int(args, "--docs") ?? 200
        let perDoc = BenchArgs.int(args, "--sentences") ?? 3
        let seed = UInt64(BenchArgs.int(args, "--seed") ?? 424_242)
        let holdSeconds = Double(BenchArgs.int(args, "--hold-seconds") ?? 3)
        let texts = (0..<docs).map { document($0, sentences: perDoc) }
        print("faults benchmark: bayan at \(DaemonProcess.binary), \(docs) documents of \(perDoc) sentences, seed \(seed)")

        let clean = try await phase("fault-free", texts: texts, faults: FaultPlan())
        let faults = FaultPlan(
            rates: [(.status(500), 0.30), (.status(429, retryAfter: "0"), 0.10), (.hang, 0.05), (.malformedJSON, 0.02)],
            seed: seed)
        let faulty = try await phase("faulty", texts: texts, faults: faults)
        let byKind = faults.injectedByKind.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        print("  faults injected: \(faults.injectedCount) (\(byKind))")
        print("  time: fault-free \(fmt(clean.seconds)) s, faulty \(fmt(faulty.seconds)) s, \(fmt(faulty.seconds / max(clean.seconds, 0.001)))× the fault-free time; "
            + "requests \(clean.requests) → \(faulty.requests) (+\(faulty.requests - clean.requests))")

        let quota = try await quotaPhase(texts: texts, holdSeconds: holdSeconds)
        let problems = clean.problems + faulty.problems + quota
        if !problems.isEmpty {
            print("FAILED: \(problems.count) problem(s)")
            for p in problems.prefix(20) { print("  " + p) }
            exit(1)
        }
        print("all \(docs) documents published and aligned in every phase")
    }

    /// One run over a fresh spool; returns what it cost and every document that went wrong.
    static func phase(_ label: String, texts: [String], faults: FaultPlan) async throws -> Phase {
        let server = try LoopbackHTTPServer(handler: LibreTranslateDialect(faults: faults).handle)
        defer { server.stop() }
        let (spool, daemon, started) = try await start(server, dropping: texts)
        let finished = await Eventually.wait(timeout: 900, poll: 0.05) { spool.doneFiles.count + spool.failedFiles.count == texts.count }
        var result = Phase()
        result.seconds = Date().timeIntervalSince(started)
        if !finished { result.problems.append("\(label): timed out with \(spool.doneFiles.count) done, \(spool.failedFiles.count) failed") }
        result.peakKiB = ProcessMemory.peakKiB(daemon.pid)
        let status = await finalStatus(spool, daemon)
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 30)
        check(spool, texts, label, &result)
        result.failed = spool.failedFiles.count
        result.requests = server.requests.filter { $0.path == "/translate" }.count
        let log = daemon.log
        result.retries = log.components(separatedBy: "engine request failed; retrying").count - 1
        result.deferrals = log.split(separator: "\n").filter { $0.contains("deferred") && $0.contains("retry_in_s") }.count
        let perSentence = Double(result.requests) / Double(max(result.sentences, 1))
        print("  \(label): \(texts.count) documents, \(result.sentences) sentences; published \(result.published), failed \(result.failed) "
            + "(daemon status: processed \(status.processed), failed \(status.failed)); \(fmt(result.seconds)) s; "
            + "\(result.requests) requests, \(fmt(perSentence, 3)) per sentence; \(result.retries) retries, \(result.deferrals) deferrals; "
            + "peak RSS \(ProcessMemory.mib(result.peakKiB))")
        return result
    }

    /// A daemon on a fresh spool against `server`, serving, with `texts` dropped; and when the
    /// drops began.
    static func start(_ server: LoopbackHTTPServer, dropping texts: [String]) async throws -> (TempSpool, DaemonProcess, Date) {
        let spool = try TempSpool()
        try writeConfig(spool, server)
        let daemon = try DaemonProcess.run(spool)
        guard await daemon.waitUntilServing(spool) else { throw BenchError("the daemon did not start: \(daemon.log)") }
        let started = Date()
        for (i, text) in texts.enumerated() { try spool.drop(name(i), text) }
        return (spool, daemon, started)
    }

    /// The quota is spent (every request answered 456) until the operator resumes the engine.
    static func quotaPhase(texts: [String], holdSeconds: Double) async throws -> [String] {
        let spent = Mutex(true)
        let refused = Mutex(0)
        let dialect = LibreTranslateDialect()
        let server = try LoopbackHTTPServer { request in
            if request.path == "/translate", spent.withLock({ $0 }) {
                refused.withLock { $0 += 1 }
                return .json(456, #"{"error":"Quota Exceeded"}"#)
            }
            return dialect.handle(request)
        }
        defer { server.stop() }
        let (spool, daemon, started) = try await start(server, dropping: texts)
        var problems: [String] = []
        guard await Eventually.wait(timeout: 60, { engineState(spool) == "hold" }) else {
            throw BenchError("quota: the engine never went on hold; log:\n\(daemon.log.suffix(3000))")
        }
        let heldAfter = Date().timeIntervalSince(started)
        // Let the inbox drain into the held state: every document claimed and waiting.
        _ = await Eventually.wait(timeout: holdSeconds * 10) { spool.list(spool.inbox).isEmpty }
        try await Task.sleep(for: .seconds(holdSeconds))
        let publishedWhileHeld = spool.doneFiles.count
        let refusedWhileHeld = refused.withLock { $0 }
        let requestsBeforeResume = server.requestCount
        let waiting = spool.list(spool.active).count
        spent.withLock { $0 = false }
        let resumed = Date()
        let resume = try DaemonProcess(arguments: ["engine", "resume", "--config", spool.configPath], logPath: spool.dir + "/resume.log")
        guard await resume.waitForExit(timeout: 30) == 0 else { throw BenchError("bayan engine resume failed: \(resume.log)") }
        let finished = await Eventually.wait(timeout: 600, poll: 0.05) { spool.doneFiles.count + spool.failedFiles.count == texts.count }
        let afterResume = Date().timeIntervalSince(resumed)
        if !finished { problems.append("quota: timed out with \(spool.doneFiles.count) done, \(spool.failedFiles.count) failed") }
        let peak = ProcessMemory.peakKiB(daemon.pid)
        daemon.signal(SIGTERM)
        _ = await daemon.waitForExit(timeout: 30)
        var result = Phase()
        check(spool, texts, "quota", &result)
        problems += result.problems
        let heldFor = Date().timeIntervalSince(started) - heldAfter - afterResume
        print("  quota hold: on hold \(fmt(heldAfter)) s after the drop; held \(fmt(heldFor, 1)) s with \(waiting) documents claimed and waiting, "
            + "\(publishedWhileHeld) published, \(refusedWhileHeld) requests answered 456; after `bayan engine resume`: "
            + "\(result.published) published and aligned, \(spool.failedFiles.count) failed, in \(fmt(afterResume)) s "
            + "(\(server.requestCount - requestsBeforeResume) requests); peak RSS \(ProcessMemory.mib(peak))")
        if spool.failedFiles.count > 0 { problems.append("quota: \(spool.failedFiles.count) documents failed") }
        return problems
    }

    /// Counts published documents and sentences, and records every missing or misaligned one.
    static func check(_ spool: TempSpool, _ texts: [String], _ label: String, _ result: inout Phase) {
        for (i, text) in texts.enumerated() {
            let stem = String(name(i).dropLast(4))
            let path = spool.out + "/" + stem + "/result.json"
            if let problem = ResultCheck.problem(resultJSON: path, source: text) {
                result.problems.append("\(label): \(stem): \(problem)")
                continue
            }
            result.published += 1
            result.sentences += spool.resultJSON(stem).flatMap { $0["segments"] as? [Any] }?.count ?? 0
        }
    }

    /// `sentences` sentences unique to document `n` (none ends in a number, which the
    /// segmenter may read as a list marker).
    static func document(_ n: Int, sentences: Int) -> String {
        let templates = [
            "أعلنت الهيئة العامة للجمارك في البيان رقم %d عن ضبط شحنة مخالفة في الميناء.",
            "وأكد المدير العام أن العملية %d من الدفعة %d تمت بالتنسيق مع منظمة الجمارك العالمية.",
            "وتستمر الدائرة في تطوير الخدمة %d الذكية للعملاء والمتعاملين.",
        ]
        return (0..<sentences).map { s in String(format: templates[s % templates.count], n, s) }.joined(separator: " ") + "\n"
    }

    static func fmt(_ x: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", x) }

    static func name(_ i: Int) -> String { "f-" + String(format: "%04d", i) + ".txt" }

    /// The e2e fault test's settings: ten attempts, a 1 s timeout (hangs), a short breaker cool-down.
    static func writeConfig(_ spool: TempSpool, _ server: LoopbackHTTPServer) throws {
        try spool.writeConfig(
            engineURL: server.baseURL, extra: "status_interval: 0.2\nlog:\n  level: warning\n", engine: TempSpool.faultTolerantEngine)
    }

    static func statusObject(_ spool: TempSpool) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: spool.statusFile) else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }

    static func engineState(_ spool: TempSpool) -> String? {
        (statusObject(spool)?["engine"] as? [String: Any])?["state"] as? String
    }

    /// The daemon's own counts, once its status file has caught up with the folders.
    static func finalStatus(_ spool: TempSpool, _ daemon: DaemonProcess) async -> (processed: String, failed: String) {
        let target = spool.doneFiles.count
        _ = await Eventually.wait(timeout: 5) { (statusObject(spool)?["processed"] as? Int) ?? -1 >= target }
        let s = statusObject(spool)
        return ((s?["processed"] as? Int).map(String.init) ?? "?", (s?["failed"] as? Int).map(String.init) ?? "?")
    }
}
