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
        metric("bayan_engine_state", "1 for the engine's current state (ok, retrying, deferred, open = circuit breaker open, hold = quota spent).", "gauge",
               ["ok", "retrying", "deferred", "open", "hold"].map { ("state=\"\($0)\"", s.engine.state == $0 ? 1 : 0) })
        if let t = s.translation {
            let outcomes = ["ok", "retryable", "too_large", "quota", "refused", "transport"]
            metric("bayan_engine_requests_total", "Engine requests by how they ended, since the daemon started.", "counter",
                   (outcomes + t.requestsByOutcome.keys.filter { !outcomes.contains($0) }.sorted()).map {
                       ("outcome=\"\($0)\"", Double(t.requestsByOutcome[$0] ?? 0))
                   })
            metric("bayan_engine_retries_total", "Engine requests sent again after a retryable failure.", "counter", [("", Double(t.retries))])
            metric("bayan_sentences_translated_total", "Sentences the engine translated.", "counter", [("", Double(t.sentencesTranslated))])
            metric("bayan_sentences_from_memory_total", "Sentences answered from the translation memory.", "counter", [("", Double(t.memoryHits))])
        }
        if let h = s.documentSeconds {
            out += "# HELP bayan_document_seconds Seconds from the start of processing to publication, per document.\n"
            out += "# TYPE bayan_document_seconds histogram\n"
            for (bound, count) in zip(StatusSnapshot.LatencyHistogram.bounds, h.counts) {
                out += "bayan_document_seconds_bucket{le=\"\(bound)\"} \(count)\n"
            }
            out += "bayan_document_seconds_bucket{le=\"+Inf\"} \(h.count)\n"
            out += "bayan_document_seconds_sum \(h.sum)\n"
            out += "bayan_document_seconds_count \(h.count)\n"
        }
        metric("bayan_glossary_entries", "Entries of the live glossary.", "gauge", [("", Double(s.glossary?.entries ?? 0))])
        if let version = s.glossary?.version {
            metric("bayan_glossary_info", "The live glossary's version (SHA-256 of its entries) as a label.", "gauge",
                   [("version=\"\(version)\"", 1)])
        }
        metric("bayan_glossary_rejected_edit", "1 when the last glossary edit was refused.", "gauge",
               [("", (s.glossary?.problems.isEmpty ?? true) ? 0 : 1)])
        metric("bayan_start_time_seconds", "Start time of the daemon (Unix seconds).", "gauge", [("", s.startedAt.rounded())])
        return out
    }
}
