import BayanCore

/// `<stem>.tmx`: TMX 1.4b, one `tu` per sentence pair, for loading into a translation memory.
///
/// Pairs with a blank translation are left out: a memory entry with an empty target does harm.
/// No creation date is written, so the same result always gives the same bytes.
public struct TMXWriter: OutputWriter {
    public var sourceLanguage: String
    public var targetLanguage: String

    public init(sourceLanguage: String = "ar", targetLanguage: String = "en") {
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    public func fileName(stem: String) -> String { "\(stem).tmx" }

    public func render(_ result: DocumentResult, stem: String) throws -> [UInt8] {
        var xml = XMLBuilder()
        xml.start("tmx", [("version", "1.4")])
        xml.start("header", [
            ("creationtool", BayanVersion.tool), ("creationtoolversion", BayanVersion.version),
            ("segtype", "sentence"), ("o-tmf", BayanVersion.tool), ("adminlang", "en"),
            ("srclang", sourceLanguage), ("datatype", "plaintext"), ("o-encoding", "UTF-8"),
        ])
        xml.leaf("prop", [("type", "x-source-file")], text: result.source.file)
        xml.leaf("prop", [("type", "x-source-sha256")], text: result.source.sha256)
        xml.leaf("prop", [("type", "x-engine")], text: DocumentOverview.engineLabel(result.engine))
        if let version = result.glossaryVersion {
            xml.leaf("prop", [("type", "x-glossary-version")], text: version)
        }
        xml.end()
        xml.start("body")
        for pair in result.pairs where !pair.en.allSatisfy(\.isWhitespace) {
            xml.start("tu", [("tuid", "\(stem):s\(pair.segment.id)")])
            for issue in pair.qa {
                xml.leaf("note", text: "QA \(issue.check): \(issue.message)")
            }
            xml.leaf("prop", [("type", "x-segment-id")], text: String(pair.segment.id))
            xml.leaf("prop", [("type", "x-paragraph")], text: String(pair.segment.paragraph + 1))
            xml.leaf("prop", [("type", "x-origin")], text: pair.origin.rawValue)
            xml.start("tuv", [("xml:lang", sourceLanguage)])
            xml.leaf("seg", text: pair.segment.text)
            xml.end()
            xml.start("tuv", [("xml:lang", targetLanguage)])
            xml.leaf("seg", text: pair.en)
            xml.end()
            xml.end()
        }
        return xml.finish()
    }
}
