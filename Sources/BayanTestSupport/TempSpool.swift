import BayanCore
import Foundation

/// A spool in a fresh temporary folder, with a config file the daemon under test reads.
public final class TempSpool: @unchecked Sendable {
    public let dir: String
    public var root: String { dir + "/spool" }
    // The daemon's own names (SpoolLayout reads the same ones).
    public var inbox: String { root + "/" + SpoolFolders.inbox }
    public var out: String { root + "/" + SpoolFolders.out }
    public var done: String { root + "/" + SpoolFolders.done }
    public var failed: String { root + "/" + SpoolFolders.failed }
    public var active: String { root + "/" + SpoolFolders.active }
    public var tmp: String { root + "/" + SpoolFolders.tmp }
    public var statusFile: String { root + "/" + SpoolFolders.statusFile }
    public var configPath: String { dir + "/bayan.yaml" }

    public init() throws {
        dir = NSTemporaryDirectory() + "bayan-test-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: dir + "/spool/" + SpoolFolders.inbox, withIntermediateDirectories: true)
    }

    /// When false, the folder outlives this object and its owner removes it (a benchmark
    /// deletes its spools only at the end, so one run's deletions do not slow the next run's
    /// file creation: ext4 without a journal skips inodes freed in the last 30–60 s).
    public var removeOnDeinit = true

    deinit { if removeOnDeinit { try? FileManager.default.removeItem(atPath: dir) } }

    /// Writes the config file: the given YAML lines below the spool root.
    /// The engine settings of the fault runs (the e2e fault test, `bayan-bench faults`): ten
    /// attempts, a 1 s timeout that cuts hangs short, a short breaker cool-down, batches of 10.
    public static let faultTolerantEngine = """
          max_attempts: 10
          timeout: 1
          breaker_cooldown: 0.3
          batch_size: 10
        """

    /// `engine` lines are added to the engine section (indented by two spaces), `extra` at the end.
    /// The review workspace is off (many daemons run at once in tests; its own tests start it).
    public func writeConfig(engineURL: String, extra: String = "", engine: String = "") throws {
        let yaml = """
            spool:
              root: \(root)
              settle: 0.2
              rescan_interval: 1
            engine:
              kind: libretranslate
              url: \(engineURL)
              retry_base_delay: 0.01
              retry_max_delay: 0.2
              defer_delay: 0.5
            \(engine)
            glossary:
              files: []
            review:
              enabled: false
            \(extra)
            """
        try yaml.write(toFile: configPath, atomically: true, encoding: .utf8)
    }

    /// Drops a file the way careful producers do: written elsewhere, then renamed in.
    public func drop(_ name: String, _ text: String) throws {
        try drop(name, bytes: Array(text.utf8))
    }

    public func drop(_ name: String, bytes: [UInt8]) throws {
        let staging = dir + "/staging-" + UUID().uuidString
        try Data(bytes).write(to: URL(fileURLWithPath: staging))
        guard rename(staging, inbox + "/" + name) == 0 else { throw ServerError("rename into inbox failed: errno \(errno)") }
    }

    public func list(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    /// Published folders (without temporaries).
    public var published: [String] { list(out).filter { !$0.hasPrefix(".") } }
    public var doneFiles: [String] { list(done) }
    /// Files in failed/ that have their reason file (the reason is written just before the move).
    public var failedFiles: [String] {
        let names = list(failed)
        let reasons = Set(names.filter { $0.hasSuffix(".reason.txt") })
        return names.filter { !$0.hasSuffix(".reason.txt") && reasons.contains($0 + ".reason.txt") }
    }

    public func resultJSON(_ stem: String) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: out + "/" + stem + "/result.json") else { return nil }
        return try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    }
}
