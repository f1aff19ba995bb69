// A loopback machine-translation endpoint for trying Bayan without an MT server: it speaks
// the LibreTranslate protocol and answers with clearly marked pseudo-translations.
import ArgumentParser
import BayanTestSupport
import Foundation

struct MockEngine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bayan-mock-engine",
        abstract: "Serve a LibreTranslate-protocol test endpoint on 127.0.0.1 with pseudo-translations.",
        discussion: """
            Every answer is a transliteration marked "[mock-en]", so a result shows which sentence it \
            came from. Prints the URL, then serves until interrupted.

            Example: bayan-mock-engine --port 5000 --latency-ms 50
            """)

    @Option(help: "Port on 127.0.0.1 (0 = any free port).") var port: Int = 5000
    @Option(help: "Milliseconds to wait before each answer.") var latencyMs: Int = 0
    @Option(help: "Fraction of requests answered with HTTP 500 (fault injection).") var failRate: Double = 0

    func run() throws {
        let faults = FaultPlan(rates: failRate > 0 ? [(.status(500), failRate)] : [], seed: 42)
        let dialect = LibreTranslateDialect(faults: faults, latencyMilliseconds: latencyMs)
        let server = try LoopbackHTTPServer(port: port, handler: dialect.handle)
        FileHandle.standardOutput.write(Data("bayan-mock-engine: LibreTranslate protocol at \(server.baseURL)\n".utf8))
        while true { sleep(3600) }
    }
}

MockEngine.main()
