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

    enum CodingKeys: String, CodingKey {
        case pid, version, running, counts, engine, processed, failed, glossary
        case startedAt = "started_at"
        case updatedAt = "updated_at"
        case inFlight = "in_flight"
        case lastErrors = "last_errors"
        case lastReload = "last_reload"
    }
}
