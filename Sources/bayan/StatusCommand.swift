import ArgumentParser
import Daemon
import Foundation

struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show counts per spool folder, documents in flight, the last errors and the engine's state.",
        discussion: """
            Reads the status file the running daemon rewrites every status_interval, and counts the \
            folders itself, so it also works when the daemon is stopped.

            Example: bayan status --config config/bayan.yaml --json
            """)

    @OptionGroup var options: ConfigOption
    @Flag(name: .long, help: "Print the status as JSON.")
    var json = false

    func run() async throws {
        let loaded = try options.loadOrExit()
        let layout = SpoolLayout(root: loaded.config.spool.root)
        var snapshot: StatusSnapshot? = nil
        if let data = FileManager.default.contents(atPath: layout.statusFile) {
            snapshot = try? JSONDecoder().decode(StatusSnapshot.self, from: data)
        }
        let alive = snapshot.map { $0.running && (kill($0.pid, 0) == 0 || errno == EPERM) } ?? false
        let counts = FolderCounts.count(layout)
        if json {
            var out = snapshot
            out?.counts = counts
            out?.running = alive
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            if let out, let data = try? encoder.encode(out) {
                print(Redactor.shared.redact(String(decoding: data, as: UTF8.self)))
            } else {
                let data = try encoder.encode(["running": alive ? 1 : 0].merging(counts) { a, _ in a })
                print(String(decoding: data, as: UTF8.self))
            }
            return
        }
        print("spool: \(layout.root)")
        if let s = snapshot, alive {
            print("daemon: running (pid \(s.pid), version \(s.version), up \(Int(Date().timeIntervalSince1970 - s.startedAt)) s)")
        } else {
            print("daemon: not running")
        }
        print("folders: " + ["inbox", "active", "out", "done", "failed", "reviewed"].map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        guard let s = snapshot else { return }
        print("engine: \(s.engine.kind) at \(s.engine.url): \(s.engine.state)" + (s.engine.deferredDocuments > 0 ? ", \(s.engine.deferredDocuments) document(s) waiting" : ""))
        if let error = s.engine.lastError { print("  last engine error: \(error)") }
        if let t = s.translation {
            let outcomes = t.requestsByOutcome.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            print("  requests: \(t.requests)" + (outcomes.isEmpty ? "" : " (\(outcomes))") + ", retries \(t.retries), sentences translated \(t.sentencesTranslated), from memory \(t.memoryHits)")
        }
        if let h = s.documentSeconds, h.count > 0 {
            print("  documents published: \(h.count), mean \(String(format: "%.2f", h.sum / Double(h.count))) s from start of processing to publication")
        }
        if alive {
            print("in flight: \(s.inFlight.count)")
            for job in s.inFlight { print("  \(job.file) [\(job.stage)] for \(Int(Date().timeIntervalSince1970 - job.since)) s") }
        }
        if let g = s.glossary {
            print("glossary: \(g.entries) entries" + (g.version.map { ", version \($0.prefix(12))" } ?? ""))
            for problem in g.problems { print("  refused edit: \(problem)") }
        }
        if let reload = s.lastReload {
            print("last reload: " + (reload.ok ? "ok" : "refused: " + reload.problems.joined(separator: "; ")))
        }
        if !s.lastErrors.isEmpty {
            print("last errors:")
            for e in s.lastErrors.prefix(10) { print("  \(e.file): \(e.message)") }
        }
    }
}
