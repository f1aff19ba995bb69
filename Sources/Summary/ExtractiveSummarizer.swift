import BayanCore
import Foundation

/// Chooses whole Arabic sentences for the bilingual summary.
///
/// Score = centrality (TextRank over tf-idf cosine similarity, averaged with similarity to the
/// document centroid) + lead position (news puts the essentials first) + glossary-term salience
/// (terms that recur in the document). The best sentences are taken greedily, skipping
/// near-duplicates of ones already taken, and returned in document order. Headings and very
/// short sentences (datelines) are not chosen unless nothing else is left. The parts of a
/// sentence split for an engine (`partOf`) are chosen together.
public struct ExtractiveSummarizer: Summarizer {
    public var options: SummaryOptions

    public init(options: SummaryOptions = SummaryOptions()) { self.options = options }

    struct Unit {
        var ids: [Int]
        var paragraph: Int
        var text: String
        var tokens: [String]
        var terms: Set<String>
        var firstInParagraph: Bool
    }

    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int] {
        let headings = Set(paragraphs.filter { $0.kind == .heading }.map(\.index))
        var units: [Unit] = []
        var unitOf: [Int: Int] = [:]
        for segment in segments {
            let hits = Set((terms[segment.id] ?? []).map { $0.en.lowercased() })
            if let first = segment.partOf, let u = unitOf[first] {
                units[u].ids.append(segment.id)
                units[u].text += " " + segment.text
                units[u].tokens += SummaryTokenizer.tokens(segment.text)
                units[u].terms.formUnion(hits)
                unitOf[segment.id] = u
                continue
            }
            let firstInParagraph = units.last?.paragraph != segment.paragraph
            unitOf[segment.id] = units.count
            units.append(Unit(ids: [segment.id], paragraph: segment.paragraph, text: segment.text,
                tokens: SummaryTokenizer.tokens(segment.text), terms: hits, firstInParagraph: firstInParagraph))
        }
        guard !units.isEmpty else { return [] }
        var candidates = units.indices.filter { !headings.contains(units[$0].paragraph) && units[$0].tokens.count >= options.minTokens }
        let wanted = options.length(for: units.count)
        if candidates.count < wanted {
            candidates = units.indices.filter { !units[$0].tokens.isEmpty && !headings.contains(units[$0].paragraph) }
        }
        if candidates.isEmpty { candidates = units.indices.filter { !units[$0].tokens.isEmpty } }
        guard !candidates.isEmpty else { return [] }

        let vectors = TfIdf.vectors(units.map(\.tokens))
        let scores = score(units: units, vectors: vectors, candidates: candidates)
        let order = candidates.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
        var chosen: [Int] = []
        for u in order where chosen.count < min(wanted, candidates.count) {
            if chosen.contains(where: { TfIdf.cosine(vectors[$0], vectors[u]) >= options.redundancy }) { continue }
            chosen.append(u)
        }
        return chosen.sorted().flatMap { units[$0].ids }
    }

    private func score(units: [Unit], vectors: [[String: Double]], candidates: [Int]) -> [Double] {
        let n = units.count
        var similarity = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let s = TfIdf.cosine(vectors[i], vectors[j])
                similarity[i][j] = s
                similarity[j][i] = s
            }
        }
        let rank = Self.normalized(TextRank.scores(similarity))
        var centroid: [String: Double] = [:]
        for v in vectors { for (k, x) in v { centroid[k, default: 0] += x } }
        let toCentroid = Self.normalized(vectors.map { TfIdf.cosine($0, centroid) })

        var termCount: [String: Int] = [:]
        for unit in units { for t in unit.terms { termCount[t, default: 0] += 1 } }
        let termSalience = Self.normalized(units.map { unit in
            unit.terms.reduce(0.0) { $0 + log(1 + Double(termCount[$1] ?? 0)) }
        })
        let firstCandidate = candidates.min() ?? 0
        return units.indices.map { i in
            let position = Double(max(0, i - firstCandidate))
            var lead = exp(-position / max(0.01, options.leadDecay))
            if units[i].firstInParagraph { lead = max(lead, 0.25) }
            let centrality = 0.5 * rank[i] + 0.5 * toCentroid[i]
            return options.centralityWeight * centrality + options.leadWeight * lead + options.termWeight * termSalience[i]
        }
    }

    static func normalized(_ values: [Double]) -> [Double] {
        guard let high = values.max(), high > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / high }
    }
}
