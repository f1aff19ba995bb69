import ArabicText
import BayanCore
import Daemon
import Foundation
import Glossary
import Logging
import Outputs
import QA
import Summary
import Synchronization
import Translation

/// The one place that chooses concrete types for each stage from the configuration.
enum StageFactory {
    /// `stats`: the daemon's translation counters, handed to every translator it builds so that
    /// a reload does not reset them.
    static func make(_ loaded: LoadedConfig, glossary: GlossaryStore?, logger: Logger, stats: TranslatorStats = TranslatorStats()) throws -> PipelineStages {
        let config = loaded.config
        var transport = TransportOptions()
        transport.connectTimeout = config.engine.connectTimeout
        transport.totalTimeout = config.engine.timeout
        transport.maxResponseBytes = config.engine.maxResponseBytes
        transport.concurrency = config.engine.concurrency
        transport.caFile = config.engine.caFile
        transport.insecure = !config.engine.tlsVerify && config.engine.allowInsecure
        if transport.insecure {
            logger.warning("TLS verification is OFF for the engine (engine.tls_verify: false, engine.allow_insecure: true)")
        }
        let limits = BatchLimits(maxItems: config.engine.batchSize, maxBytes: config.engine.batchBytes)
        var memory: TranslationMemory? = nil
        if config.engine.memory {
            let path = SpoolLayout(root: config.spool.root).state + "/memory.sqlite"
            do {
                memory = try TranslationMemory.shared(path: path)
            } catch {
                logger.error("the translation memory cannot be opened; every sentence is sent to the engine", metadata: ["error": "\(error)"])
            }
        }
        let engine: any TranslationEngine
        switch config.engine.kind {
        case "libretranslate":
            engine = LibreTranslateEngine(
                url: config.engine.url, apiKey: loaded.apiKey.map(Secret.init), source: config.engine.source,
                target: config.engine.target, limits: limits, transport: CurlTransport(options: transport))
        case "deepl":
            guard let key = loaded.apiKey else { throw BayanError(.config, "engine.kind deepl needs an API key (\(BayanConfig.apiKeyEnvironmentVariable) or engine.api_key_file)") }
            let host: DeepLEngine.Host = switch config.engine.deeplHost {
            case "free": .free
            case "pro": .pro
            case "url": .url(config.engine.url)
            default: .auto
            }
            engine = DeepLEngine(
                apiKey: Secret(key), host: host, targetLang: config.engine.deeplTargetLang, limits: limits,
                transport: CurlTransport(options: transport), settings: memory)
        case "openai":
            guard let model = config.engine.model else { throw BayanError(.config, "engine.kind openai needs engine.model") }
            engine = OpenAIEngine(
                url: config.engine.url, apiKey: loaded.apiKey.map(Secret.init), model: model, limits: limits,
                structuredOutput: config.engine.structuredOutput, transport: CurlTransport(options: transport))
        default:
            throw BayanError(.config, "engine.kind \(config.engine.kind) is not supported")
        }
        var policy = RetryPolicy()
        policy.maxAttempts = config.engine.maxAttempts
        policy.baseDelay = config.engine.retryBaseDelay
        policy.maxDelay = config.engine.retryMaxDelay
        let writers = StandardWriters.writers(for: config.outputs.formats)
        guard writers.unknown.isEmpty else {
            throw BayanError(.config, "outputs.formats: unknown format(s) \(writers.unknown.joined(separator: ", "))")
        }
        // The verifier reports glossary misses itself, with the avoided rendering when there is one.
        let qa = QAOptions(
            disabled: Set(config.qa.disabled).union(["glossary"]), lengthRatioMin: config.qa.lengthRatioMin,
            lengthRatioMax: config.qa.lengthRatioMax)
        var summary = SummaryOptions()
        summary.sentences = config.summary.sentences
        summary.ratio = config.summary.ratio
        let translator = Translator(
            engine: engine, policy: policy, logger: logger, concurrency: config.engine.concurrency,
            linger: config.engine.batchLinger,
            breaker: CircuitBreaker(threshold: config.engine.breakerFailures, cooldown: config.engine.breakerCooldown),
            memory: memory, stats: stats)
        var stages = PipelineStages(
            reader: SniffingDocumentReader(limits: readerLimits(config)),
            segmenter: ArabicSentenceSegmenter(options: try segmenterOptions(config)),
            terms: termStage(glossary, translator: translator, protect: config.glossary.protect, checkGlossary: !config.qa.disabled.contains("glossary")),
            translator: translator,
            checker: StandardChecks.suite(qa),
            summarizer: ExtractiveSummarizer(options: summary),
            writers: writers.writers)
        stages.summaryPlan = summaryPlan(config)
        return stages
    }

