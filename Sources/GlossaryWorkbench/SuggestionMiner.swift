import BayanCore
import Foundation
import Glossary

/// A glossary entry proposed from reviewers' corrections.
public struct GlossarySuggestion: Sendable, Equatable, Codable {
    public struct Evidence: Sendable, Equatable, Codable {
        /// The document's folder under `out/`.
        public var document: String
        public var segments: [Int]

        public init(document: String, segments: [Int]) {
            self.document = document
            self.segments = segments
        }
    }

    /// Identifies the proposal across runs (the folded Arabic and the English): a rejected key is
    /// not proposed again.
    public var key: String
    public var ar: String
    public var en: String
    /// The engine's renderings the reviewers replaced.
    public var avoid: [String]
    public var evidence: [Evidence]
    /// Distinct reviewed sentences where the reviewers wrote `en` for this Arabic and the engine
    /// did not (a sentence reviewed again in another document counts once; `evidence` lists every copy).
    public var support: Int
    /// The entry this corrects (same Arabic, another English), or nil for a new term.
    public var replaces: GlossaryEntry?

    /// The note an accepted proposal carries, naming where it came from.
    public var note: String { "learned from reviews: " + evidenceSummary }

    /// The evidence in one line: `release-a #1, #4; release-b #2`.
    public var evidenceSummary: String {
        evidence.map { "\($0.document) #\($0.segments.map(String.init).joined(separator: ", #"))" }.joined(separator: "; ")
    }

    /// The entry as proposed (an edit of `replaces` keeps its note and avoid renderings).
    public var fields: GlossaryEntryFields {
        guard let old = replaces else { return GlossaryEntryFields(ar: ar, en: en, note: note, avoid: avoid) }
        var avoid = old.avoid
        for rendering in self.avoid + [old.en] where !avoid.contains(where: { $0.lowercased() == rendering.lowercased() }) && rendering.lowercased() != en.lowercased() {
            avoid.append(rendering)
        }
        let note = old.note.isEmpty ? self.note : old.note + "; " + self.note
        return GlossaryEntryFields(ar: old.ar, en: en, note: note, avoid: avoid, exact: old.exact)
    }

    /// A short stable id for the proposal (the first 12 hex digits of the SHA-256 of `key`).
    public var id: String { String(SHA256.hex(key).prefix(12)) }

    public static func key(ar: String, en: String) -> String {
        GlossaryValidator.matchKey(ar) + "\t" + en.lowercased()
    }
}

/// Learns glossary entries from reviews: where reviewers replaced the engine's words with the
/// same English in several segments whose Arabic shares a word or phrase (1–4 words, compared
/// without clitics the way the matcher strips them), that phrase is proposed with the reviewers'
/// English and the engine's rendering as `avoid`.
///
/// 1. Each reviewed segment's machine and reviewed English are diffed word by word; a replaced
///    run (and the run widened by one unchanged content word on either side, for multi-word
///    terms) is a candidate rendering, with the engine's words it replaced.
/// 2. A candidate pairs with an Arabic phrase when both occur in at least `minimumSupport`
///    segments, the reviewed English has the rendering in nearly every reviewed segment holding
///    the phrase (`minimumConsistency`: a phrase found all over, like «الجمارك», is not tied to
///    one edit), and no stop word begins or ends the phrase.
/// 3. Best pairs first (support, then consistency, then phrase and rendering of like length);
///    each phrase and each edit is used once. The real matcher, built over the proposed entry,
///    must find it in every evidence segment.
public enum SuggestionMiner {
    public struct Options: Sendable {
        public var minimumSupport = 2
        public var maximumWords = 4
        public var minimumConsistency = 0.8
        public init() {}
    }

    struct Token {
        var text: String
        var lower: String
    }

    struct Edit {
        var segment: Int
        var rendering: [Token]
        var replaced: [Token]
        /// The rendering starts the sentence (so its capital may be the sentence's, not the term's).
        var initial: Bool
    }

