/// Bayan's configuration, with the documented defaults of `config/bayan.yaml`.
/// Loaded and validated by `ConfigLoader` before anything starts.
public struct BayanConfig: Sendable, Equatable {
    public struct Spool: Sendable, Equatable {
        public var root = "spool"
        public var rescanInterval = 5.0
        public var settle = 1.0
        public var maxInputBytes = 20 * 1024 * 1024
        /// A document started this many times without finishing goes to failed/ (a crash loop guard).
        public var maxAttempts = 10
        /// How claims and results are made durable: "syncfs" (one shared sync of the file
        /// system) or "fsync" (each file and folder).
        public var sync = "syncfs"
    }

    public struct Engine: Sendable, Equatable {
        public var kind = "libretranslate"
        public var url = "http://127.0.0.1:5000"
        public var model: String? = nil
        public var source = "ar"
        public var target = "en"
        public var concurrency = 4
        public var batchSize = 25
        public var batchBytes = 64 * 1024
        public var apiKeyFile: String? = nil
        public var connectTimeout = 10.0
        public var timeout = 120.0
        public var maxResponseBytes = 16 * 1024 * 1024
        public var caFile: String? = nil
        public var tlsVerify = true
        public var allowInsecure = false
        public var maxAttempts = 6
        public var retryBaseDelay = 0.5
        public var retryMaxDelay = 30.0
        /// Seconds before a document whose translation failed is tried again.
        public var deferDelay = 30.0
        /// Seconds a partly filled request waits for sentences from other documents.
        public var batchLinger = 0.005
        /// Consecutive failed requests that open the circuit breaker, and its cool-down.
        public var breakerFailures = 8
        public var breakerCooldown = 30.0
        /// Reuse translations from the translation memory (.state/memory.sqlite).
        public var memory = true
        /// DeepL: EN-GB or EN-US.
        public var deeplTargetLang = "EN-GB"
        /// DeepL: auto (by the key: ":fx" keys are Free), free, pro, or url (use engine.url).
        public var deeplHost = "auto"
        /// OpenAI-compatible: ask for JSON with response_format json_schema.
        public var structuredOutput = true
    }

    public struct Log: Sendable, Equatable {
        public var format = "text"
        public var level = "info"
    }

    public struct Glossary: Sendable, Equatable {
        public var files: [String] = ["Glossary/customs.tsv"]
        /// How often the glossary files are checked for changes (hot reload).
        public var reloadInterval = 1.0
        /// Retry sentences whose terms the engine missed with the terms protected by placeholders.
        public var protect = true
    }

    public struct Reader: Sendable, Equatable {
        public var maxDocxEntries = 2_000
        public var maxEntryBytes = 64 << 20
        public var maxTotalBytes = 512 << 20
        public var maxCompressionRatio = 200
        public var maxTextChars = 10_000_000
    }

    public struct Segmenter: Sendable, Equatable {
        public var breakAtSemicolon = false
        public var maxSentenceChars: Int? = nil
        public var abbreviationsFile: String? = nil
        public var srxFile: String? = nil
    }

    public struct Summary: Sendable, Equatable {
        public var sentences = 3
        public var ratio: Double? = nil
        // Issue 17: mode, English word budget, key-point length.
        public var mode = "extractive"
        public var maxWords = 70
        public var maxShare = 0.25
        public var pointWords = 35
    }

    public struct Outputs: Sendable, Equatable {
        // Every writer but xliff12 (XLIFF 1.2 is asked for by name); config/bayan.yaml lists them.
        public var formats = ["json", "html", "md", "tmx", "xliff", "summary", "release", "bilingual_docx"]
    }

    public struct QA: Sendable, Equatable {
        public var disabled: [String] = []
        public var lengthRatioMin = 0.55
        public var lengthRatioMax = 2.6
    }

    /// The review workspace (issue 13).
    public struct Review: Sendable, Equatable {
        public var enabled = true
        public var listen = "127.0.0.1:8710"
        public var tokenFile: String? = nil
        public var hosts: [String] = []
        public var fuzzyThreshold = 85
    }

    public var spool = Spool()
    public var workers = 2
    /// Documents claimed at once; those waiting for the engine hold no worker.
    public var documentsInFlight = 256
    /// …and at most this many bytes of input among them (one document always runs).
    public var bytesInFlight = 32 * 1024 * 1024
    public var shutdownGrace = 10.0
    public var statusInterval = 1.0
    public var engine = Engine()
    public var log = Log()
    public var glossary = Glossary()
    public var reader = Reader()
    public var segmenter = Segmenter()
    public var summary = Summary()
    public var outputs = Outputs()
    public var qa = QA()
    public var review = Review()

    public init() {}

    /// The environment variable that holds the engine's API key (never the command line).
    public static let apiKeyEnvironmentVariable = "BAYAN_ENGINE_API_KEY"
}
