import BayanCore
import Interchange

/// `<stem>.tmx`: TMX 1.4b, one `tu` per sentence pair, for loading into a translation memory.
///
/// Pairs with a blank translation are left out: a memory entry with an empty target does harm.
/// The header's `x-bayan-document` prop is the document id (the published folder's name), which
/// a reviewed TMX brings back to find its document. No creation date is written, so the same
/// result always gives the same bytes.
public struct TMXWriter: OutputWriter {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func fileName(stem: String) -> String { "\(stem).tmx" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var props = [
            TMXFile.Prop(TMXFile.documentProp, stem),
            TMXFile.Prop("x-source-file", result.source.file),
            TMXFile.Prop("x-source-sha256", result.source.sha256),
            TMXFile.Prop("x-engine", DocumentOverview.engineLabel(result.engine)),
        ]
        if let version = result.glossaryVersion { props.append(TMXFile.Prop("x-glossary-version", version)) }
        let header = TMXFile.Header(
            creationTool: BayanVersion.tool, creationToolVersion: BayanVersion.version, oTMF: BayanVersion.tool,
            srcLang: sourceLanguage, oEncoding: "UTF-8", props: props)
        let units = result.pairs.filter { !$0.en.allSatisfy(\.isWhitespace) }.map { pair in
            TMXFile.Unit(
                tuid: "\(stem):s\(pair.segment.id)",
                notes: pair.qa.map { "QA \($0.check): \($0.message)" },
                props: [TMXFile.Prop("x-segment-id", String(pair.segment.id)), TMXFile.Prop("x-paragraph", String(pair.segment.paragraph + 1)), TMXFile.Prop("x-origin", pair.origin.rawValue)],
                variants: [TMXFile.Variant(lang: sourceLanguage, text: pair.segment.text), TMXFile.Variant(lang: targetLanguage, text: pair.en)])
        }
        return TMXFile(header: header, units: units).render()
    }
}
