import BayanCore

/// The values the document template shows for one result: headline, counts, summary, and every
/// paragraph with its sentence pairs split into runs (glossary terms marked) so the template
/// escapes all text itself. Used by `review.html` and the workspace's document page.
public struct ReviewPageModel {
    /// Workspace-only values for the editable page.
    public struct Editing {
        public var documentID: String
        public var revision: Int
        public var segmentRevisions: [Int: Int]
        public var approvedCount: Int
        public var state: String
        /// A fuzzy memory suggestion per segment id: (English, score 0...100).
        public var suggestions: [Int: (target: String, score: Int)]

        public init(
            documentID: String, revision: Int, segmentRevisions: [Int: Int], approvedCount: Int, state: String,
            suggestions: [Int: (target: String, score: Int)]
        ) {
            self.documentID = documentID
            self.revision = revision
            self.segmentRevisions = segmentRevisions
            self.approvedCount = approvedCount
            self.state = state
            self.suggestions = suggestions
        }
    }

    public let result: DocumentResult
    public let stem: String
    public let editing: Editing?

    public init(_ result: DocumentResult, stem: String, editing: Editing? = nil) {
        self.result = result
        self.stem = stem
        self.editing = editing
    }

    public var title: String { DocumentOverview(result).headline + " — Bayan review" }

    /// The document template's context.
    public var context: [String: Any] {
        let overview = DocumentOverview(result)
        var c: [String: Any] = [
            "file": result.source.file, "engine": DocumentOverview.engineLabel(result.engine),
            "headline": overview.headline, "headlineIsSource": overview.headlineIsSource,
            "counts": counts(overview), "stem": stem, "sha256": result.source.sha256,
            "tool": BayanVersion.tool, "version": BayanVersion.version,
            "hasSummary": !result.summary.isEmpty,
            "summary": result.summary.map { ["id": $0.id, "ar": $0.ar, "en": $0.en] as [String: Any] },
            "paragraphs": paragraphs(),
        ]
        if let version = result.glossaryVersion { c["glossaryVersion"] = String(version.prefix(16)) }
        if overview.headlineIsSource {
            let headingIndexes = Set(result.paragraphs.filter { $0.kind == .heading }.map(\.index))
            let heading = result.pairs.first { headingIndexes.contains($0.segment.paragraph) }?.segment.paragraph
            let english = result.pairs.filter { $0.segment.paragraph == heading }.map(\.en).joined(separator: " ")
            if !english.isEmpty { c["headlineEn"] = english }
        }
        keyPoints(into: &c)
        if let editing {
            c["editable"] = true
            c["id"] = editing.documentID
            c["revision"] = editing.revision
            c["approvedCount"] = editing.approvedCount
            c["total"] = result.pairs.count
            c["state"] = editing.state
            c["stateClass"] = editing.state.replacingOccurrences(of: " ", with: "-")
        }
        return c
    }

    /// summary.mode abstractive or both (issue 17): the engine's headline, each verified point in
    /// English and Arabic with links to the sentences it cites, the dropped ones with their
    /// reason, and why the extractive summary stands in when none survived.
    private func keyPoints(into c: inout [String: Any]) {
        let extras = result.summaryExtras
        func cites(_ ids: [Int]) -> [[String: Any]] {
            ids.enumerated().map { ["id": $0.element, "comma": $0.offset > 0] as [String: Any] }
        }
        if let headline = extras.headline, headline.source == .abstract {
            c["engineHeadline"] = ["en": headline.en, "cites": cites(headline.cites)] as [String: Any]
        }
        guard let abstract = extras.abstract else { return }
        var k: [String: Any] = [
            "points": abstract.points.map { ["en": $0.en, "ar": $0.ar, "cites": cites($0.cites)] as [String: Any] },
            "hasPoints": !abstract.points.isEmpty,
            "dropped": abstract.dropped.map { ["en": $0.point.en.isEmpty ? "(no English)" : $0.point.en, "reason": $0.reason] },
            "hasDropped": !abstract.dropped.isEmpty,
            "droppedLabel": "\(abstract.dropped.count) point\(abstract.dropped.count == 1 ? "" : "s") dropped by the checks",
        ]
        if let fallback = abstract.fallback { k["fallback"] = fallback }
        if let reason = abstract.headlineDropped { k["headlineDropped"] = reason }
        c["keyPoints"] = k
    }

