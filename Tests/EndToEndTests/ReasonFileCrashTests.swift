import BayanTestSupport
import Foundation
import Outputs
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A rejected file's reason is written before the file is moved to failed/, so whenever the
/// daemon dies a file in failed/ has its reason; a reason left without its file is removed at
/// the next start and the file, still queued, is rejected again with its reason.
@Suite struct ReasonFileCrashTests {
    enum Rejected: String, CaseIterable, Sendable {
        /// Refused in the pipeline (JobProcessor): no text to translate.
        case emptyFile
        /// Refused at the door (Claimer), without being opened.
        case symlink
    }

    @Test(arguments: Rejected.allCases)
    func crashBetweenReasonAndMoveLeavesNoFailedFileWithoutReason(_ kind: Rejected) async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "workers: 1\n")
        let crashing = try DaemonProcess.run(spool, environment: ["BAYAN_FAULT": CrashPoint.afterReasonBeforeMove.rawValue], logName: "crash.log")
        #expect(await crashing.waitUntilServing(spool))
        switch kind {
        case .emptyFile: try spool.drop("bad.txt", "   \n")
        case .symlink: #expect(symlink("/etc/hostname", spool.inbox + "/bad.txt") == 0)
        }
        #expect(await crashing.waitForExit(timeout: 30) == 137, "the daemon did not stop at the fault point; log:\n\(crashing.log)")
        // The reason is there, its file is not: never the other way round.
        #expect(spool.list(spool.failed).filter { !$0.hasPrefix(".") } == ["bad.txt.reason.txt"])
        let queued = spool.list(spool.inbox) + spool.list(spool.active).flatMap { spool.list(spool.active + "/" + $0) }
        #expect(queued == ["bad.txt"], "the rejected file must still be queued")

        try spool.drop("good.txt", Fixtures.release(901))
        let recovering = try DaemonProcess.run(spool, logName: "recover.log")
        #expect(await Eventually.wait(timeout: 30) { spool.failedFiles == ["bad.txt"] && spool.doneFiles == ["good.txt"] }, "log:\n\(recovering.log)")
        #expect(spool.list(spool.failed).filter { !$0.hasPrefix(".") } == ["bad.txt", "bad.txt.reason.txt"])
        let reason = try String(contentsOfFile: spool.failed + "/bad.txt.reason.txt", encoding: .utf8)
        #expect(reason.hasPrefix("bad.txt was not processed: "))
        #expect(reason.contains(kind == .symlink ? "symbolic link" : "no text"), "\(reason)")
        #expect(await Eventually.wait(timeout: 10) { spool.list(spool.active).isEmpty && spool.list(spool.inbox).isEmpty })
        #expect(resultIsAligned(spool.resultJSON("good")))
    }

    @Test func aReasonWhoseFileIsGoneIsRemovedAtStart() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        try FileManager.default.createDirectory(atPath: spool.failed, withIntermediateDirectories: true)
        try "kept.txt was not processed: x.\n".write(toFile: spool.failed + "/kept.txt.reason.txt", atomically: false, encoding: .utf8)
        try "kept".write(toFile: spool.failed + "/kept.txt", atomically: false, encoding: .utf8)
        try "orphan.txt was not processed: x.\n".write(toFile: spool.failed + "/orphan.txt.reason.txt", atomically: false, encoding: .utf8)
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool), "log:\n\(daemon.log)")
        #expect(spool.list(spool.failed) == ["kept.txt", "kept.txt.reason.txt"])
    }
}
