import ArabicText
import BayanCore
import QA

/// Checks one key point against the segments it cites, before anything the engine wrote is
/// shown: the cited ids exist; every number of the point (either digit system, number words)
/// occurs in a cited segment's Arabic; each glossary term of a cited segment that the point
/// mentions is rendered with its approved English; the length limits hold.
public struct KeyPointVerifier: Sendable {
    public struct Source: Sendable {
        public var ar: String
        public var terms: [TermHit]
        public init(ar: String, terms: [TermHit]) {
            self.ar = ar
            self.terms = terms
        }
    }

    public var maxWords: Int
    /// Glossary hits in an Arabic text (the document's glossary snapshot).
    public var findTerms: @Sendable (String) -> [TermHit]
    /// Problems of an English text against hits (empty: every term has its approved English).
    public var checkTerms: @Sendable ([TermHit], String) -> [QAIssue]

    public init(maxWords: Int, findTerms: @escaping @Sendable (String) -> [TermHit] = { _ in [] },
        checkTerms: @escaping @Sendable ([TermHit], String) -> [QAIssue] = { _, _ in [] })
    {
        self.maxWords = maxWords
        self.findTerms = findTerms
        self.checkTerms = checkTerms
    }

    /// Nil when the point may be used, else the reason it is dropped (one sentence, for
    /// result.json and the review page).
    public func problem(_ point: KeyPoint, sources: [Int: Source]) -> String? {
        if point.en.isEmpty || point.ar.isEmpty {
            return point.en.isEmpty && point.ar.isEmpty ? "the point is empty" : "the point lacks its \(point.en.isEmpty ? "English" : "Arabic")"
        }
        if point.cites.isEmpty { return "the point cites no segment" }
        let missing = point.cites.filter { sources[$0] == nil }
        if !missing.isEmpty {
            return "the point cites segment\(missing.count == 1 ? "" : "s") \(Self.list(missing)), which the document does not have"
        }
        let enWords = WordCount.english(point.en)
        if enWords > maxWords { return "the English is \(enWords) words long; the limit is \(maxWords)" }
        let arWords = WordCount.english(point.ar)
        if arWords > maxWords { return "the Arabic is \(arWords) words long; the limit is \(maxWords)" }
        let cited = point.cites.compactMap { sources[$0] }
        let citedText = cited.map(\.ar)
        let where_ = "cited segment\(point.cites.count == 1 ? "" : "s") \(Self.list(point.cites))"
        let enNumbers = NumberSupport.unsupported(claim: point.en, sources: citedText)
        if !enNumbers.isEmpty { return "the English states \(enNumbers.joined(separator: ", ")), which the \(where_) do\(point.cites.count == 1 ? "es" : "") not contain" }
        let arNumbers = NumberSupport.unsupported(claim: point.ar, sources: citedText)
        if !arNumbers.isEmpty { return "the Arabic states \(arNumbers.joined(separator: ", ")), which the \(where_) do\(point.cites.count == 1 ? "es" : "") not contain" }
        // Terms: those of the cited segments that the point's Arabic uses must have their
        // approved English in the point's English.
        let citedEntries = Set(cited.flatMap(\.terms).map { GlossaryKey(ar: $0.ar, en: $0.en) })
        let mentioned = findTerms(point.ar).filter { citedEntries.contains(GlossaryKey(ar: $0.ar, en: $0.en)) }
        if !mentioned.isEmpty, let issue = checkTerms(mentioned, point.en).first {
            return "glossary: \(issue.message)"
        }
        return nil
    }

    struct GlossaryKey: Hashable {
        var ar: String
        var en: String
    }

    static func list(_ ids: [Int]) -> String { ids.map(String.init).joined(separator: ", ") }
}
