import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The real `bayan` binary, run as a child process with its log captured to a file.
public final class DaemonProcess: @unchecked Sendable {
    public let process = Process()
    public let logPath: String

    /// The `bayan` executable next to the running test bundle (or `BAYAN_BIN`).
    public static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BAYAN_BIN"] { return path }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return bundle.appendingPathComponent("bayan").path
    }

    /// `executable` and `prefix` run the binary under another program (e.g. strace).
    public init(arguments: [String], environment: [String: String] = [:], logPath: String, executable: String? = nil, prefix: [String] = []) throws {
        self.logPath = logPath
        FileManager.default.createFile(atPath: logPath, contents: nil)
        let log = try FileHandle(forWritingTo: URL(fileURLWithPath: logPath))
        log.seekToEndOfFile()
        process.executableURL = URL(fileURLWithPath: executable ?? Self.binary)
        process.arguments = prefix + arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BAYAN_") || $0.key == "BAYAN_BIN" }
        env.merge(environment) { $1 }
        process.environment = env
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        try process.run()
        ChildRegistry.add(process.processIdentifier)
    }

    /// Starts `bayan run --config <spool config>`.
    public static func run(_ spool: TempSpool, environment: [String: String] = [:], logName: String = "daemon.log") throws -> DaemonProcess {
        try DaemonProcess(arguments: ["run", "--config", spool.configPath], environment: environment, logPath: spool.dir + "/" + logName)
    }

    public var pid: Int32 { process.processIdentifier }
    public var isRunning: Bool { process.isRunning }
    public var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    public func signal(_ sig: Int32) { kill(pid, sig) }

    /// Waits for the process to exit within `timeout`; returns its status, or nil if still running.
    public func waitForExit(timeout: Double) async -> Int32? {
        guard await Eventually.wait(timeout: timeout, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// Waits until this process has written the spool's status file, which happens once its
    /// services run (and its signal handlers are in place).
    @discardableResult
    public func waitUntilServing(_ spool: TempSpool, timeout: Double = 20) async -> Bool {
        await Eventually.wait(timeout: timeout) {
            guard let data = FileManager.default.contents(atPath: spool.statusFile),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return false }
            return (object["pid"] as? Int).map(Int32.init) == pid
        }
    }

    public func kill9() {
        kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Children still running when the test process exits are killed, so no daemon outlives a
/// failed or interrupted test run.
enum ChildRegistry {
    private static let pids = Mutex<Set<Int32>>([])
    private static let installed: Void = { atexit { ChildRegistry.killAll() } }()

    static func add(_ pid: Int32) {
        _ = installed
        pids.withLock { _ = $0.insert(pid) }
    }

    static func killAll() {
        for pid in pids.withLock({ $0 }) { kill(pid, SIGKILL) }
    }
}