    private func counts(_ o: DocumentOverview) -> [[String: Any]] {
        func count(_ n: Int, _ one: String, _ many: String, _ cls: String, suffix: String = "") -> [String: Any] {
            var c: [String: Any] = ["n": n, "label": (n == 1 ? one : many) + suffix]
            if !cls.isEmpty { c["cls"] = cls }
            return c
        }
        var out = [
            count(o.sentences, "sentence", "sentences", ""), count(o.termsOK, "term ok", "terms ok", "ok"),
            count(o.termsMissing, "term missing", "terms missing", o.termsMissing > 0 ? "missing" : ""),
        ]
        if o.termsUnverified > 0 { out.append(count(o.termsUnverified, "term unverified", "terms unverified", "")) }
        if o.issues > 0 {
            out.append(count(o.issues, "issue", "issues", "qa", suffix: " on \(o.flaggedSentences) \(o.flaggedSentences == 1 ? "sentence" : "sentences")"))
        } else {
            out.append(count(0, "issues", "issues", "clean"))
        }
        return out
    }

    private func paragraphs() -> [[String: Any]] {
        var out: [[String: Any]] = []
        var current: Int? = nil
        var pairs: [[String: Any]] = []
        func flush() {
            guard let index = current else { return }
            let kind = result.paragraphs.first { $0.index == index }?.kind ?? .paragraph
            out.append([
                "number": index + 1, "pairs": pairs,
                "kind": kind == .paragraph ? "" : kind.rawValue.replacingOccurrences(of: "_", with: " "),
            ])
        }
        for pair in result.pairs {
            if pair.segment.paragraph != current {
                flush()
                current = pair.segment.paragraph
                pairs = []
            }
            pairs.append(Self.pairContext(pair, editing: editing))
        }
        flush()
        return out
    }

    /// One pair's values (the workspace re-renders a pair from the same fields after a save).
    public static func pairContext(_ pair: AlignedPair, editing: Editing?) -> [String: Any] {
        let marks = TermMarks(pair)
        let id = pair.segment.id
        var c: [String: Any] = [
            "id": id, "flagged": !pair.qa.isEmpty, "hasIssues": !pair.qa.isEmpty,
            "approved": pair.review?.approved == true,
            "enRuns": runs(pair.en, marks.english), "arRuns": runs(pair.segment.text, marks.arabic),
            "qa": pair.qa.map { ["check": $0.check, "message": $0.message] },
            "origin": pair.origin.rawValue, "originLabel": originLabel(pair), "originTitle": originLabel(pair),
        ]
        if let review = pair.review { c["reviewedBy"] = review.by }
        if let mt = pair.mt, mt != pair.en {
            c["mtDiffers"] = true
            c["mt"] = mt
        }
        if let editing {
            c["editable"] = true
            c["revision"] = editing.segmentRevisions[id] ?? 0
            if let s = editing.suggestions[id] { c["suggestion"] = ["target": s.target, "score": s.score] as [String: Any] }
        }
        return c
    }

    /// "engine", "memory", or "reviewed by NAME, TIME" / "approved by NAME, TIME".
    public static func originLabel(_ pair: AlignedPair) -> String {
        if let review = pair.review {
            let what = review.approved ? "approved" : "edited"
            return "\(what) by \(review.by), \(review.at.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: " UTC"))"
        }
        switch pair.origin {
        case .engine: return "engine"
        case .memory: return "memory"
        case .reviewed: return "reviewed (memory)"
        }
    }

    /// A sentence cut into plain and marked runs, for the template to escape.
    public static func runs(_ text: String, _ marks: [TermMarks.Mark]) -> [[String: Any]] {
        let scalars = Array(text.unicodeScalars)
        var out: [[String: Any]] = []
        var at = 0
        func string(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            return String(view)
        }
        for mark in marks where mark.range.lowerBound >= at && mark.range.upperBound <= scalars.count {
            if mark.range.lowerBound > at { out.append(["text": string(at..<mark.range.lowerBound), "mark": false]) }
            let (cls, note): (String, String) =
                switch mark.hit.ok {
                case .some(true): ("ok", "approved term used")
                case .some(false): ("missing", "approved term NOT found in the English")
                case .none: ("unverified", "not verified")
                }
            out.append([
                "text": string(mark.range), "mark": true, "cls": cls,
                "title": "Glossary: \(mark.hit.ar) → \(mark.hit.en) (\(note))",
            ])
            at = mark.range.upperBound
        }
        if at < scalars.count { out.append(["text": string(at..<scalars.count), "mark": false]) }
        return out
    }

    /// Term marks of a pair, for API clients that redraw a sentence: each run with its class.
    public static func runList(_ pair: AlignedPair) -> (en: [[String: Any]], ar: [[String: Any]]) {
        let marks = TermMarks(pair)
        return (runs(pair.en, marks.english), runs(pair.segment.text, marks.arabic))
    }
}
