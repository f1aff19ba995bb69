import BayanTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The ALICE pattern, checked on a system-call trace of the real daemon: every file or folder
/// Bayan creates is fsynced before it is renamed into place, and every rename is followed by an
/// fsync of the destination's parent folder.
@Suite struct FsyncOrderAuditTests {
    struct Event {
        var pid: String
        var call: String
        var args: String
        var result: String
    }

    /// Parses `strace -f` output, joining `<unfinished ...>` with `<... resumed>` per thread.
    static func parse(_ text: String) -> [Event] {
        var pending: [String: String] = [:]
        var events: [Event] = []
        for raw in text.split(separator: "\n") {
            var line = String(raw)
            guard let space = line.firstIndex(of: " ") else { continue }
            let pid = String(line[..<space])
            line = String(line[line.index(after: space)...]).trimmingCharacters(in: .whitespaces)
            if line.hasSuffix("<unfinished ...>") {
                pending[pid] = String(line.dropLast("<unfinished ...>".count))
                continue
            }
            if line.hasPrefix("<... "), let close = line.range(of: " resumed>") {
                line = (pending.removeValue(forKey: pid) ?? "") + line[close.upperBound...]
            }
            // `fsync(20)                         = 0`: strace pads before the result.
            guard let open = line.firstIndex(of: "("), let eq = line.range(of: " = ", options: .backwards) else { continue }
            let head = line[..<eq.lowerBound].trimmingCharacters(in: .whitespaces)
            guard head.hasSuffix(")"), head.index(after: open) <= head.index(before: head.endIndex) else { continue }
            let call = String(line[..<open])
            let args = String(head[head.index(after: open)..<head.index(before: head.endIndex)])
            let result = String(line[eq.upperBound...]).split(separator: " ").first.map(String.init) ?? ""
            events.append(Event(pid: pid, call: call, args: args, result: result))
        }
        return events
    }

    static func quoted(_ args: String) -> [String] {
        var out: [String] = []
        var current: String? = nil
        var escaped = false
        for ch in args {
            if var c = current {
                if escaped { c.append(ch); escaped = false; current = c; continue }
                if ch == "\\" { escaped = true; current = c; continue }
                if ch == "\"" { out.append(c); current = nil; continue }
                c.append(ch)
                current = c
            } else if ch == "\"" {
                current = ""
            }
        }
        return out
    }

    /// Both ways of making claims and results durable (`spool.sync`) keep the order.
    @Test(arguments: ["syncfs", "fsync"])
    func everyRenameFollowsItsFsyncAndPrecedesTheParentsFsync(mode: String) async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let trace = spool.dir + "/trace.txt"
        let strace = try DaemonProcess(
            arguments: [], environment: ["BAYAN_SPOOL_SYNC": mode], logPath: spool.dir + "/strace.log", executable: "/usr/bin/strace",
            prefix: ["-f", "-qq", "-s", "512", "-e", "trace=openat,open,fsync,fdatasync,syncfs,close,rename,renameat,renameat2,mkdir,mkdirat",
                     "-o", trace, DaemonProcess.binary, "run", "--config", spool.configPath])
        #expect(await Eventually.wait(timeout: 30) { ((try? String(contentsOfFile: spool.statusFile, encoding: .utf8)) ?? "").contains("\"running\" : true") })
        try spool.drop("audited.txt", Fixtures.release(31))
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["audited.txt"] })
        // Stop the daemon itself (its pid is in the status file); strace ends with it.
        let status = try #require(FileManager.default.contents(atPath: spool.statusFile))
        let daemonPID = try #require((try JSONSerialization.jsonObject(with: status) as? [String: Any])?["pid"] as? Int)
        kill(Int32(daemonPID), SIGTERM)
        #expect(await strace.waitForExit(timeout: 30) != nil)
        let events = Self.parse(try String(contentsOfFile: trace, encoding: .utf8))
        // One pass in trace order: what is open, what was created, what was fsynced, and which
        // renames still wait for an fsync of their destination folder.
        // strace -f labels each line with the thread id; descriptors belong to the process.
        var fdPath: [Int32: String] = [:]
        var created: Set<String> = []
        var synced: Set<String> = []
        var renames = 0
        var syncfsCalls = 0
        var unsafeRenames: [String] = []
        var waitingForParentSync: [String: [String]] = [:]
        for e in events {
            let paths = Self.quoted(e.args)
            switch e.call {
            case "openat", "open":
                if let fd = Int32(e.result), fd >= 0, let path = paths.first {
                    fdPath[fd] = path
                    if e.args.contains("O_CREAT") {
                        created.insert(path)
                        synced.remove(path)
                    }
                }
            case "mkdir", "mkdirat":
                if e.result == "0", let path = paths.first {
                    created.insert(path)
                    synced.remove(path)
                }
            case "close":
                if let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)) { fdPath[fd] = nil }
            case "fsync", "fdatasync":
                if e.result == "0", let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)), let path = fdPath[fd] {
                    synced.insert(path)
                    waitingForParentSync[path] = nil
                }
            case "syncfs":
                // Everything created or renamed on the file system before it is durable.
                if e.result == "0" {
                    synced.formUnion(created)
                    syncfsCalls += 1
                    waitingForParentSync.removeAll()
                }
            case "rename", "renameat", "renameat2":
                guard e.result == "0", paths.count >= 2 else { break }
                renames += 1
                let (from, to) = (paths[0], paths[1])
                if created.contains(from) && !synced.contains(from) { unsafeRenames.append("\(from) → \(to)") }
                if synced.contains(from) { synced.insert(to) }
                waitingForParentSync[(to as NSString).deletingLastPathComponent, default: []].append("\(from) → \(to)")
            default: break
            }
        }
        let missingParentSync = waitingForParentSync.values.flatMap { $0 }
        print("fsync audit (spool.sync: \(mode)): \(renames) renames, \(syncfsCalls) syncfs; renames of new files without a prior fsync: \(unsafeRenames.count); renames without a following parent fsync: \(missingParentSync.count)")
        #expect(renames >= 4, "the trace holds too few renames to mean anything")
        #expect((syncfsCalls > 0) == (mode == "syncfs"), "spool.sync: \(mode) made \(syncfsCalls) syncfs calls")
        #expect(unsafeRenames.isEmpty, "\(unsafeRenames)")
        #expect(missingParentSync.isEmpty, "\(missingParentSync)")
    }
}
