import BayanCore
import BayanTestSupport
import Foundation
import Outputs
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Reviewed files dropped into the spool's reviewed/ folder, or named to `bayan review import`,
/// with the real binary: memory-only pairs reach the memory, refused files land in failed/ with
/// every problem in their reason, and a crash after applying leaves the file to be imported
/// again (changing nothing twice).
@Suite struct ReviewedFolderTests {
    static let config = "outputs:\n  formats: [json, tmx, xliff, xliff12]\n"

    func reviewed(_ spool: TempSpool) -> String { spool.root + "/reviewed" }

    /// Drops a file into reviewed/ by rename, as careful producers do.
    func dropReviewed(_ spool: TempSpool, _ name: String, _ text: String) throws {
        let staging = spool.dir + "/staging-" + UUID().uuidString
        try text.write(toFile: staging, atomically: false, encoding: .utf8)
        #expect(rename(staging, reviewed(spool) + "/" + name) == 0)
    }

    func cli(_ args: [String], _ spool: TempSpool, log: String) async throws -> (Int32, String) {
        let p = try DaemonProcess(arguments: args, logPath: spool.dir + "/" + log)
        return (await p.waitForExit(timeout: 60) ?? -1, p.log)
    }

    /// A TMX naming the document whose one pair matches no sentence of it.
    static func memoryOnlyTMX(document: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT" adminlang="en" srclang="ar" datatype="plaintext"><prop type="x-bayan-document">\(document)</prop></header>
        <body><tu><tuv xml:lang="ar"><seg>الهيئة الاتحادية للجمارك والأمن</seg></tuv><tuv xml:lang="en-GB"><seg>Federal Authority for Customs and Security</seg></tuv></tu></body></tmx>
        """
    }

    func publish(_ spool: TempSpool, daemon: DaemonProcess) async throws {
        try spool.drop("pr-5.txt", Fixtures.release(5))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles == ["pr-5.txt"] }, "log:\n\(daemon.log)")
        #expect(FileManager.default.fileExists(atPath: spool.out + "/pr-5/pr-5.xliff12.xlf"))
    }

    @Test func reviewedFolderImportsAndRefusesWithEveryProblem() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: Self.config)
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        #expect(FileManager.default.fileExists(atPath: reviewed(spool)), "reviewed/ is created with the spool")
        try await publish(spool, daemon: daemon)

        try dropReviewed(spool, "pairs.tmx", Self.memoryOnlyTMX(document: "pr-5"))
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.contains("pairs.tmx") }, "log:\n\(daemon.log)")
        #expect(await Eventually.wait(timeout: 10) { daemon.log.contains("reviewed file imported") })

        // The Arabic changed in two units: refused whole, both listed with both texts.
        let xlf = try String(contentsOfFile: spool.out + "/pr-5/pr-5.xlf", encoding: .utf8)
        let changed = xlf.replacingOccurrences(of: "الشحنة رقم 5", with: "الشحنة رقم 6").replacingOccurrences(of: "العملية 5", with: "العملية 7")
        #expect(changed != xlf)
        try dropReviewed(spool, "from translator.xlf", changed)
        #expect(await Eventually.wait(timeout: 30) { spool.failedFiles.contains("from translator.xlf") }, "log:\n\(daemon.log)")
        let reason = try String(contentsOfFile: spool.failed + "/from translator.xlf.reason.txt", encoding: .utf8)
        #expect(reason.contains("2 problems"), "\(reason)")
        #expect(reason.contains("unit s1") && reason.contains("الشحنة رقم 6") && reason.contains("الشحنة رقم 5"), "\(reason)")
        #expect(reason.contains("العملية 7") && reason.contains("nothing was changed"), "\(reason)")

        // A truncated file and an XXE attempt are refused with a clear reason.
        try dropReviewed(spool, "cut.xlf", String(xlf.prefix(xlf.count / 2)))
        try dropReviewed(spool, "xxe.xlf", "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"2.1\">&x;</xliff>")
        #expect(await Eventually.wait(timeout: 30) { spool.failedFiles.contains("cut.xlf") && spool.failedFiles.contains("xxe.xlf") })
        #expect(try String(contentsOfFile: spool.failed + "/cut.xlf.reason.txt", encoding: .utf8).contains("cut short"))
        #expect(try String(contentsOfFile: spool.failed + "/xxe.xlf.reason.txt", encoding: .utf8).contains("DOCTYPE"))

        // The memory holds the pair once; importing the same file again changes nothing.
        let (status, export) = try await cli(["memory", "export", "--config", spool.configPath], spool, log: "export.log")
        #expect(status == 0)
        #expect(export.components(separatedBy: "Federal Authority for Customs and Security").count == 2, "\(export)")
        try Self.memoryOnlyTMX(document: "pr-5").write(toFile: spool.dir + "/pairs.tmx", atomically: true, encoding: .utf8)
        let (again, out) = try await cli(["review", "import", "--config", spool.configPath, spool.dir + "/pairs.tmx"], spool, log: "again.log")
        #expect(again == 0, "\(out)")
        #expect(out.contains("(0 new)") && out.contains("nothing to change"), "\(out)")
        try changed.write(toFile: spool.dir + "/pr-5.xlf", atomically: true, encoding: .utf8)
        let (refused, why) = try await cli(["review", "import", "--config", spool.configPath, spool.dir + "/pr-5.xlf"], spool, log: "refused.log")
        #expect(refused == 65)
        #expect(why.contains("unit s1") && why.contains("unit s2"), "\(why)")
    }

    /// A CAT tool's XLIFF 2.1 (one sentence edited and marked final) dropped into reviewed/ goes
    /// through the review desk, as a workspace approval does: out/<stem>/ is republished with the
    /// reviewed English, approved, by the file's name; the XLIFF says final; importing the same
    /// file again with the command line changes nothing.
    @Test func reviewedXLIFFIsApprovedThroughTheReviewDesk() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: "outputs:\n  formats: [json, tmx, xliff, xliff12, release]\n")
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        try await publish(spool, daemon: daemon)

        let xlf = try String(contentsOfFile: spool.out + "/pr-5/pr-5.xlf", encoding: .utf8)
        let open = "<segment id=\"s1\" state=\"translated\">"
        let segment = try #require(xlf.range(of: open))
        let target = try #require(xlf.range(of: "<target>", range: segment.upperBound..<xlf.endIndex))
        let targetEnd = try #require(xlf.range(of: "</target>", range: target.upperBound..<xlf.endIndex))
        let edited = "Customs cleared shipment number five within the hour."
        var reviewedFile = xlf
        reviewedFile.replaceSubrange(target.upperBound..<targetEnd.lowerBound, with: edited)
        reviewedFile = reviewedFile.replacingOccurrences(of: open, with: "<segment id=\"s1\" state=\"final\">")
        try dropReviewed(spool, "pr-5.xlf", reviewedFile)
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.contains("pr-5.xlf") }, "log:\n\(daemon.log)")

        let json = try #require(FileManager.default.contents(atPath: spool.out + "/pr-5/result.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let first = try #require((record["segments"] as? [[String: Any]])?.first)
        #expect(first["en"] as? String == edited)
        #expect(first["approved"] as? Bool == true)
        #expect(first["origin"] as? String == "reviewed")
        #expect(first["reviewed_by"] as? String == "pr-5.xlf")
        #expect((first["mt"] as? String)?.isEmpty == false, "the machine English is kept as mt")
        let republished = try String(contentsOfFile: spool.out + "/pr-5/pr-5.xlf", encoding: .utf8)
        #expect(republished.contains("<segment id=\"s1\" state=\"final\">"))
        #expect(republished.contains(edited))
        // The English release is rebuilt from the original in done/ with the reviewed English.
        let release = try String(contentsOfFile: spool.out + "/pr-5/pr-5.en.txt", encoding: .utf8)
        #expect(release.contains(edited), "\(release)")

        try reviewedFile.write(toFile: spool.dir + "/pr-5.xlf", atomically: true, encoding: .utf8)
        let (again, out) = try await cli(["review", "import", "--config", spool.configPath, spool.dir + "/pr-5.xlf"], spool, log: "again.log")
        #expect(again == 0, "\(out)")
        #expect(out.contains("nothing to change"), "\(out)")
    }

    /// Killed after the changes are applied and before the file reaches done/: the next start
    /// imports it again from .state/reviewing/, which changes nothing, and moves it to done/.
    @Test func crashAfterApplyingImportsAgainWithoutChange() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL, extra: Self.config)
        let crashing = try DaemonProcess.run(spool, environment: ["BAYAN_FAULT": CrashPoint.afterReviewImportBeforeMove.rawValue], logName: "crash.log")
        #expect(await crashing.waitUntilServing(spool))
        try await publish(spool, daemon: crashing)
        try dropReviewed(spool, "pairs.tmx", Self.memoryOnlyTMX(document: "pr-5"))
        #expect(await crashing.waitForExit(timeout: 30) == 137, "log:\n\(crashing.log)")
        let reviewing = spool.root + "/.state/reviewing"
        #expect(spool.list(reviewing).flatMap { spool.list(reviewing + "/" + $0) } == ["pairs.tmx"])

        let recovering = try DaemonProcess.run(spool, logName: "recover.log")
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.contains("pairs.tmx") && spool.list(reviewing).isEmpty }, "log:\n\(recovering.log)")
        #expect(await Eventually.wait(timeout: 10) { recovering.log.contains("(0 new)") }, "the second import must find the pair already there; log:\n\(recovering.log)")
        let (_, export) = try await cli(["memory", "export", "--config", spool.configPath], spool, log: "export.log")
        #expect(export.components(separatedBy: "Federal Authority for Customs and Security").count == 2)
    }
}
