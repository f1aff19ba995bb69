/// Every key Bayan reads. The YAML file, the environment and `bayan config check` all go
/// through this one table, so a key cannot be documented in one place and ignored in another.
enum ConfigSchema {
    static let fields: [ConfigField] = [
        ConfigField(path: "spool.root", kind: .string) { c, v in if case .string(let s) = v { c.spool.root = s } },
        ConfigField(path: "spool.rescan_interval", kind: .seconds(0.05...3600)) { c, v in if case .double(let d) = v { c.spool.rescanInterval = d } },
        ConfigField(path: "spool.settle", kind: .seconds(0...600)) { c, v in if case .double(let d) = v { c.spool.settle = d } },
        ConfigField(path: "spool.max_input_bytes", kind: .int(1...(1 << 31))) { c, v in if case .int(let i) = v { c.spool.maxInputBytes = i } },
        ConfigField(path: "spool.max_attempts", kind: .int(1...100_000)) { c, v in if case .int(let i) = v { c.spool.maxAttempts = i } },
        ConfigField(path: "workers", kind: .int(1...64)) { c, v in if case .int(let i) = v { c.workers = i } },
        ConfigField(path: "documents_in_flight", kind: .int(1...10_000)) { c, v in if case .int(let i) = v { c.documentsInFlight = i } },
        ConfigField(path: "shutdown_grace", kind: .seconds(0...3600)) { c, v in if case .double(let d) = v { c.shutdownGrace = d } },
        ConfigField(path: "status_interval", kind: .seconds(0.1...3600)) { c, v in if case .double(let d) = v { c.statusInterval = d } },
        ConfigField(path: "engine.kind", kind: .choice(["libretranslate", "deepl", "openai"])) { c, v in if case .string(let s) = v { c.engine.kind = s } },
        ConfigField(path: "engine.url", kind: .string) { c, v in if case .string(let s) = v { c.engine.url = s } },
        ConfigField(path: "engine.model", kind: .optionalString) { c, v in if case .string(let s) = v { c.engine.model = s } else { c.engine.model = nil } },
        ConfigField(path: "engine.source", kind: .string) { c, v in if case .string(let s) = v { c.engine.source = s } },
        ConfigField(path: "engine.target", kind: .string) { c, v in if case .string(let s) = v { c.engine.target = s } },
        ConfigField(path: "engine.concurrency", kind: .int(1...256)) { c, v in if case .int(let i) = v { c.engine.concurrency = i } },
        ConfigField(path: "engine.batch_size", kind: .int(1...1000)) { c, v in if case .int(let i) = v { c.engine.batchSize = i } },
        ConfigField(path: "engine.batch_bytes", kind: .int(256...(16 << 20))) { c, v in if case .int(let i) = v { c.engine.batchBytes = i } },
        ConfigField(path: "engine.api_key_file", kind: .optionalString) { c, v in if case .string(let s) = v { c.engine.apiKeyFile = s } else { c.engine.apiKeyFile = nil } },
        ConfigField(path: "engine.connect_timeout", kind: .seconds(0.1...600)) { c, v in if case .double(let d) = v { c.engine.connectTimeout = d } },
        ConfigField(path: "engine.timeout", kind: .seconds(0.1...3600)) { c, v in if case .double(let d) = v { c.engine.timeout = d } },
        ConfigField(path: "engine.max_response_bytes", kind: .int(1024...(1 << 30))) { c, v in if case .int(let i) = v { c.engine.maxResponseBytes = i } },
        ConfigField(path: "engine.ca_file", kind: .optionalString) { c, v in if case .string(let s) = v { c.engine.caFile = s } else { c.engine.caFile = nil } },
        ConfigField(path: "engine.tls_verify", kind: .bool) { c, v in if case .bool(let b) = v { c.engine.tlsVerify = b } },
        ConfigField(path: "engine.allow_insecure", kind: .bool) { c, v in if case .bool(let b) = v { c.engine.allowInsecure = b } },
        ConfigField(path: "engine.max_attempts", kind: .int(1...100)) { c, v in if case .int(let i) = v { c.engine.maxAttempts = i } },
        ConfigField(path: "engine.retry_base_delay", kind: .seconds(0...600)) { c, v in if case .double(let d) = v { c.engine.retryBaseDelay = d } },
        ConfigField(path: "engine.retry_max_delay", kind: .seconds(0...3600)) { c, v in if case .double(let d) = v { c.engine.retryMaxDelay = d } },
        ConfigField(path: "engine.defer_delay", kind: .seconds(0...86400)) { c, v in if case .double(let d) = v { c.engine.deferDelay = d } },
        ConfigField(path: "engine.batch_linger", kind: .seconds(0...1)) { c, v in if case .double(let d) = v { c.engine.batchLinger = d } },
        ConfigField(path: "engine.breaker_failures", kind: .int(1...1000)) { c, v in if case .int(let i) = v { c.engine.breakerFailures = i } },
        ConfigField(path: "engine.breaker_cooldown", kind: .seconds(0...86400)) { c, v in if case .double(let d) = v { c.engine.breakerCooldown = d } },
        ConfigField(path: "engine.memory", kind: .bool) { c, v in if case .bool(let b) = v { c.engine.memory = b } },
        ConfigField(path: "engine.deepl_target_lang", kind: .choice(["EN-GB", "EN-US"])) { c, v in if case .string(let s) = v { c.engine.deeplTargetLang = s } },
        ConfigField(path: "engine.deepl_host", kind: .choice(["auto", "free", "pro", "url"])) { c, v in if case .string(let s) = v { c.engine.deeplHost = s } },
        ConfigField(path: "engine.structured_output", kind: .bool) { c, v in if case .bool(let b) = v { c.engine.structuredOutput = b } },
        ConfigField(path: "log.format", kind: .choice(["text", "json"])) { c, v in if case .string(let s) = v { c.log.format = s } },
        ConfigField(path: "log.level", kind: .choice(["trace", "debug", "info", "notice", "warning", "error", "critical"])) { c, v in if case .string(let s) = v { c.log.level = s } },
        ConfigField(path: "glossary.files", kind: .stringList) { c, v in if case .list(let l) = v { c.glossary.files = l } },
        ConfigField(path: "glossary.reload_interval", kind: .seconds(0.05...3600)) { c, v in if case .double(let d) = v { c.glossary.reloadInterval = d } },
        ConfigField(path: "glossary.protect", kind: .bool) { c, v in if case .bool(let b) = v { c.glossary.protect = b } },
        ConfigField(path: "reader.max_docx_entries", kind: .int(1...1_000_000)) { c, v in if case .int(let i) = v { c.reader.maxDocxEntries = i } },
        ConfigField(path: "reader.max_entry_bytes", kind: .int(1024...(1 << 32))) { c, v in if case .int(let i) = v { c.reader.maxEntryBytes = i } },
        ConfigField(path: "reader.max_total_bytes", kind: .int(1024...(1 << 34))) { c, v in if case .int(let i) = v { c.reader.maxTotalBytes = i } },
        ConfigField(path: "reader.max_compression_ratio", kind: .int(2...100_000)) { c, v in if case .int(let i) = v { c.reader.maxCompressionRatio = i } },
        ConfigField(path: "reader.max_text_chars", kind: .int(1000...(1 << 31))) { c, v in if case .int(let i) = v { c.reader.maxTextChars = i } },
        ConfigField(path: "segmenter.break_at_semicolon", kind: .bool) { c, v in if case .bool(let b) = v { c.segmenter.breakAtSemicolon = b } },
        ConfigField(path: "segmenter.max_sentence_chars", kind: .optionalInt(20...100_000)) { c, v in if case .int(let i) = v { c.segmenter.maxSentenceChars = i } else { c.segmenter.maxSentenceChars = nil } },
        ConfigField(path: "segmenter.abbreviations_file", kind: .optionalString) { c, v in if case .string(let s) = v { c.segmenter.abbreviationsFile = s } else { c.segmenter.abbreviationsFile = nil } },
        ConfigField(path: "segmenter.srx_file", kind: .optionalString) { c, v in if case .string(let s) = v { c.segmenter.srxFile = s } else { c.segmenter.srxFile = nil } },
        ConfigField(path: "summary.sentences", kind: .int(1...100)) { c, v in if case .int(let i) = v { c.summary.sentences = i } },
        ConfigField(path: "summary.ratio", kind: .optionalNumber(0.01...1)) { c, v in if case .double(let d) = v { c.summary.ratio = d } else { c.summary.ratio = nil } },
        ConfigField(path: "outputs.formats", kind: .stringList) { c, v in if case .list(let l) = v { c.outputs.formats = l } },
        ConfigField(path: "qa.disabled", kind: .stringList) { c, v in if case .list(let l) = v { c.qa.disabled = l } },
        ConfigField(path: "qa.length_ratio_min", kind: .number(0...100)) { c, v in if case .double(let d) = v { c.qa.lengthRatioMin = d } },
        ConfigField(path: "qa.length_ratio_max", kind: .number(0...100)) { c, v in if case .double(let d) = v { c.qa.lengthRatioMax = d } },
        // Review workspace (issue 13).
        ConfigField(path: "review.enabled", kind: .bool) { c, v in if case .bool(let b) = v { c.review.enabled = b } },
        ConfigField(path: "review.listen", kind: .string) { c, v in if case .string(let s) = v { c.review.listen = s } },
        ConfigField(path: "review.token_file", kind: .optionalString) { c, v in if case .string(let s) = v { c.review.tokenFile = s } else { c.review.tokenFile = nil } },
        ConfigField(path: "review.hosts", kind: .stringList) { c, v in if case .list(let l) = v { c.review.hosts = l } },
        ConfigField(path: "review.fuzzy_threshold", kind: .int(50...100)) { c, v in if case .int(let i) = v { c.review.fuzzyThreshold = i } },
    ]

    static let byPath: [String: ConfigField] = Dictionary(uniqueKeysWithValues: fields.map { ($0.path, $0) })

    /// Sections that hold keys (so `engine:` is not reported as an unknown key).
    static let sections: Set<String> = Set(fields.compactMap { f in
        f.path.contains(".") ? String(f.path[..<f.path.lastIndex(of: ".")!]) : nil
    })
}
