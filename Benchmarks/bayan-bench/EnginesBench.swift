// `bayan-bench engines [--docs 200] [--sentences 10] [--latency-ms 100] [--batch 25]
//  [--concurrency 4] [--workers 2] [--in-flight 32] [--dialect libretranslate|deepl|openai]`
//
// The daemon's own SpoolService (claim → pipeline → publish → done/), in process, against a
// loopback mock engine that answers every request after a fixed latency L. Times N documents
// dropped into the inbox at once until all are published, against the bound
// ceil(sentences / batch) × L / concurrency; then drops the same documents again with the
// memory warm (zero requests expected).
import ArabicText
import BayanCore
import BayanTestSupport
import Daemon
import Foundation
import Logging
import Outputs
import QA
import ServiceLifecycle
import Summary
import Translation

enum EnginesBench {
    static func run(_ args: [String]) async throws {
        func option(_ name: String, _ fallback: Int) -> Int {
            guard let i = args.firstIndex(of: "--" + name), i + 1 < args.count, let v = Int(args[i + 1]) else { return fallback }
            return v
        }
        let docs = option("docs", 200), perDoc = option("sentences", 10), latency = option("latency-ms", 100)
        let batch = option("batch", 25), concurrency = option("concurrency", 4), workers = option("workers", 2)
        let inFlight = option("in-flight", 32)
        let dialect = args.firstIndex(of: "--dialect").flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil } ?? "libretranslate"

        let key = "bench-key:fx"
        let handler: LoopbackHTTPServer.Handler = switch dialect {
        case "deepl": DeepLDialect(authKey: key, latencyMilliseconds: latency).handle
        case "openai": OpenAIDialect(latencyMilliseconds: latency).handle
        default: LibreTranslateDialect(latencyMilliseconds: latency).handle
        }
        let server = try LoopbackHTTPServer(handler: handler)
        defer { server.stop() }
        let dir = NSTemporaryDirectory() + "bayan-bench-engines-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let layout = SpoolLayout(root: dir + "/spool")
        try layout.create()

