/// The status snapshot in the Prometheus text exposition format, for node_exporter's textfile
/// collector (`.state/metrics.prom`, rewritten atomically with the status file).
enum MetricsText {
    static func render(_ s: StatusSnapshot) -> String {
        var out = ""
        func metric(_ name: String, _ help: String, _ type: String, _ samples: [(labels: String, value: Double)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples {
                let value = sample.value == sample.value.rounded() ? String(Int(sample.value)) : String(sample.value)
                out += sample.labels.isEmpty ? "\(name) \(value)\n" : "\(name){\(sample.labels)} \(value)\n"
            }
        }
        metric("bayan_spool_files", "Files in each spool folder.", "gauge",
               s.counts.sorted { $0.key < $1.key }.map { ("folder=\"\($0.key)\"", Double($0.value)) })
        metric("bayan_documents_in_flight", "Documents being processed now.", "gauge", [("", Double(s.inFlight.count))])
        metric("bayan_documents_processed_total", "Documents published since the daemon started.", "counter", [("", Double(s.processed))])
        metric("bayan_documents_failed_total", "Documents moved to failed/ since the daemon started.", "counter", [("", Double(s.failed))])
        metric("bayan_documents_waiting_for_engine", "Documents deferred because the engine failed.", "gauge", [("", Double(s.engine.deferredDocuments))])
        metric("bayan_engine_state", "1 for the engine's current state (ok, retrying, deferred, hold).", "gauge",
               ["ok", "retrying", "deferred", "hold"].map { ("state=\"\($0)\"", s.engine.state == $0 ? 1 : 0) })
        metric("bayan_glossary_entries", "Entries of the live glossary.", "gauge", [("", Double(s.glossary?.entries ?? 0))])
        metric("bayan_glossary_rejected_edit", "1 when the last glossary edit was refused.", "gauge",
               [("", (s.glossary?.problems.isEmpty ?? true) ? 0 : 1)])
        metric("bayan_start_time_seconds", "Start time of the daemon (Unix seconds).", "gauge", [("", s.startedAt.rounded())])
        return out
    }
}
