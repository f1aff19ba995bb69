import ArabicText
import BayanCore

/// What makes two sentences the same for the translation memory: the normalized Arabic and the
/// glossary entries that applied to it (so editing one entry re-translates only the sentences
/// that contain it).
public struct MemoryKey: Sendable, Hashable {
    public var source: String
    public var terms: String

    public init(normalizedSource: String, termsKey: String) {
        self.source = normalizedSource
        self.terms = termsKey
    }

    public init(source text: String, terms: [TermHit]) {
        self.init(normalizedSource: ArabicNormalizer.key(text).trimmingCharacters(in: .whitespacesAndNewlines), termsKey: Self.termsKey(terms.map { GlossaryEntry(ar: $0.ar, en: $0.en) }))
    }

    /// A canonical key of glossary entries: order and repetition do not matter. Empty when none.
    public static func termsKey(_ entries: [GlossaryEntry]) -> String {
        let unique = Set(entries.map { ArabicNormalizer.key($0.ar) + "\u{1F}" + $0.en })
        guard !unique.isEmpty else { return "" }
        return SHA256.hex(unique.sorted().joined(separator: "\u{1E}"))
    }
}

/// Which engine, model and languages produced a translation (machine translations are reused
/// only within the same scope; approved ones for any engine with the same target language).
public struct MemoryScope: Sendable, Equatable {
    public var engine: String
    public var model: String
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(engine: String, model: String = "", sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.engine = engine
        self.model = model
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public init(engine: EngineInfo, languages: (source: String, target: String)) {
        self.init(engine: engine.kind, model: engine.model ?? "", sourceLanguage: languages.source, targetLanguage: languages.target)
    }
}

/// One translated sentence to remember.
public struct MemoryRecord: Sendable {
    public var source: String
    public var target: String
    public var terms: [GlossaryEntry]

    public init(source: String, target: String, terms: [GlossaryEntry] = []) {
        self.source = source
        self.target = target
        self.terms = terms
    }

    init(item: TranslationItem, target: String) {
        self.init(source: item.text, target: target, terms: item.terms.map { GlossaryEntry(ar: $0.ar, en: $0.en) })
    }
}

import Foundation