    static func summaryPlan(_ config: BayanConfig) -> SummaryPlan {
        var plan = SummaryPlan()
        plan.mode = SummaryPlan.Mode(rawValue: config.summary.mode) ?? .extractive
        plan.maxWords = config.summary.maxWords
        plan.maxShare = config.summary.maxShare
        plan.pointWords = config.summary.pointWords
        return plan
    }

    static func readerLimits(_ config: BayanConfig) -> ReaderLimits {
        ReaderLimits(
            maxFileBytes: config.spool.maxInputBytes, maxZipEntries: config.reader.maxDocxEntries,
            maxEntryUncompressedBytes: config.reader.maxEntryBytes, maxTotalUncompressedBytes: config.reader.maxTotalBytes,
            maxCompressionRatio: config.reader.maxCompressionRatio, maxTextScalars: config.reader.maxTextChars)
    }

    static func segmenterOptions(_ config: BayanConfig) throws -> SegmenterOptions {
        var options = SegmenterOptions(breakAtSemicolon: config.segmenter.breakAtSemicolon, maxSentenceScalars: config.segmenter.maxSentenceChars)
        if let file = config.segmenter.abbreviationsFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw BayanError(.config, "segmenter.abbreviations_file: cannot read \(file)")
            }
            options.addAbbreviations(fromList: text)
        }
        if let file = config.segmenter.srxFile {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw BayanError(.config, "segmenter.srx_file: cannot read \(file)")
            }
            options.extraRules += try SRXRules.parse(Array(data), language: "ar", fileName: file)
        }
        return options
    }

    /// Each document takes the glossary snapshot that is live when it starts.
    /// A glossary change is also pushed to the engine (DeepL syncs its own glossary from it).
    static func termStage(_ store: GlossaryStore?, translator: Translator, protect: Bool, checkGlossary: Bool) -> @Sendable () -> TermStage {
        guard let store else { return { .none } }
        let synced = Mutex<String?>(nil)
        return { () -> TermStage in
            let snapshot = store.snapshot
            guard snapshot.entryCount > 0 else { return .none }
            if synced.withLock({ old in
                defer { old = snapshot.version }
                return old != snapshot.version
            }) {
                translator.setGlossary(
                    entries: snapshot.glossary.entries.map { Translation.GlossaryEntry(ar: $0.ar, en: $0.en) }, version: snapshot.version)
            }
            let matcher = snapshot.matcher
            let verifier = snapshot.verifier
            let verify: @Sendable ([TermHit], String) -> (hits: [TermHit], issues: [QAIssue]) = { hits, english in
                let checked = verifier.verify(hits, translation: english)
                return checkGlossary ? checked : (checked.hits, [])
            }
            let protector: @Sendable (String) -> (text: String, restore: @Sendable (String) -> String) = { text in
                let protected = TermProtector.protect(text, matches: matcher.termMatches(in: text))
                return (protected.text, { TermProtector.restore($0, protected).text })
            }
            return TermStage(
                version: snapshot.version, find: { matcher.matches(in: $0) }, verify: verify,
                protect: protect ? protector : nil)
        }
    }
}
