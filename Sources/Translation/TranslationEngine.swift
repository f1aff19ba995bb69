import BayanCore

/// One sentence to translate, with the glossary terms found in it.
public struct TranslationItem: Sendable, Equatable {
    public var id: String
    public var text: String
    public var terms: [TermHit]
    /// Neighbouring sentences of the same document (not translated; DeepL's `context`).
    /// `Translator` fills it from the document order when it is nil.
    public var context: String?

    public init(id: String, text: String, terms: [TermHit] = [], context: String? = nil) {
        self.id = id
        self.text = text
        self.terms = terms
        self.context = context
    }
}

/// How many items and bytes one request may carry.
public struct BatchLimits: Sendable, Equatable {
    public var maxItems: Int
    public var maxBytes: Int

    public init(maxItems: Int, maxBytes: Int) {
        self.maxItems = maxItems
        self.maxBytes = maxBytes
    }
}

/// A machine-translation service behind one dialect.
///
/// Contract: `translate` returns exactly one English string per item, in the items' order, or
/// throws `EngineFailure` saying whether a retry can help. It never returns a partial or
/// misaligned answer, and never puts a secret into an error message.
public protocol TranslationEngine: Sendable {
    var info: EngineInfo { get }
    var limits: BatchLimits { get }
    /// Source and target language codes as this engine names them (kept in the memory).
    var languages: (source: String, target: String) { get }
    /// Runs on the caller's executor (the request batcher's actor), not the cooperative pool:
    /// a request's answer is then handled without waiting in the pool's queue.
    nonisolated(nonsending) func translate(_ items: [TranslationItem]) async throws -> [String]
    /// Makes the engine use these glossary entries (DeepL syncs them to its glossary API).
    /// Engines that get terms per request (OpenAI) or cannot use them ignore it.
    func setGlossary(entries: [GlossaryEntry], version: String)
}

extension TranslationEngine {
    public var languages: (source: String, target: String) { ("ar", "en") }
    public func setGlossary(entries: [GlossaryEntry], version: String) {}
}

/// One approved Arabic → English glossary entry.
public struct GlossaryEntry: Sendable, Hashable, Codable {
    public var ar: String
    public var en: String

    public init(ar: String, en: String) {
        self.ar = ar
        self.en = en
    }
}
