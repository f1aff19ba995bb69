import BayanCore

/// `glossary`: turns glossary hits the verifier marked `ok == false` into issues, so the
/// verifier's findings sit with every other check in the suite.
public struct GlossaryHitsCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        var seen = Set<String>()
        return pair.terms.filter { $0.ok == false && seen.insert($0.ar + "\u{0}" + $0.en).inserted }.map {
            QAIssue(check: "glossary", message: "«\($0.ar)» should be translated “\($0.en)”, which is not in the English")
        }
    }
}
