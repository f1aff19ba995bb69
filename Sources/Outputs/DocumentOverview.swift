import BayanCore

/// Figures and labels every human-facing writer shows: headline and counts.
struct DocumentOverview {
    var headline: String
    /// True when the headline is the document's own (Arabic) heading, not the file name.
    var headlineIsSource: Bool
    var sentences: Int
    var termsOK: Int
    var termsMissing: Int
    var termsUnverified: Int
    var issues: Int
    var flaggedSentences: Int

    init(_ result: DocumentResult) {
        let headingIndexes = Set(result.paragraphs.filter { $0.kind == .heading }.map(\.index))
        let firstHeading = result.pairs.first { headingIndexes.contains($0.segment.paragraph) }?.segment.paragraph
        if let firstHeading {
            headline = result.pairs.filter { $0.segment.paragraph == firstHeading }.map(\.segment.text)
                .joined(separator: " ")
            headlineIsSource = true
        } else {
            headline = result.source.file
            headlineIsSource = false
        }
        sentences = result.pairs.count
        let hits = result.pairs.flatMap(\.terms)
        termsOK = hits.filter { $0.ok == true }.count
        termsMissing = hits.filter { $0.ok == false }.count
        termsUnverified = hits.filter { $0.ok == nil }.count
        issues = result.pairs.reduce(0) { $0 + $1.qa.count }
        flaggedSentences = result.pairs.filter { !$0.qa.isEmpty }.count
    }

    static func engineLabel(_ engine: EngineInfo) -> String {
        if let model = engine.model, !model.isEmpty { return "\(engine.kind) (\(model))" }
        return engine.kind
    }
}
