import BayanCore

/// `<stem>.xlf`: XLIFF 2.1, one `unit` per paragraph and one `segment` per sentence, so a CAT
/// tool can open the document and a reviewer can move segments to `reviewed`.
///
/// A segment with a blank translation has no `target` and stays `initial`, as the core spec
/// requires. QA findings and glossary misses become unit notes that name their segment.
public struct XLIFFWriter: OutputWriter {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func fileName(stem: String) -> String { "\(stem).xlf" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var xml = XMLBuilder()
        xml.start("xliff", [
            ("xmlns", "urn:oasis:names:tc:xliff:document:2.0"), ("version", "2.1"),
            ("srcLang", sourceLanguage), ("trgLang", targetLanguage),
        ])
        xml.start("file", [("id", "f1"), ("original", result.source.file), ("srcDir", "rtl"), ("trgDir", "ltr")])
        var byParagraph: [(paragraph: Int, pairs: [AlignedPair])] = []
        for pair in result.pairs {
            if let last = byParagraph.last, last.paragraph == pair.segment.paragraph {
                byParagraph[byParagraph.count - 1].pairs.append(pair)
            } else {
                byParagraph.append((pair.segment.paragraph, [pair]))
            }
        }
        var unitIDs = Set<String>()
        for (paragraph, pairs) in byParagraph {
            // A paragraph split by other content would repeat its id; ids must be unique.
            var unitID = "p\(paragraph + 1)"
            var n = 2
            while unitIDs.contains(unitID) { unitID = "p\(paragraph + 1)-\(n)"; n += 1 }
            unitIDs.insert(unitID)
            writeUnit(&xml, id: unitID, pairs: pairs)
        }
        return xml.finish()
    }

    /// `final` once a reviewer approved the pair, `reviewed` when a reviewer edited it without
    /// approving, `translated` for machine English, `initial` (no target) when blank.
    static func state(_ pair: AlignedPair) -> String {
        if pair.en.allSatisfy(\.isWhitespace) { return "initial" }
        guard let review = pair.review else { return "translated" }
        return review.approved ? "final" : "reviewed"
    }

    private func writeUnit(_ xml: inout XMLBuilder, id: String, pairs: [AlignedPair]) {
        xml.start("unit", [("id", id)])
        let notes = pairs.flatMap { pair -> [(String, String)] in
            pair.qa.map { ("qa", "s\(pair.segment.id) \($0.check): \($0.message)") }
                + pair.terms.filter { $0.ok == false }.map {
                    ("glossary", "s\(pair.segment.id): glossary term \($0.ar) should be translated \"\($0.en)\"")
                }
        }
        if !notes.isEmpty {
            xml.start("notes")
            for (index, note) in notes.enumerated() {
                xml.leaf("note", [("id", "n\(index + 1)"), ("category", note.0), ("appliesTo", "target")], text: note.1)
            }
            xml.end()
        }
        for (index, pair) in pairs.enumerated() {
            if index > 0, pair.segment.start > pairs[index - 1].segment.end {
                xml.start("ignorable", [("id", "i\(pair.segment.id)")])
                xml.leaf("source", [("xml:space", "preserve")], text: " ")
                xml.end()
            }
            xml.start("segment", [("id", "s\(pair.segment.id)"), ("state", Self.state(pair))])
            xml.leaf("source", text: pair.segment.text)
            if !pair.en.allSatisfy(\.isWhitespace) { xml.leaf("target", text: pair.en) }
            xml.end()
        }
        xml.end()
    }
}
