import BayanCore
import Interchange

/// `<stem>.xlf`: XLIFF 2.1, one `unit` per paragraph and one `segment` per sentence, so a CAT
/// tool can open the document and a reviewer can move segments to `reviewed`.
///
/// The file's `original` is the document id (the published folder's name), which a reviewed
/// file brings back to find its document; the source file's name is a file note. A segment
/// with a blank translation has no `target` and stays `initial`, as the core spec requires.
/// QA findings and glossary misses become unit notes that name their segment.
public struct XLIFFWriter: OutputWriter {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func fileName(stem: String) -> String { "\(stem).xlf" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var file = XLIFF2File.File(
            id: "f1", original: stem, srcDir: "rtl", trgDir: "ltr",
            notes: [XLIFF2File.Note(id: "source", category: "source-file", text: result.source.file)])
        var unitIDs = Set<String>()
        for (paragraph, pairs) in ParagraphRuns.of(result.pairs) {
            // A paragraph split by other content would repeat its id; ids must be unique.
            var unitID = "p\(paragraph + 1)"
            var n = 2
            while unitIDs.contains(unitID) { unitID = "p\(paragraph + 1)-\(n)"; n += 1 }
            unitIDs.insert(unitID)
            file.units.append(unit(id: unitID, pairs: pairs))
        }
        return XLIFF2File(srcLang: sourceLanguage, trgLang: targetLanguage, files: [file]).render()
    }

    /// `final` once a reviewer approved the pair, `reviewed` when a reviewer edited it without
    /// approving, `translated` for machine English, `initial` (no target) when blank.
    static func state(_ pair: AlignedPair) -> XLIFF2File.State {
        if pair.en.allSatisfy(\.isWhitespace) { return .initial }
        guard let review = pair.review else { return .translated }
        return review.approved ? .final : .reviewed
    }

    private func unit(id: String, pairs: [AlignedPair]) -> XLIFF2File.Unit {
        var unit = XLIFF2File.Unit(id: id)
        let notes = pairs.flatMap { pair -> [(String, String)] in
            pair.qa.map { ("qa", "s\(pair.segment.id) \($0.check): \($0.message)") }
                + pair.terms.filter { $0.ok == false }.map {
                    ("glossary", "s\(pair.segment.id): glossary term \($0.ar) should be translated \"\($0.en)\"")
                }
        }
        unit.notes = notes.enumerated().map { index, note in
            XLIFF2File.Note(id: "n\(index + 1)", category: note.0, appliesTo: "target", text: note.1)
        }
        for (index, pair) in pairs.enumerated() {
            if index > 0, pair.segment.start > pairs[index - 1].segment.end {
                unit.parts.append(.ignorable(id: "i\(pair.segment.id)", source: " "))
            }
            let translated = !pair.en.allSatisfy(\.isWhitespace)
            unit.parts.append(.segment(XLIFF2File.Segment(
                id: "s\(pair.segment.id)", state: Self.state(pair),
                source: pair.segment.text, target: translated ? pair.en : nil)))
        }
        return unit
    }
}

/// Consecutive pairs of one paragraph, in order (a paragraph interrupted by another starts a
/// new run).
enum ParagraphRuns {
    static func of(_ pairs: [AlignedPair]) -> [(paragraph: Int, pairs: [AlignedPair])] {
        var runs: [(paragraph: Int, pairs: [AlignedPair])] = []
        for pair in pairs {
            if let last = runs.last, last.paragraph == pair.segment.paragraph {
                runs[runs.count - 1].pairs.append(pair)
            } else {
                runs.append((pair.segment.paragraph, [pair]))
            }
        }
        return runs
    }
}
