import BayanCore
import Foundation
import Translation

/// Reviewed pairs into the translation memory as approved translations (what
/// `bayan memory import --approve` does). A pair the memory already holds with the same English
/// is not written again, so importing a file twice changes nothing the second time.
public struct MemoryReviewedPairs: ReviewedPairStore {
    public let memory: TranslationMemory
    public let sourceLanguage: String
    public let targetLanguage: String

    public init(memory: TranslationMemory, sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.memory = memory
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func remember(_ pairs: [ReviewedPair]) async throws -> Int {
        let scope = MemoryScope(engine: "", sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        let keys = pairs.map { MemoryKey(source: $0.source, terms: []) }
        let known = try memory.lookup(keys, scope: scope)
        let new = zip(pairs, keys).filter { known[$0.1] != $0.0.target }.map { pair, _ in
            TranslationMemory.Unit(source: pair.source, target: pair.target, origin: .approved, scope: scope)
        }
        return try memory.insert(new)
    }
}
