import BayanCore
import BayanTestSupport
import Foundation
import Testing

/// `bytes_in_flight` bounds the input claimed at once (memory), and one document always runs.
@Suite struct InFlightTests {
    /// Which of the documents' place names each request to the engine carried.
    static func documentsPerRequest(_ server: LoopbackHTTPServer, names: [String]) -> [Set<String>] {
        server.requests.filter { $0.path.hasSuffix("/translate") }.map { request in
            let text = String(decoding: request.body, as: UTF8.self)
            // The body is JSON; Arabic may be written as \u escapes, so decode it first.
            let decoded = (try? JSONSerialization.jsonObject(with: Data(request.body))).map { "\($0)" } ?? text
            return Set(names.filter { decoded.contains($0) || text.contains($0) })
        }
    }

    /// Three one-sentence documents dropped together, one engine connection answering after
    /// 300 ms. With a budget of one byte each is claimed only when the one before has finished
    /// (each is larger than the budget and still runs alone), so no request carries two of
    /// them; with the default budget the two claimed while the first request is out share
    /// the next request.
    @Test(arguments: [(budget: "bytes_in_flight: 1\n", shared: false), (budget: "", shared: true)])
    func bytesInFlightLimitsClaims(budget: String, shared: Bool) async throws {
        let server = try Fixtures.server(latencyMs: 300)
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: budget, engine: "  concurrency: 1\n")
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool, timeout: 30))
        let places = ["الشارقة", "الفجيرة", "عجمان"]
        let files = ["a.txt", "b.txt", "c.txt"]
        for (file, place) in zip(files, places) {
            try spool.drop(file, "أعلنت جمارك \(place) اليوم عن إطلاق خدمة رقمية جديدة للمتعاملين.")
        }
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles.sorted() == files }, "done/ holds \(spool.doneFiles)")
        let carried = Self.documentsPerRequest(server, names: places)
        #expect(Set(carried.flatMap { $0 }) == Set(places), "requests carried \(carried)")
        #expect(carried.contains { $0.count > 1 } == shared, "documents per request: \(carried.map(\.count))")
        daemon.signal(SIGTERM)
        #expect(await daemon.waitForExit(timeout: 30) == 0)
    }
}