    public static func suggest(_ segments: [PublishedSegment], glossary: Glossary, decided: Set<String> = [], options: Options = Options()) -> [GlossarySuggestion] {
        // The same sentence reviewed again (a boilerplate paragraph in every release) is one piece
        // of evidence, however often it recurs: mine distinct sentences, cite every copy.
        var reviewed: [PublishedSegment] = []
        var copies: [[PublishedSegment]] = []
        var distinct: [String: Int] = [:]
        for segment in segments where segment.origin == "reviewed" && segment.mt != nil {
            let key = [CitationForm.folded(segment.ar), segment.mt?.lowercased() ?? "", segment.en.lowercased()].joined(separator: "\u{1}")
            if let i = distinct[key] {
                copies[i].append(segment)
            } else {
                distinct[key] = reviewed.count
                reviewed.append(segment)
                copies.append([segment])
            }
        }
        guard !reviewed.isEmpty else { return [] }

        // The Arabic: n-gram keys per segment, with the surface words for the citation form.
        var vocabulary: Set<String> = []
        let arabicWords = reviewed.map { words(of: $0.ar) }
        for ws in arabicWords { for w in ws { vocabulary.insert(CitationForm.folded(w)) } }
        for e in glossary.entries { for w in words(of: e.ar) { vocabulary.insert(CitationForm.folded(w)) } }
        let isKnown: (String) -> Bool = { vocabulary.contains(CitationForm.folded($0)) }
        let stop = Set(arabicStopWords.map { CitationForm.folded($0) })

        var phraseSegments: [String: Set<Int>] = [:]
        var segmentPhrases = [Set<String>](repeating: [], count: arabicWords.count)
        var phraseSurface: [String: [String: Int]] = [:]
        for (s, ws) in arabicWords.enumerated() {
            let firstKeys = ws.map { CitationForm.stemKey($0, first: true, isKnown: isKnown) }
            let laterKeys = ws.map { CitationForm.stemKey($0, first: false, isKnown: isKnown) }
            let isStop = ws.map { stop.contains(CitationForm.folded($0)) || stop.contains(CitationForm.stemKey($0, isKnown: isKnown)) }
            for i in ws.indices where !isStop[i] {
                for n in 1...options.maximumWords where i + n <= ws.count && !isStop[i + n - 1] {
                    let key = ([firstKeys[i]] + laterKeys[(i + 1)..<(i + n)]).joined(separator: " ")
                    guard key.unicodeScalars.count >= 3 else { continue }
                    phraseSegments[key, default: []].insert(s)
                    segmentPhrases[s].insert(key)
                    let surface = CitationForm.suggest(for: ws[i..<(i + n)].joined(separator: " "), isKnown: isKnown)
                    phraseSurface[key, default: [:]][surface, default: 0] += 1
                }
            }
        }

        // The English: edits per segment, and the reviewed English of every segment as tokens.
        let enTokens = reviewed.map { tokens($0.en).map(\.lower) }
        let mtTokens = reviewed.map { tokens($0.mt ?? "").map(\.lower) }
        var editsByRendering: [String: [Edit]] = [:]
        let liveMatcher = CliticTermMatcher(glossary: glossary)
        for (s, segment) in reviewed.enumerated() where segment.isReviewedCorrection {
            // The English of glossary terms found in this segment and present in its reviewed
            // English: an edit whose changed words all belong to one is explained by the glossary.
            let explained = liveMatcher.matches(in: segment.ar).map { tokens($0.en).map(\.lower) }.filter { contains(enTokens[s], $0) }
            for edit in edits(mt: tokens(segment.mt ?? ""), en: tokens(segment.en), segment: s) {
                let key = edit.rendering.map(\.lower).joined(separator: " ")
                let replaced = Set(edit.replaced.map(\.lower))
                let changed = edit.rendering.map(\.lower).filter { !replaced.contains($0) && !englishStopWords.contains($0) }
                if !changed.isEmpty && changed.allSatisfy({ word in explained.contains { $0.contains(word) } }) { continue }
                // One edit per rendering and segment.
                if editsByRendering[key]?.contains(where: { $0.segment == s }) == true { continue }
                editsByRendering[key, default: []].append(edit)
            }
        }

        // Existing entries by their phrase key.
        var existing: [String: GlossaryEntry] = [:]
        for e in glossary.entries {
            let ws = words(of: e.ar)
            guard let first = ws.first else { continue }
            let key = ([CitationForm.stemKey(first, first: true, isKnown: isKnown)] + ws.dropFirst().map { CitationForm.stemKey($0, first: false, isKnown: isKnown) }).joined(separator: " ")
            existing[key] = e
        }

        struct Candidate {
            var phrase: String
            var rendering: String
            var support: [Int]
            var consistency: Double
            var lengthGap: Int
            var renderingWords: Int
        }
        var candidates: [Candidate] = []
        for (rendering, edits) in editsByRendering {
            let supportSegments = Set(edits.map(\.segment))
            guard supportSegments.count >= options.minimumSupport else { continue }
            let words = rendering.split(separator: " ").map(String.init)
            guard words.contains(where: { !englishStopWords.contains($0) }) else { continue }
            // Phrases present in enough of these segments.
            var counts: [String: Int] = [:]
            for s in supportSegments {
                for phrase in segmentPhrases[s] { counts[phrase, default: 0] += 1 }
            }
            for (phrase, count) in counts where count >= options.minimumSupport {
                let holding = phraseSegments[phrase] ?? []
                let consistent = holding.filter { contains(enTokens[$0], words) }.count
                let consistency = Double(consistent) / Double(holding.count)
                guard consistency >= options.minimumConsistency else { continue }
                // The engine rendered it otherwise in the supporting segments.
                let support = holding.filter { supportSegments.contains($0) && !contains(mtTokens[$0], words) }.sorted()
                guard support.count >= options.minimumSupport else { continue }
                if let old = existing[phrase], old.en.lowercased() == rendering { continue }
                let phraseWords = phrase.split(separator: " ").count
                candidates.append(Candidate(
                    phrase: phrase, rendering: rendering, support: support, consistency: consistency,
                    lengthGap: abs(phraseWords - words.filter { !englishStopWords.contains($0) }.count),
                    renderingWords: words.count))
            }
        }
        candidates.sort {
            if $0.support.count != $1.support.count { return $0.support.count > $1.support.count }
            if $0.consistency != $1.consistency { return $0.consistency > $1.consistency }
            if $0.lengthGap != $1.lengthGap { return $0.lengthGap < $1.lengthGap }
            if $0.renderingWords != $1.renderingWords { return $0.renderingWords > $1.renderingWords }
            return ($0.phrase, $0.rendering) < ($1.phrase, $1.rendering)
        }

        var usedPhrases: Set<String> = []
        var usedEdits: Set<String> = []  // "segment|rendering word"
        var out: [GlossarySuggestion] = []
        for c in candidates {
            guard !usedPhrases.contains(c.phrase) else { continue }
            let renderingWords = c.rendering.split(separator: " ").map(String.init)
            // An edit already explained by a better pair (the same replaced words) is not evidence twice.
            let editKeys = c.support.flatMap { s in renderingWords.map { "\(s)|\($0)" } }
            if editKeys.contains(where: usedEdits.contains) { continue }
            guard let surface = phraseSurface[c.phrase]?.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { continue }
            let edits = editsByRendering[c.rendering] ?? []
            let en = surfaceEnglish(edits.filter { c.support.contains($0.segment) }) ?? c.rendering
            // The real matcher must find the proposed term in each evidence segment.
            let matcher = CliticTermMatcher(glossary: Glossary(entries: [GlossaryEntry(ar: surface, en: en)]))
            let verified = c.support.filter { !matcher.matches(in: reviewed[$0].ar).isEmpty }
            guard verified.count >= options.minimumSupport else { continue }
            let key = GlossarySuggestion.key(ar: surface, en: en)
            usedPhrases.insert(c.phrase)
            usedEdits.formUnion(editKeys)
            // A decided proposal keeps its evidence: a shorter phrase does not come back in its place.
            guard !decided.contains(key) else { continue }
            // The engine's renderings, most frequent first, then shortest.
            var counts: [String: (text: String, count: Int)] = [:]
            for e in edits where verified.contains(e.segment) {
                let r = e.replaced.map(\.text).joined(separator: " ")
                counts[r.lowercased(), default: (r, 0)].count += 1
            }
            let avoid = counts.values.sorted { ($1.count, $0.text.count, $0.text) < ($0.count, $1.text.count, $1.text) }.map(\.text)
            var evidence: [GlossarySuggestion.Evidence] = []
            for s in verified {
                for copy in copies[s] {
                    if let i = evidence.firstIndex(where: { $0.document == copy.document }) {
                        evidence[i].segments.append(copy.id)
                    } else {
                        evidence.append(.init(document: copy.document, segments: [copy.id]))
                    }
                }
            }
            out.append(GlossarySuggestion(
                key: key, ar: existing[c.phrase]?.ar ?? surface, en: en, avoid: avoid, evidence: evidence,
                support: verified.count, replaces: existing[c.phrase]))
        }
        return out
    }

