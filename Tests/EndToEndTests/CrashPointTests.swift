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
    // after-reason-before-move is reached only by a rejected file: ReasonFileCrashTests.
    @Test(arguments: CrashPoint.allCases.filter { $0 != .afterReasonBeforeMove && $0 != .afterReviewImportBeforeMove })
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

@Suite struct CrashLoopGuardTests {
    @Test func aDocumentThatCrashesTheDaemonEveryTimeIsSetAside() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8)).replacingOccurrences(of: "  root:", with: "  max_attempts: 2\n  root:")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        try spool.drop("poison.txt", Fixtures.release(66))
        for run in 0..<2 {
            let crashing = try DaemonProcess.run(spool, environment: ["BAYAN_FAULT": CrashPoint.afterTempWrite.rawValue], logName: "c\(run).log")
            #expect(await crashing.waitForExit(timeout: 30) == 137)
        }
        let third = try DaemonProcess.run(spool, environment: ["BAYAN_FAULT": CrashPoint.afterTempWrite.rawValue], logName: "c2.log")
        #expect(await Eventually.wait(timeout: 30) {
            spool.failedFiles == ["poison.txt"] && FileManager.default.fileExists(atPath: spool.failed + "/poison.txt.reason.txt")
        }, "log:\n\(third.log)")
        let reason = try String(contentsOfFile: spool.failed + "/poison.txt.reason.txt", encoding: .utf8)
        #expect(reason.contains("started 2 times without finishing"))
        #expect(third.isRunning)
    }

    @Test func engineRetriesDoNotCountAsCrashes() async throws {
        // Eight failures: with two attempts per try, the document is deferred four times.
        let server = try Fixtures.server(faults: FaultPlan(script: Array(repeating: .status(503), count: 8)))
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "")
        try (try String(contentsOfFile: spool.configPath, encoding: .utf8))
            .replacingOccurrences(of: "  root:", with: "  max_attempts: 2\n  root:")
            .replacingOccurrences(of: "  retry_base_delay: 0.01", with: "  retry_base_delay: 0.01\n  max_attempts: 2")
            .write(toFile: spool.configPath, atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        try spool.drop("patient.txt", Fixtures.release(67))
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["patient.txt"] }, "log:\n\(daemon.log)")
        #expect(spool.failedFiles.isEmpty)
        #expect(daemon.log.components(separatedBy: "deferred").count - 1 >= 3)
    }
}
