import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite struct HostileNamesTests {
    @Test func oddNamesSocketsAndSparseGiantsAreHandled() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let daemon = try DaemonProcess.run(spool)
        #expect(await daemon.waitUntilServing(spool))
        // 255 bytes of Arabic (the longest name Linux allows), a newline and a bidi override.
        let longName = String(repeating: "ج", count: 125) + ".txt"  // 250 + 4 bytes
        let newline = "line\nbreak.txt"
        let bidi = "invoice\u{202E}txt.exe.txt"
        for name in [longName, newline, bidi] { try spool.drop(name, Fixtures.release(name.count)) }
        // A 2 GB sparse file: rejected on its size, before a byte is read.
        let giant = spool.dir + "/giant.txt"
        let fd = open(giant, O_WRONLY | O_CREAT, 0o644)
        ftruncate(fd, 2 << 30)
        close(fd)
        rename(giant, spool.inbox + "/giant.txt")
        // A Unix socket in the inbox.
        let sock = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let path = spool.inbox + "/sock.txt"
        withUnsafeMutableBytes(of: &addr.sun_path) { raw in
            let bytes = Array(path.utf8.prefix(raw.count - 1))
            raw.copyBytes(from: bytes + [0])
        }
        let bound = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        #expect(bound == 0)
        defer { close(sock) }
        #expect(await Eventually.wait(timeout: 30) { spool.doneFiles.count == 3 && spool.failedFiles.count == 2 },
                "done \(spool.doneFiles) failed \(spool.failedFiles)\nlog:\n\(daemon.log)")
        #expect(Set(spool.doneFiles) == [longName, newline, bidi])
        #expect(Set(spool.failedFiles) == ["giant.txt", "sock.txt"])
        let reason = try String(contentsOfFile: spool.failed + "/giant.txt.reason.txt", encoding: .utf8)
        #expect(reason.contains("over the 20971520-byte limit"))
        // Published folder names carry no control or direction characters.
        for stem in spool.published { #expect(!stem.unicodeScalars.contains { $0.value < 0x20 || $0.properties.generalCategory == .format }) }
        // Log lines show the escaped names, one line each.
        #expect(daemon.log.contains("line\\u{000A}break.txt"))
        #expect(daemon.log.contains("invoice\\u{202E}txt.exe.txt"))
        #expect(daemon.isRunning)
    }
}
