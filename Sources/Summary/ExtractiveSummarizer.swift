import BayanCore
import Foundation

/// Chooses whole Arabic sentences for the bilingual summary.
///
/// Score = lead position (news puts the essentials first; counted among body sentences, so a
/// dateline or heading does not push the lead down) + content length (content words relative to
/// the longest sentence: the informative sentences of a release are its long ones) + a bonus
/// for figures + glossary-term salience − a penalty for protocol and closing formulas
/// (welcomes, thanks, "attended by", "for enquiries"), which open and close many Arabic
/// releases and carry no news. Centrality (TextRank over tf-idf cosine similarity, with
/// similarity to the rest of the text) is available but weighted 0 by default: it lowered
/// ROUGE on our data (docs/BENCHMARKS.md). The best sentences are taken greedily, skipping
/// near-duplicates of ones already taken, and returned in document order.
///
/// Length: exactly `options.length(for:)` sentences whenever the document has that many, unless
/// a word budget (`maxWords`, counted on the English) is set: then the summary never runs past
/// it, and a sentence that does not fit is passed over for a shorter one rather than cut.
/// Headings and very short sentences (datelines) are not chosen unless nothing else is left.
/// The parts of a sentence split for an engine (`partOf`) are chosen together.
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
        var english: String?
    }

    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]]) -> [Int] {
        select(from: segments, paragraphs: paragraphs, terms: terms, english: [:], maxWords: options.maxWords)
    }

    public func select(from segments: [Segment], paragraphs: [Paragraph], terms: [Int: [TermHit]], english: [Int: String], maxWords: Int?) -> [Int] {
        let headings = Set(paragraphs.filter { $0.kind == .heading }.map(\.index))
        let units = Self.units(segments, terms: terms, english: english)
        guard !units.isEmpty else { return [] }
        let preferred = units.indices.filter {
            !headings.contains(units[$0].paragraph) && units[$0].tokens.count >= options.minTokens && !Self.isStandalone(units[$0].text)
        }
        let body = units.indices.filter { !headings.contains(units[$0].paragraph) }
        let vectors = TfIdf.vectors(units.map(\.tokens))
        let scores = score(units: units, vectors: vectors, body: body.isEmpty ? Array(units.indices) : body)
        let byScore = { (list: [Int]) in list.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 } }
        // Preferred sentences first, then other body sentences, then headings: the count is met
        // from the best that exists.
        let rest = Set(units.indices).subtracting(preferred)
        let order = byScore(preferred) + byScore(body.filter { rest.contains($0) }) + byScore(units.indices.filter { headings.contains(units[$0].paragraph) })
        let wanted = min(units.count, options.length(for: units.count))

        let budget = maxWords.map { max(0, $0) }
        var used = 0
        var chosen: [Int] = []
        func fits(_ u: Int) -> Bool {
            guard let budget else { return true }
            return used + Self.englishWords(units[u]) <= budget
        }
        func take(_ u: Int) {
            chosen.append(u)
            used += Self.englishWords(units[u])
        }
        // First pass: best sentences that are not near-duplicates of a chosen one.
        for u in order where chosen.count < wanted && fits(u) {
            if chosen.contains(where: { TfIdf.cosine(vectors[$0], vectors[u]) >= options.redundancy }) { continue }
            take(u)
        }
        // Second pass: near-duplicates too, rather than fewer sentences than asked.
        if chosen.count < wanted {
            for u in order where chosen.count < wanted && !chosen.contains(u) && fits(u) { take(u) }
        }
        return chosen.sorted().flatMap { units[$0].ids }
    }

    static func units(_ segments: [Segment], terms: [Int: [TermHit]], english: [Int: String]) -> [Unit] {
        var units: [Unit] = []
        var unitOf: [Int: Int] = [:]
        for segment in segments {
            let hits = Set((terms[segment.id] ?? []).map { $0.en.lowercased() })
            if let first = segment.partOf, let u = unitOf[first] {
                units[u].ids.append(segment.id)
                units[u].text += " " + segment.text
                units[u].tokens += SummaryTokenizer.tokens(segment.text)
                units[u].terms.formUnion(hits)
                if let en = english[segment.id] { units[u].english = (units[u].english.map { $0 + " " } ?? "") + en }
                unitOf[segment.id] = u
                continue
            }
            let firstInParagraph = units.last?.paragraph != segment.paragraph
            unitOf[segment.id] = units.count
            units.append(Unit(ids: [segment.id], paragraph: segment.paragraph, text: segment.text,
                tokens: SummaryTokenizer.tokens(segment.text), terms: hits, firstInParagraph: firstInParagraph,
                english: english[segment.id]))
        }
        return units
    }

    /// A dateline, label or caption: a few words with no sentence-final punctuation
    /// («الرياض - واس», «تنويه», «أبوظبي في 14 مارس / وام /»).
    static func isStandalone(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.unicodeScalars.last else { return true }
        let final: Set<Unicode.Scalar> = [".", "!", "?", "؟", "…", ":", "»", "\"", "\u{06D4}"]
        return !final.contains(last) && trimmed.split(whereSeparator: \.isWhitespace).count <= 8
    }

    /// English words of a unit: counted on its translation, or estimated from the Arabic when
    /// there is none yet (`bayan summarize` has no English).
    static func englishWords(_ unit: Unit) -> Int {
        if let en = unit.english { return WordCount.english(en) }
        return WordCount.estimatedEnglish(fromArabic: unit.text)
    }

    private func score(units: [Unit], vectors: [[String: Double]], body: [Int]) -> [Double] {
        let n = units.count
        let (rank, toRest) = options.centralityWeight > 0 ? Self.centrality(vectors) : (Array(repeating: 0, count: n), Array(repeating: 0, count: n))
        var termCount: [String: Int] = [:]
        for unit in units { for t in unit.terms { termCount[t, default: 0] += 1 } }
        let termSalience = Self.normalized(units.map { unit in
            unit.terms.reduce(0.0) { $0 + log(1 + Double(termCount[$1] ?? 0)) }
        })
        let longest = Double(max(1, units.map(\.tokens.count).max() ?? 1))
        var position: [Int: Int] = [:]
        for (k, u) in body.enumerated() { position[u] = k }
        return units.indices.map { i in
            let p = Double(position[i] ?? n)
            var lead = exp(-p / max(0.01, options.leadDecay))
            if units[i].firstInParagraph { lead = max(lead, options.paragraphLead) }
            let centrality = 0.5 * rank[i] + 0.5 * toRest[i]
            var s = options.centralityWeight * centrality + options.leadWeight * lead + options.termWeight * termSalience[i]
            s += options.lengthWeight * Double(units[i].tokens.count) / longest
            if SummaryCues.hasFigure(units[i].text) { s += options.figureWeight }
            if SummaryCues.isFormula(units[i].text) { s -= options.formulaPenalty }
            return s
        }
    }

    /// TextRank over tf-idf cosine similarity, and similarity to the rest of the document (the
    /// sentence's own words taken out, so a long sentence does not win by agreeing with itself).
    static func centrality(_ vectors: [[String: Double]]) -> (rank: [Double], toRest: [Double]) {
        let n = vectors.count
        var similarity = Array(repeating: Array(repeating: 0.0, count: n), count: n)
        for i in 0..<n {
            for j in (i + 1)..<n {
                let s = TfIdf.cosine(vectors[i], vectors[j])
                similarity[i][j] = s
                similarity[j][i] = s
            }
        }
        var centroid: [String: Double] = [:]
        for v in vectors { for (k, x) in v { centroid[k, default: 0] += x } }
        let toRest = vectors.map { v in
            var rest = centroid
            for (k, x) in v { rest[k, default: 0] -= x }
            return TfIdf.cosine(v, rest)
        }
        return (normalized(TextRank.scores(similarity)), normalized(toRest))
    }

    static func normalized(_ values: [Double]) -> [Double] {
        guard let high = values.max(), high > 0 else { return values.map { _ in 0 } }
        return values.map { $0 / high }
    }
}
