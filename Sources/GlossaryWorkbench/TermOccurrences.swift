import ArabicText
import BayanCore
import Foundation
import Glossary

/// Where a segment is that a term matches.
public struct TermOccurrence: Sendable, Equatable, Codable {
    public enum Place: String, Sendable, Codable {
        /// A document already published under `out/` (reprocess it to apply the term).
        case published
        /// A document waiting in the inbox (the term applies when it is processed).
        case queued
    }

    public var place: Place
    /// The folder under `out/` (published) or the file name in `inbox/` (queued).
    public var document: String
    public var segment: Int
    public var ar: String
    /// The English of a published segment.
    public var en: String?
    /// The matched words in `ar`, as Unicode-scalar offsets (end exclusive), and their text.
    public var start: Int
    public var end: Int
    public var surface: String
    /// Whether the published English already uses the entry's English.
    public var englishHasTerm: Bool?
}

/// "Where else does this term occur": the segments of published and queued documents an entry
/// matches, found by the matcher the pipeline uses, over the live glossary with the entry in it
/// (so a longer term that would win a span is respected).
public enum TermOccurrences {
    /// Segments of `published` and `queued` that `entry` matches, published first, at most `limit`.
    public static func find(
        _ entry: GlossaryEntryFields, in glossary: Glossary = .empty,
        published: [PublishedSegment], queued: [(document: String, segments: [Segment])] = [], limit: Int = 500
    ) -> [TermOccurrence] {
        let key = GlossaryValidator.matchKey(entry.ar)
        var entries = glossary.entries.filter { GlossaryValidator.matchKey($0.ar) != key }
        entries.append(entry.entry(file: "", line: 0))
        let matcher = CliticTermMatcher(glossary: Glossary(entries: entries))
        var out: [TermOccurrence] = []
        func hits(_ text: String) -> [(Int, Int, String)] {
            let scalars = Array(text.unicodeScalars)
            return matcher.matches(in: text).filter { $0.ar == entry.ar && $0.end <= scalars.count }.map {
                ($0.start, $0.end, String(String.UnicodeScalarView(scalars[$0.start..<$0.end])))
            }
        }
        let english = entry.en.lowercased()
        for s in published {
            guard out.count < limit else { break }
            for (start, end, surface) in hits(s.ar).prefix(1) {
                out.append(TermOccurrence(place: .published, document: s.document, segment: s.id, ar: s.ar, en: s.en,
                                          start: start, end: end, surface: surface,
                                          englishHasTerm: s.en.lowercased().contains(english)))
            }
        }
        for doc in queued {
            for s in doc.segments {
                guard out.count < limit else { break }
                for (start, end, surface) in hits(s.text).prefix(1) {
                    out.append(TermOccurrence(place: .queued, document: doc.document, segment: s.id, ar: s.text, en: nil,
                                              start: start, end: end, surface: surface, englishHasTerm: nil))
                }
            }
        }
        return out
    }

    /// The same over a spool: `out/*/result.json` and the files waiting in `inbox/`, read and
    /// segmented as the daemon reads them (a file that cannot be read is skipped).
    public static func find(
        _ entry: GlossaryEntryFields, in glossary: Glossary = .empty, spoolRoot: String,
        reader: any DocumentReader = SniffingDocumentReader(), segmenter: any SentenceSegmenter = ArabicSentenceSegmenter(),
        limit: Int = 500
    ) -> [TermOccurrence] {
        let published = PublishedResults.segments(outDirectory: spoolRoot + "/out").segments
        return find(entry, in: glossary, published: published, queued: queuedSegments(spoolRoot: spoolRoot, reader: reader, segmenter: segmenter), limit: limit)
    }

    /// The segments of the documents waiting in `inbox/`, in name order.
    public static func queuedSegments(
        spoolRoot: String, reader: any DocumentReader = SniffingDocumentReader(), segmenter: any SentenceSegmenter = ArabicSentenceSegmenter()
    ) -> [(document: String, segments: [Segment])] {
        let inbox = spoolRoot + "/inbox"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        var out: [(document: String, segments: [Segment])] = []
        for name in names {
            guard let data = FileManager.default.contents(atPath: inbox + "/" + name),
                  let document = try? reader.read([UInt8](data), fileName: name) else { continue }
            out.append((name, segmenter.segment(document)))
        }
        return out
    }

    /// The citation form to offer for a selected Arabic span: clitics stripped by the matcher's
    /// rules, a bare proclitic only where the rest is a word of the glossary or of `words`.
    public static func citationForm(for span: String, glossary: Glossary = .empty, words: [String] = []) -> String {
        var known: Set<String> = []
        for e in glossary.entries {
            for w in e.ar.split(whereSeparator: { $0.isWhitespace }) { known.insert(CitationForm.folded(String(w))) }
        }
        for w in words { known.insert(CitationForm.folded(w)) }
        return CitationForm.suggest(for: span, isKnown: { known.contains(CitationForm.folded($0)) })
    }
}
