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
            guard let open = line.firstIndex(of: "("), let eq = line.range(of: ") = ", options: .backwards) else { continue }
            let call = String(line[..<open])
            let args = String(line[line.index(after: open)..<eq.lowerBound])
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

    @Test func everyRenameFollowsItsFsyncAndPrecedesTheParentsFsync() async throws {
        let server = try Fixtures.server()
        defer { server.stop() }
        let spool = try TempSpool()
        try spool.writeConfig(engineURL: server.baseURL)
        let trace = spool.dir + "/trace.txt"
        let strace = try DaemonProcess(
            arguments: [], logPath: spool.dir + "/strace.log", executable: "/usr/bin/strace",
            prefix: ["-f", "-qq", "-s", "512", "-e", "trace=openat,open,fsync,fdatasync,close,rename,renameat,renameat2,mkdir,mkdirat",
                     "-o", trace, DaemonProcess.binary, "run", "--config", spool.configPath])
        #expect(await Eventually.wait(timeout: 30) { ((try? String(contentsOfFile: spool.root + "/.state/status.json", encoding: .utf8)) ?? "").contains("\"running\" : true") })
        try spool.drop("audited.txt", Fixtures.release(31))
        #expect(await Eventually.wait(timeout: 60) { spool.doneFiles == ["audited.txt"] })
        kill(strace.pid, SIGINT)  // strace passes it on to the daemon and exits with it
        _ = await strace.waitForExit(timeout: 30)
        let events = Self.parse(try String(contentsOfFile: trace, encoding: .utf8))
        var fdPath: [String: [Int32: String]] = [:]
        var created: Set<String> = []
        var synced: Set<String> = []
        var renames: [(index: Int, from: String, to: String)] = []
        var dirSyncs: [(index: Int, path: String)] = []
        for (index, e) in events.enumerated() {
            let paths = Self.quoted(e.args)
            switch e.call {
            case "openat", "open":
                if let fd = Int32(e.result), fd >= 0, let path = paths.first {
                    fdPath[e.pid, default: [:]][fd] = path
                    if e.args.contains("O_CREAT") { created.insert(path) }
                }
            case "mkdir", "mkdirat":
                if e.result == "0", let path = paths.first { created.insert(path) }
            case "close":
                if let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)) { fdPath[e.pid]?[fd] = nil }
            case "fsync", "fdatasync":
                if let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)), let path = fdPath[e.pid]?[fd], e.result == "0" {
                    synced.insert(path)
                    dirSyncs.append((index, path))
                }
            case "rename", "renameat", "renameat2":
                if e.result == "0", paths.count >= 2 {
                    renames.append((index, paths[0], paths[1]))
                    // The renamed entry is now known by its new name (synced state moves with it).
                    if synced.contains(paths[0]) { synced.insert(paths[1]) }
                    if created.contains(paths[0]) { created.insert(paths[1]) }
                }
            default: break
            }
            _ = index
        }
        // Check the order for each rename, with the sync state as it was at that point.
        var unsafeRenames: [String] = []
        var missingParentSync: [String] = []
        for r in renames {
            let before = events[..<r.index]
            var fdMap: [String: [Int32: String]] = [:]
            var syncedBefore: Set<String> = []
            var createdHere = false
            for e in before {
                let p = Self.quoted(e.args)
                switch e.call {
                case "openat", "open":
                    if let fd = Int32(e.result), fd >= 0, let path = p.first {
                        fdMap[e.pid, default: [:]][fd] = path
                        if path == r.from && e.args.contains("O_CREAT") { createdHere = true }
                    }
                case "mkdir", "mkdirat": if p.first == r.from && e.result == "0" { createdHere = true }
                case "close": if let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)) { fdMap[e.pid]?[fd] = nil }
                case "fsync", "fdatasync":
                    if let fd = Int32(e.args.trimmingCharacters(in: .whitespaces)), let path = fdMap[e.pid]?[fd] { syncedBefore.insert(path) }
                default: break
                }
            }
            if createdHere && !syncedBefore.contains(r.from) { unsafeRenames.append("\(r.from) → \(r.to)") }
            let parent = (r.to as NSString).deletingLastPathComponent
            if !dirSyncs.contains(where: { $0.index > r.index && $0.path == parent }) { missingParentSync.append("\(r.from) → \(r.to)") }
        }
        print("fsync audit: \(renames.count) renames; renames of new files without a prior fsync: \(unsafeRenames.count); renames without a following parent fsync: \(missingParentSync.count)")
        #expect(renames.count >= 4, "the trace holds too few renames to mean anything")
        #expect(unsafeRenames.isEmpty, "\(unsafeRenames)")
        #expect(missingParentSync.isEmpty, "\(missingParentSync)")
    }
}