        var config = BayanConfig()
        config.spool.root = layout.root
        config.spool.settle = 0.05
        config.spool.rescanInterval = 0.5
        config.workers = workers
        config.documentsInFlight = inFlight
        config.statusInterval = 1
        config.engine.concurrency = concurrency
        config.engine.batchSize = batch
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        var transport = TransportOptions()
        transport.concurrency = concurrency
        let limits = BatchLimits(maxItems: batch, maxBytes: 64 * 1024)
        let engine: any TranslationEngine = switch dialect {
        case "deepl": DeepLEngine(apiKey: Secret(key), host: .url(server.baseURL), limits: limits, transport: CurlTransport(options: transport))
        case "openai": OpenAIEngine(url: server.baseURL, apiKey: nil, model: "bayan-mock", limits: limits, transport: CurlTransport(options: transport))
        default: LibreTranslateEngine(url: server.baseURL, limits: limits, transport: CurlTransport(options: transport))
        }
        let memory = try TranslationMemory(path: layout.state + "/memory.sqlite")
        let translator = Translator(engine: engine, policy: RetryPolicy(), logger: logger, concurrency: concurrency, linger: config.engine.batchLinger, memory: memory)
        let stages = PipelineStages(
            reader: PlainTextReader(), segmenter: PunctuationSegmenter(), translator: translator, checker: CheckSuite([]),
            summarizer: EmptySummarizer(), writers: [ResultJSONWriter(), AlignedMarkdownWriter()])
        let holder = StagesHolder(config: config, stages: stages)
        let status = StatusReporter(layout: layout, engineKind: dialect, engineURL: server.baseURL)
        let spool = SpoolService(layout: layout, holder: holder, database: try? JobDatabase(path: layout.database), status: status, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [.init(service: spool)], logger: logger))
        let running = Task { try await group.run() }

        let texts = (0..<docs).map { document(index: $0, sentences: perDoc) }
        let sentences = texts.reduce(0) { total, text in
            let doc = try? PlainTextReader().read(Array(text.utf8), fileName: "x.txt")
            return total + (doc.map { PunctuationSegmenter().segment($0).count } ?? 0)
        }
        let bound = Double((sentences + batch - 1) / batch) * Double(latency) / 1000 / Double(concurrency)

        print("engines benchmark: \(docs) documents, \(sentences) sentences, dialect \(dialect), L = \(latency) ms, batch \(batch), concurrency \(concurrency), workers \(workers), documents in flight \(inFlight)")
        for (round, label) in [(0, "cold memory"), (1, "warm memory")] {
            let before = translator.stats.snapshot
            let requestsBefore = server.requestCount
            let published = layout.out
            let already = (try? FileManager.default.contentsOfDirectory(atPath: published).filter { !$0.hasPrefix(".") }.count) ?? 0
            let started = Date()
            for (i, text) in texts.enumerated() {
                let staging = dir + "/staging-\(round)-\(i)"
                try Data(text.utf8).write(to: URL(fileURLWithPath: staging))
                rename(staging, layout.inbox + "/r\(round)-\(String(format: "%03d", i)).txt")
            }
            var done = already
            while done < already + docs {
                try await Task.sleep(for: .milliseconds(5))
                done = (try? FileManager.default.contentsOfDirectory(atPath: published).filter { !$0.hasPrefix(".") }.count) ?? done
                if Date().timeIntervalSince(started) > 600 { print("  timed out with \(done - already) published"); break }
            }
            let elapsed = Date().timeIntervalSince(started)
            let after = translator.stats.snapshot
            let requests = server.requestCount - requestsBefore
            let chars = after.charactersSent - before.charactersSent
            print("  \(label): \(String(format: "%.2f", elapsed)) s to publish \(docs) documents; bound \(String(format: "%.2f", bound)) s; ratio \(String(format: "%.2f", elapsed / bound))")
            print("    requests \(requests) (\(String(format: "%.2f", Double(requests) / Double(docs))) per document), characters sent \(chars) (\(chars / max(1, docs)) per document), sentences from memory \(after.memoryHits - before.memoryHits)")
        }
        await group.triggerGracefulShutdown()
        _ = try? await running.value
        try await enginePathOnly(texts: texts, server: server, engine: engine, logger: logger, concurrency: concurrency, linger: config.engine.batchLinger, bound: bound)
    }

    /// The same documents through one shared Translator only (no spool, no publishing): what
    /// the batcher and limiter achieve on their own.
    static func enginePathOnly(
        texts: [String], server: LoopbackHTTPServer, engine: any TranslationEngine, logger: Logger, concurrency: Int, linger: Double, bound: Double
    ) async throws {
        let translator = Translator(engine: engine, policy: RetryPolicy(), logger: logger, concurrency: concurrency, linger: linger)
        let documents = texts.enumerated().map { i, text -> [TranslationItem] in
            guard let doc = try? PlainTextReader().read(Array(text.utf8), fileName: "d\(i).txt") else { return [] }
            return PunctuationSegmenter().segment(doc).map { TranslationItem(id: "\($0.id)", text: $0.text) }
        }
        let requestsBefore = server.requestCount
        let started = Date()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for items in documents { group.addTask { _ = try await translator.translate(items) } }
            try await group.waitForAll()
        }
        let elapsed = Date().timeIntervalSince(started)
        print("  engine path only (\(texts.count) documents translated concurrently through one Translator, no spool): \(String(format: "%.2f", elapsed)) s; bound \(String(format: "%.2f", bound)) s; ratio \(String(format: "%.2f", elapsed / bound)); requests \(server.requestCount - requestsBefore)")
    }

    /// A release-like document of `sentences` unique Arabic sentences.
    static func document(index: Int, sentences: Int) -> String {
        let subjects = ["أعلنت الهيئة العامة للجمارك", "أكد المدير العام للجمارك", "أوضح بيان صادر عن المنافذ البرية", "كشفت إدارة مكافحة التهريب", "شاركت الجمارك"]
        let objects = ["عن ضبط شحنة مخالفة في الميناء", "أن حجم التبادل التجاري ارتفع خلال الربع", "عن إطلاق منصة رقمية لتسريع التخليص", "أن فرق التفتيش أنجزت معاملات المسافرين", "في اجتماع منظمة الجمارك العالمية"]
        func n(_ v: Int) -> String { String(String(v).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) }) }
        var lines: [String] = []
        for s in 0..<sentences {
            lines.append("\(subjects[(index + s) % subjects.count]) في البيان رقم \(n(index + 1)) \(objects[(index * 7 + s) % objects.count]) بنسبة \(n(s + 3)) في المئة للفقرة \(n(s + 1)).")
        }
        return lines.joined(separator: " ") + "\n"
    }
}
