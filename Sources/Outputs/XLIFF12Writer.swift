import BayanCore
import Interchange

/// `<stem>.xliff12.xlf`: XLIFF 1.2, for the CAT tools and converters (translate-toolkit, Amazon
/// batch translation) that read only 1.x. One `trans-unit` per sentence with the same ids as
/// the 2.1 file (`s<N>`); the file's `original` is the document id, as in the 2.1 file.
///
/// A machine-translated or edited sentence has `state="translated"` and is not approved; one a
/// reviewer approved has `approved="yes"` and `state="final"`; a blank one has no target. QA findings and glossary misses are notes from `bayan` on the target.
public struct XLIFF12Writer: OutputWriter {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func fileName(stem: String) -> String { "\(stem).xliff12.xlf" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var file = XLIFF12File.File(
            original: stem, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, datatype: "plaintext",
            tool: XLIFF12File.Tool(id: "bayan", name: BayanVersion.tool, version: BayanVersion.version),
            headerNotes: [XLIFF12File.Note(from: "bayan", text: "source file: \(result.source.file)")])
        for pair in result.pairs {
            let translated = !pair.en.allSatisfy(\.isWhitespace)
            // A reviewer's approval travels as approved="yes" + final, as the workspace shows it.
            let approved = translated && pair.review?.approved == true
            var unit = XLIFF12File.TransUnit(
                id: "s\(pair.segment.id)", approved: translated ? approved : nil, source: pair.segment.text,
                target: translated ? pair.en : nil, targetState: translated ? (approved ? "final" : "translated") : nil)
            unit.notes = pair.qa.map { XLIFF12File.Note(from: "bayan", annotates: "target", text: "\($0.check): \($0.message)") }
                + pair.terms.filter { $0.ok == false }.map {
                    XLIFF12File.Note(from: "bayan", annotates: "target", text: "glossary term \($0.ar) should be translated \"\($0.en)\"")
                }
            file.units.append(unit)
        }
        return XLIFF12File(files: [file]).render()
    }
}
