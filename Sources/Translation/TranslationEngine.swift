import BayanCore

/// One sentence to translate, with the glossary terms found in it.
public struct TranslationItem: Sendable, Equatable {
    public var id: String
    public var text: String
    public var terms: [TermHit]

    public init(id: String, text: String, terms: [TermHit] = []) {
        self.id = id
        self.text = text
        self.terms = terms
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
    func translate(_ items: [TranslationItem]) async throws -> [String]
}
