import BayanCore
import Foundation
import Summary
import Translation

/// How the summary stage runs (config `summary.mode`, `summary.max_words`, `summary.max_share`).
public struct SummaryPlan: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        case extractive, abstractive, both
        var wantsPoints: Bool { self != .extractive }
    }

    public var mode: Mode = .extractive
    /// The extractive summary's budget in English words; 0 = none (sentence count only).
    public var maxWords = 70
    /// …and at most this share of the document's English words (whichever is shorter).
    public var maxShare = 0.25
    /// The longest key point, in words of either language.
    public var pointWords = 35

    public init() {}

    /// The budget for a document of `words` English words: the shorter of `maxWords` and
    /// `maxShare` of the document, never below 25 words (one short sentence), nil for none.
    public func budget(forDocumentWords words: Int) -> Int? {
        guard maxWords > 0 else { return nil }
        let share = Int((Double(words) * maxShare).rounded())
        return min(maxWords, max(25, share))
    }
}

/// The summary stage after translation and checks: extractive sentences within the English
/// word budget, the headline, and in `abstractive`/`both` mode the engine's key points, each
/// verified against the segments it cites. Engine failure or no surviving point falls back to
/// the extractive summary and says so; it never fails the document.
struct SummaryStage {
    let plan: SummaryPlan
    let summarizer: any Summarizer
    let translator: Translator

    func run(document: Document, segments: [Segment], pairs: [AlignedPair], glossary: TermStage,
        whileWaiting: () async -> Void = {}, afterWaiting: () async -> Void = {}) async -> (summary: [SummaryItem], extras: SummaryExtras)
    {
        let english = Dictionary(pairs.map { ($0.segment.id, $0.en) }, uniquingKeysWith: { a, _ in a })
        let termsByID = Dictionary(pairs.map { ($0.segment.id, $0.terms) }, uniquingKeysWith: { a, _ in a })
        let budget = plan.budget(forDocumentWords: pairs.reduce(0) { $0 + WordCount.english($1.en) })
        let chosen = Set(summarizer.select(from: segments, paragraphs: document.paragraphs, terms: termsByID, english: english, maxWords: budget))
        let summary = pairs.filter { chosen.contains($0.segment.id) }.map { SummaryItem(id: $0.segment.id, ar: $0.segment.text, en: $0.en) }
        var extras = SummaryExtras(mode: plan.mode.rawValue, maxWords: budget, words: summary.reduce(0) { $0 + WordCount.english($1.en) })
        extras.headline = Self.heading(document: document, pairs: pairs)
        guard plan.mode.wantsPoints else { return (summary, extras) }

        await whileWaiting()
        let abstract = await keyPoints(pairs: pairs, glossary: glossary, wantsHeadline: extras.headline == nil)
        await afterWaiting()
        extras.abstract = abstract
        if extras.headline == nil, let h = abstract.headline {
            extras.headline = Headline(en: h.en, ar: h.ar, source: .abstract, cites: h.cites)
        }
        // `abstractive`: the points are the summary; the sentences stand in only as the fallback.
        if plan.mode == .abstractive && !abstract.points.isEmpty {
            extras.words = 0
            return ([], extras)
        }
        return (summary, extras)
    }

    /// The translated heading: the first heading paragraph's segments.
    static func heading(document: Document, pairs: [AlignedPair]) -> Headline? {
        let headings = Set(document.paragraphs.filter { $0.kind == .heading }.map(\.index))
        guard let first = pairs.first(where: { headings.contains($0.segment.paragraph) })?.segment.paragraph else { return nil }
        let parts = pairs.filter { $0.segment.paragraph == first }
        let en = parts.map(\.en).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !en.isEmpty else { return nil }
        return Headline(en: en, ar: parts.map(\.segment.text).joined(separator: " "), source: .heading, cites: parts.map(\.segment.id))
    }

    func keyPoints(pairs: [AlignedPair], glossary: TermStage, wantsHeadline: Bool) async -> SummaryAbstract {
        let request = KeyPointRequest(segments: pairs.map { ($0.segment.id, $0.segment.text) }, terms: pairs.flatMap(\.terms),
            maxWords: plan.pointWords, wantsHeadline: wantsHeadline)
        let content: String
        do {
            content = try await translator.chat(system: request.system, user: request.user, responseFormat: KeyPointRequest.responseFormat)
        } catch {
            return SummaryAbstract(fallback: "the engine gave no key points (\(Self.describe(error))); the extractive summary is used")
        }
        guard let answer = KeyPointAnswer.parse(content) else {
            return SummaryAbstract(fallback: "the engine's answer is not the JSON asked for ({\"points\": [...]}); the extractive summary is used")
        }
        let verifier = KeyPointVerifier(
            maxWords: plan.pointWords, findTerms: glossary.find, checkTerms: { glossary.verify($0, $1).issues })
        // Term offsets of a pair are into the whole text; the verifier needs only ar/en.
        let sources = Dictionary(pairs.map { ($0.segment.id, KeyPointVerifier.Source(ar: $0.segment.text, terms: $0.terms)) }, uniquingKeysWith: { a, _ in a })
        var abstract = SummaryAbstract()
        for (index, point) in answer.points.enumerated() {
            if index >= request.maxPoints {
                abstract.dropped.append(DroppedPoint(point: point, reason: "more than the \(request.maxPoints) points asked for"))
            } else if let reason = verifier.problem(point, sources: sources) {
                abstract.dropped.append(DroppedPoint(point: point, reason: reason))
            } else {
                abstract.points.append(point)
            }
        }
        if wantsHeadline, let headline = answer.headline {
            let headlineCheck = KeyPointVerifier(maxWords: 15, findTerms: glossary.find, checkTerms: { glossary.verify($0, $1).issues })
            if let reason = headlineCheck.problem(headline, sources: sources) {
                abstract.headlineDropped = reason
            } else {
                abstract.headline = headline
            }
        }
        if abstract.points.isEmpty {
            abstract.fallback = answer.points.isEmpty
                ? "the engine returned no key points; the extractive summary is used"
                : "none of the engine's \(answer.points.count) key points passed verification; the extractive summary is used"
        }
        return abstract
    }

    static func describe(_ error: any Error) -> String {
        if let e = error as? BayanError { return e.cause.map { "\(e.message): \($0)" } ?? e.message }
        return String(describing: error)
    }
}
