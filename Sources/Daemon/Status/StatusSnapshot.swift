/// What `bayan status` shows; the daemon writes it atomically to `.state/status.json`.
public struct StatusSnapshot: Codable, Sendable, Equatable {
    public struct InFlight: Codable, Sendable, Equatable {
        public var id: String
        public var file: String
        public var stage: String
        public var since: Double
    }

    public struct ErrorEntry: Codable, Sendable, Equatable {
        public var time: Double
        public var file: String
        public var message: String
    }

    public struct EngineState: Codable, Sendable, Equatable {
        public var kind: String
        public var url: String
        /// "ok", "retrying", "deferred", "open" (circuit breaker) or "hold" (quota spent).
        public var state: String
        public var lastError: String?
        public var deferredDocuments: Int

        enum CodingKeys: String, CodingKey {
            case kind, url, state
            case lastError = "last_error"
            case deferredDocuments = "deferred_documents"
        }
    }

    public struct ReloadState: Codable, Sendable, Equatable {
        public var time: Double
        public var ok: Bool
        public var problems: [String]
    }

    /// What the translators did since the daemon started (reloads keep counting): requests by outcome,
    /// retries, sentences translated and answered from the memory.
    public struct TranslationCounters: Codable, Sendable, Equatable {
        public var requests: Int
        public var requestsByOutcome: [String: Int]
        public var retries: Int
        public var sentencesTranslated: Int
        public var memoryHits: Int
        public var charactersSent: Int

        enum CodingKeys: String, CodingKey {
            case requests, retries
            case requestsByOutcome = "requests_by_outcome"
            case sentencesTranslated = "sentences_translated"
            case memoryHits = "memory_hits"
            case charactersSent = "characters_sent"
        }
    }

    /// Seconds from the start of processing to the publication of each document, counted in
    /// fixed buckets (cumulative, as Prometheus histograms are).
    public struct LatencyHistogram: Codable, Sendable, Equatable {
        public static let bounds: [Double] = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]
        /// `counts[i]`: documents that took at most `bounds[i]` seconds.
        public var counts: [Int] = Array(repeating: 0, count: LatencyHistogram.bounds.count)
        public var count = 0
        public var sum = 0.0

        mutating func observe(_ seconds: Double) {
            for (i, bound) in LatencyHistogram.bounds.enumerated() where seconds <= bound { counts[i] += 1 }
            count += 1
            sum += seconds
        }
    }

    public struct GlossaryState: Codable, Sendable, Equatable {
        public var version: String?
        public var entries: Int
        /// Problems of the last edit that was refused (the previous glossary stays live).
        public var problems: [String]
    }

    public var pid: Int32
    public var version: String
    public var startedAt: Double
    public var updatedAt: Double
    public var running: Bool
    public var counts: [String: Int]
    public var inFlight: [InFlight]
    public var lastErrors: [ErrorEntry]
    public var engine: EngineState
    public var lastReload: ReloadState?
    public var glossary: GlossaryState?
    public var processed: Int
    public var failed: Int
    public var translation: TranslationCounters?
    public var documentSeconds: LatencyHistogram?
    /// Documents allowed in the CPU stages at once, as the dispatcher applies it (`workers`).
    public var workers: Int?

    enum CodingKeys: String, CodingKey {
        case pid, version, running, counts, engine, processed, failed, glossary, translation, workers
        case documentSeconds = "document_seconds"
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case inFlight = "in_flight"
        case lastErrors = "last_errors"
        case lastReload = "last_reload"
    }
}