    /// The reviewers' spelling of a rendering: as written where it does not start a sentence;
    /// where it always does, with the sentence's capital undone (unless the word is all capitals).
    static func surfaceEnglish(_ edits: [Edit]) -> String? {
        if let inner = edits.first(where: { !$0.initial }) { return inner.rendering.map(\.text).joined(separator: " ") }
        guard let first = edits.first else { return nil }
        var words = first.rendering.map(\.text)
        if let w = words.first, w.dropFirst().allSatisfy({ !$0.isUppercase }) { words[0] = w.prefix(1).lowercased() + w.dropFirst() }
        return words.joined(separator: " ")
    }

    /// Arabic words of a text, punctuation trimmed.
    static func words(of text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map {
            $0.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols))
        }.filter { !$0.isEmpty }
    }

    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        var current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber || ((ch == "-" || ch == "'" || ch == "’") && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(Token(text: current, lower: current.lowercased()))
                current = ""
            }
        }
        if !current.isEmpty { out.append(Token(text: current, lower: current.lowercased())) }
        return out
    }

    static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return false }
        for i in 0...(haystack.count - needle.count) where Array(haystack[i..<(i + needle.count)]) == needle { return true }
        return false
    }

    /// Replaced runs between the machine and the reviewed English (word LCS; runs one shared
    /// word apart are also taken as one, so «origin paper» → «certificate of origin» is found), each
    /// also widened by up to two shared words on either side (a multi-word term of which only
    /// some words changed), English stop words trimmed from both ends of both sides.
    static func edits(mt: [Token], en: [Token], segment: Int) -> [Edit] {
        let a = mt.map(\.lower), b = en.map(\.lower)
        let n = a.count, m = b.count
        guard n > 0, m > 0, n * m <= 250_000 else { return [] }
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var hunks: [(r: Range<Int>, e: Range<Int>)] = []
        var i = 0, j = 0
        var start: (Int, Int)?
        while i < n || j < m {
            if i < n && j < m && a[i] == b[j] {
                if let s = start { hunks.append((s.0..<i, s.1..<j)); start = nil }
                i += 1; j += 1
            } else {
                if start == nil { start = (i, j) }
                if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) { j += 1 } else { i += 1 }
            }
        }
        if let s = start { hunks.append((s.0..<n, s.1..<m)) }
        var merged: [(r: Range<Int>, e: Range<Int>)] = []
        for h in hunks {
            if let last = merged.last, h.r.lowerBound - last.r.upperBound <= 1, h.e.lowerBound - last.e.upperBound <= 1 {
                merged[merged.count - 1] = (last.r.lowerBound..<h.r.upperBound, last.e.lowerBound..<h.e.upperBound)
            } else {
                merged.append(h)
            }
        }
        func trimmed(_ range: Range<Int>, _ words: [String]) -> Range<Int> {
            var lo = range.lowerBound, hi = range.upperBound
            while lo < hi, englishStopWords.contains(words[lo]) { lo += 1 }
            while hi > lo, englishStopWords.contains(words[hi - 1]) { hi -= 1 }
            return lo..<hi
        }
        var out: [Edit] = []
        var seen: Set<String> = []
        // A run of as many words on both sides may be a word-for-word rewrite ("tariffication to
        // comply" → "tariff in line"): its words paired in order are candidates too.
        var paired: [(r: Range<Int>, e: Range<Int>)] = []
        for h in hunks where h.r.count == h.e.count && h.r.count > 1 {
            for k in 0..<h.r.count { paired.append((h.r.lowerBound + k..<h.r.lowerBound + k + 1, h.e.lowerBound + k..<h.e.lowerBound + k + 1)) }
        }
        // The runs as they are and merged: a neighbouring edit may belong to the term or not.
        for h in hunks + merged + paired where !h.r.isEmpty && !h.e.isEmpty {
            for left in 0...2 {
                guard h.r.lowerBound - left >= 0, h.e.lowerBound - left >= 0,
                      (0..<left).allSatisfy({ a[h.r.lowerBound - 1 - $0] == b[h.e.lowerBound - 1 - $0] }) else { break }
                for right in 0...2 {
                    guard h.r.upperBound + right <= n, h.e.upperBound + right <= m,
                          (0..<right).allSatisfy({ a[h.r.upperBound + $0] == b[h.e.upperBound + $0] }) else { break }
                    let e = trimmed((h.e.lowerBound - left)..<(h.e.upperBound + right), b)
                    let r = trimmed((h.r.lowerBound - left)..<(h.r.upperBound + right), a)
                    guard !e.isEmpty, !r.isEmpty, e.count <= 5, Array(b[e]) != Array(a[r]) else { continue }
                    guard seen.insert(b[e].joined(separator: " ")).inserted else { continue }
                    out.append(Edit(segment: segment, rendering: Array(en[e]), replaced: Array(mt[r]), initial: e.lowerBound == 0))
                }
            }
        }
        return out
    }

    static let englishStopWords: Set<String> = [
        "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "by", "with", "at", "from", "as", "is", "are",
        "was", "were", "be", "been", "this", "that", "these", "those", "its", "it", "their", "his", "her", "which",
        "who", "will", "has", "have", "had", "into", "over", "under", "than", "also", "not", "all", "during", "within",
    ]

    /// Arabic function words that neither begin nor end a term.
    static let arabicStopWords = [
        "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "لأن", "التي", "الذي", "الذين", "اللذين", "هذا", "هذه",
        "ذلك", "تلك", "مع", "كما", "قد", "وقد", "لقد", "لا", "ما", "لم", "لن", "كان", "كانت", "حيث", "بين", "خلال", "عبر",
        "بعد", "قبل", "عند", "حول", "أو", "او", "ثم", "حتى", "كل", "أي", "هو", "هي", "هم", "ضمن", "لدى", "منذ", "وفي",
        "ومن", "وعلى", "وإلى", "أنه", "أنها", "إنه", "وأن", "بأن", "إلا", "غير", "دون", "لها", "له", "فيه", "فيها", "منها",
        "عليها", "وذلك", "بها", "به", "عام", "اليوم", "أمس", "وقال", "قال", "وأكد", "أكد", "وأضاف", "أضاف",
    ]
}
