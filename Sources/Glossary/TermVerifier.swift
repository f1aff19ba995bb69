import BayanCore

/// Checks each term found in the Arabic against the English translation: the approved English
/// is present (`EnglishTermFinder` tolerance) and no `avoid` rendering is used.
public struct TermVerifier: Sendable {
    public enum Outcome: Sendable, Equatable {
        case ok
        case missing
        /// An avoided rendering was used (and the approved one was not used in its place).
        case avoided(String)
    }

    public let glossary: Glossary

    public init(glossary: Glossary) { self.glossary = glossary }

    /// The outcome for one term in one translation.
    public func check(_ hit: TermHit, translation: String) -> Outcome {
        check(hit, words: EnglishTermFinder.words(translation))
    }

    func check(_ hit: TermHit, words: [String]) -> Outcome {
        let approved = EnglishTermFinder.occurrences(of: EnglishTermFinder.words(hit.en), in: words)
        for avoid in glossary.entry(ar: hit.ar)?.avoid ?? [] {
            let used = EnglishTermFinder.occurrences(of: EnglishTermFinder.words(avoid), in: words)
            // An avoided wording inside the approved one (avoid "Customs", approved "Dubai Customs") is fine.
            let stray = used.filter { u in !approved.contains { $0.lowerBound <= u.lowerBound && u.upperBound <= $0.upperBound } }
            if !stray.isEmpty { return .avoided(avoid) }
        }
        return approved.isEmpty ? .missing : .ok
    }

    /// `hits` with `ok` set, and one `glossary` QA issue per term that failed.
    public func verify(_ hits: [TermHit], translation: String) -> (hits: [TermHit], issues: [QAIssue]) {
        let words = EnglishTermFinder.words(translation)
        var out: [TermHit] = []
        var issues: [QAIssue] = []
        var reported: Set<String> = []
        var cache: [String: Outcome] = [:]
        for var hit in hits {
            let outcome = cache[hit.ar] ?? check(hit, words: words)
            cache[hit.ar] = outcome
            hit.ok = outcome == .ok
            if outcome != .ok, reported.insert(hit.ar).inserted {
                issues.append(TermVerifier.issue(for: hit, outcome: outcome))
            }
            out.append(hit)
        }
        return (out, issues)
    }

    /// The QA issue for a term that failed (`check` = "glossary").
    public static func issue(for hit: TermHit, outcome: Outcome) -> QAIssue {
        switch outcome {
        case .ok:
            return QAIssue(check: "glossary", message: "«\(hit.ar)» is translated \"\(hit.en)\" as the glossary requires")
        case .missing:
            return QAIssue(check: "glossary", message: "«\(hit.ar)» must be translated \"\(hit.en)\" (glossary); the translation does not contain it")
        case .avoided(let wrong):
            return QAIssue(check: "glossary", message: "«\(hit.ar)» is translated \"\(wrong)\", which the glossary says to avoid; use \"\(hit.en)\"")
        }
    }
}
