import BayanTestSupport
import Foundation
import Outputs
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Postfix-style fault injection: `BAYAN_FAULT=<point>` makes the daemon exit at exactly that
/// point; the next start must recover with nothing lost, partial or duplicated.
@Suite struct CrashPointTests {
    @Test(arguments: CrashPoint.allCases)
    func recoveryFromEachCrashPoint(_ point: CrashPoint) async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 1\n")
        let crashing = try DaemonProcess.run(spool, environment: ["BAYAN_FAULT": point.rawValue], logName: "crash.log")
        let names = (0..<3).map { "doc-\($0).txt" }
        for (i, name) in names.enumerated() { try spool.drop(name, Fixtures.release(100 + i)) }
        let status = await crashing.waitForExit(timeout: 30)
        #expect(status == 137, "\(point.rawValue): the daemon did not stop at the fault point; log:\n\(crashing.log)")
        for stem in spool.published { #expect(resultIsAligned(spool.resultJSON(stem)), "partial result visible after \(point.rawValue)") }
        let recovering = try DaemonProcess.run(spool, logName: "recover.log")
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == names.count }, "log:\n\(recovering.log)")
        #expect(spool.doneFiles == names)
        #expect(spool.published == names.map { String($0.dropLast(4)) })
        for stem in spool.published { #expect(resultIsAligned(spool.resultJSON(stem))) }
        #expect(spool.failedFiles.isEmpty)
        #expect(await Eventually.wait(timeout: 10) { spool.list(spool.active).isEmpty && spool.list(spool.tmp).isEmpty })
    }
}
