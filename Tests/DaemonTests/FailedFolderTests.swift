import Foundation
import Testing
@testable import Daemon

#if canImport(Glibc)
import Glibc
#endif

/// Moves into failed/: every file arrives with its own reason, under a free name, and only
/// reasons without their file are tidied away.
@Suite struct FailedFolderTests {
    func folder() throws -> (root: String, failed: String) {
        let root = NSTemporaryDirectory() + "bayan-failed-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: root + "/failed", withIntermediateDirectories: true)
        return (root, root + "/failed")
    }

    func names(_ path: String) -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }

    @Test func sameNameTwiceGetsNumberedNamesEachWithItsOwnReason() throws {
        let (root, failed) = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for reason in ["first", "second"] {
            try "x".write(toFile: root + "/doc.txt", atomically: false, encoding: .utf8)
            _ = try FinalMove.moveToFailed(from: root + "/doc.txt", name: "doc.txt", failed: failed, reason: reason)
        }
        #expect(names(failed) == ["doc (2).txt", "doc (2).txt.reason.txt", "doc.txt", "doc.txt.reason.txt"])
        #expect(try String(contentsOfFile: failed + "/doc.txt.reason.txt", encoding: .utf8) == "doc.txt was not processed: first.\n")
        #expect(try String(contentsOfFile: failed + "/doc (2).txt.reason.txt", encoding: .utf8) == "doc.txt was not processed: second.\n")
    }

    @Test func anOrphanReasonUnderTheNameIsReplacedAndAGoneSourceLeavesNothing() throws {
        let (root, failed) = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "stale".write(toFile: failed + "/doc.txt.reason.txt", atomically: false, encoding: .utf8)
        #expect(try FinalMove.moveToFailed(from: root + "/missing.txt", name: "missing.txt", failed: failed, reason: "r") == nil)
        #expect(names(failed) == ["doc.txt.reason.txt"])
        try "x".write(toFile: root + "/doc.txt", atomically: false, encoding: .utf8)
        #expect(try FinalMove.moveToFailed(from: root + "/doc.txt", name: "doc.txt", failed: failed, reason: "fresh") == "doc.txt")
        #expect(try String(contentsOfFile: failed + "/doc.txt.reason.txt", encoding: .utf8) == "doc.txt was not processed: fresh.\n")
    }

    @Test func onlyReasonsWithoutTheirFileAreRemoved() throws {
        let (root, failed) = try folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        // A 250-byte name: its reason name is shortened from the front, and still belongs to it.
        let long = String(repeating: "ع", count: 123) + ".txt"
        try "x".write(toFile: root + "/long", atomically: false, encoding: .utf8)
        _ = try FinalMove.moveToFailed(from: root + "/long", name: long, failed: failed, reason: "r")
        #expect(FinalMove.reasonName(for: long).utf8.count <= 255)
        try "x".write(toFile: failed + "/kept.txt", atomically: false, encoding: .utf8)
        try "r".write(toFile: failed + "/kept.txt.reason.txt", atomically: false, encoding: .utf8)
        try "r".write(toFile: failed + "/orphan.txt.reason.txt", atomically: false, encoding: .utf8)
        #expect(FinalMove.removeOrphanReasons(failed) == 1)
        #expect(names(failed) == [FinalMove.reasonName(for: long), long, "kept.txt", "kept.txt.reason.txt"].sorted())
    }
}
