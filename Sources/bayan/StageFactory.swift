import ArabicText
import BayanCore
import Daemon
import Logging
import Outputs
import QA
import Summary
import Translation

/// The one place that chooses concrete types for each stage from the configuration.
enum StageFactory {
    static func make(_ loaded: LoadedConfig, logger: Logger) throws -> PipelineStages {
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
        return PipelineStages(
            reader: PlainTextReader(),
            segmenter: PunctuationSegmenter(),
            translator: Translator(
                engine: engine, policy: policy, logger: logger, concurrency: config.engine.concurrency,
                linger: config.engine.batchLinger,
                breaker: CircuitBreaker(threshold: config.engine.breakerFailures, cooldown: config.engine.breakerCooldown),
                memory: memory),
            checker: CheckSuite([]),
            summarizer: EmptySummarizer(),
            writers: [ResultJSONWriter(), AlignedMarkdownWriter()])
    }
}
