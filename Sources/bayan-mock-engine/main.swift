// A loopback machine-translation endpoint for trying Bayan without an MT server: it speaks the
// LibreTranslate, DeepL or OpenAI-compatible protocol and answers with clearly marked
// pseudo-translations.
import ArgumentParser
import BayanTestSupport
import Foundation
import Synchronization

enum Dialect: String, ExpressibleByArgument, CaseIterable {
    case libretranslate, deepl, openai
}

struct MockEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayan-mock-engine",
        abstract: "Serve a LibreTranslate, DeepL or OpenAI-compatible test endpoint on 127.0.0.1 with pseudo-translations.",
        discussion: """
            Every answer is a transliteration marked "[mock-en]", so a result shows which sentence it \
            came from. GET /_mock/requests answers {"requests": N}, the translation requests served. \
            Prints the URL, then serves until interrupted. The deepl dialect wants the key \
            given with --api-key (set engine.deepl_host: url); the openai dialect serves the model \
            named by --model.

            Example: bayan-mock-engine --dialect openai --model bayan-mock --port 5000 --latency-ms 50
            """)

    @Option(help: "Protocol to speak: libretranslate, deepl or openai.") var dialect: Dialect = .libretranslate
    @Option(help: "Port on 127.0.0.1 (0 = any free port).") var port: Int = 5000
    @Option(help: "Milliseconds to wait before each answer.") var latencyMs: Int = 0
    @Option(help: "Fraction of requests answered with HTTP 500 (fault injection).") var failRate: Double = 0
    @Option(help: "The API key the endpoint requires (deepl: required; others: optional).") var apiKey: String?
    @Option(help: "The model name the openai dialect serves.") var model: String = "bayan-mock"
    @Option(help: "openai: answer every key-point (summary) request with the content of this file.") var keyPoints: String?

    func run() throws {
        let faults = FaultPlan(rates: failRate > 0 ? [(.status(500), failRate)] : [], seed: 42)
        let handler: LoopbackHTTPServer.Handler
        switch dialect {
        case .libretranslate:
            handler = LibreTranslateDialect(requiredAPIKey: apiKey, faults: faults, latencyMilliseconds: latencyMs).handle
        case .deepl:
            handler = DeepLDialect(authKey: apiKey ?? "mock-key:fx", faults: faults, latencyMilliseconds: latencyMs).handle
        case .openai:
            let dialect = OpenAIDialect(requiredAPIKey: apiKey, models: [model], faults: faults, latencyMilliseconds: latencyMs)
            if let keyPoints {
                let content = try String(contentsOfFile: keyPoints, encoding: .utf8)
                handler = KeyPointScript(Array(repeating: .content(content), count: 10_000), translation: dialect).handle
            } else {
                handler = dialect.handle
            }
        }
        // GET /_mock/requests answers how many translation requests were served (tests that
        // check a document was answered from the translation memory read it).
        let served = Mutex(0)
        let counted: LoopbackHTTPServer.Handler = { request in
            if request.method == "GET" && request.path == "/_mock/requests" {
                return .json(200, "{\"requests\":\(served.withLock { $0 })}")
            }
            if request.method == "POST" { served.withLock { $0 += 1 } }
            return handler(request)
        }
        let server = try LoopbackHTTPServer(port: port, handler: counted)
        FileHandle.standardOutput.write(Data("bayan-mock-engine: \(dialect.rawValue) protocol at \(server.baseURL)\n".utf8))
        while true { sleep(3600) }
    }
}

MockEngine.main()
