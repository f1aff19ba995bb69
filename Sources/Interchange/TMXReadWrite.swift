import BayanCore

/// TMX 1.4b reading and writing, side by side (1.1–1.4 files read the same way).
extension TMXFile {
    /// Reads a TMX file from any tool. Inline codes (`bpt ept ph it ut`) are dropped from the
    /// segments: their content is formatting, not words. Languages are taken from each
    /// `<tuv xml:lang>` (tools do not always set the header's `srclang` right).
    public static func read(_ bytes: [UInt8], maxBytes: Int = XMLTreeReader.defaultMaxBytes) throws -> TMXFile {
        try read(root: XMLTreeReader.parse(bytes, kind: "TMX", maxBytes: maxBytes))
    }

    static func read(root: ParsedElement) throws -> TMXFile {
        guard root.name == "tmx" else {
            throw BayanError(.badInput, "the file is XML but not TMX (its root element is <\(root.name)>, not <tmx>)")
        }
        let h = root.child("header")
        var header = Header(
            creationTool: h?.attribute("creationtool") ?? "", creationToolVersion: h?.attribute("creationtoolversion") ?? "",
            segType: h?.attribute("segtype") ?? "sentence", oTMF: h?.attribute("o-tmf") ?? "",
            adminLang: h?.attribute("adminlang") ?? "", srcLang: h?.attribute("srclang") ?? "",
            dataType: h?.attribute("datatype") ?? "", oEncoding: h?.attribute("o-encoding"),
            creationDate: h?.attribute("creationdate"), creationID: h?.attribute("creationid"), changeID: h?.attribute("changeid"))
        header.props = (h?.all("prop") ?? []).map { Prop($0.attribute("type") ?? "", $0.flattenedText()) }
        var units: [Unit] = []
        for tu in root.child("body")?.all("tu") ?? [] {
            var unit = Unit(
                tuid: tu.attribute("tuid"), creationDate: tu.attribute("creationdate"), creationID: tu.attribute("creationid"),
                changeDate: tu.attribute("changedate"), changeID: tu.attribute("changeid"), line: tu.line)
            unit.notes = tu.all("note").map { $0.flattenedText() }
            unit.props = tu.all("prop").map { Prop($0.attribute("type") ?? "", $0.flattenedText()) }
            for tuv in tu.all("tuv") {
                guard let lang = tuv.attribute("xml:lang") ?? tuv.attribute("lang"), let seg = tuv.child("seg") else { continue }
                unit.variants.append(Variant(lang: lang, text: seg.flattenedText(dropping: inlineCodes)))
            }
            units.append(unit)
        }
        return TMXFile(header: header, units: units)
    }

    static let inlineCodes: Set<String> = ["bpt", "ept", "ph", "it", "ut"]

    /// TMX 1.4b bytes: the header's attributes in the order the DTD lists them, notes and props
    /// before the variants in each `tu`, one line per element. Nothing here depends on the clock,
    /// so the same file always gives the same bytes.
    public func render() -> [UInt8] {
        var xml = XMLBuilder()
        xml.start("tmx", [("version", "1.4")])
        let headerAttributes: [(String, String?)] = [
            ("creationtool", header.creationTool), ("creationtoolversion", header.creationToolVersion),
            ("segtype", header.segType), ("o-tmf", header.oTMF), ("adminlang", header.adminLang),
            ("srclang", header.srcLang), ("datatype", header.dataType), ("o-encoding", header.oEncoding),
            ("creationdate", header.creationDate), ("creationid", header.creationID), ("changeid", header.changeID),
        ]
        if header.props.isEmpty {
            xml.empty("header", headerAttributes)
        } else {
            xml.start("header", headerAttributes)
            for prop in header.props { xml.leaf("prop", [("type", prop.type)], text: prop.value) }
            xml.end()
        }
        xml.start("body")
        for unit in units {
            xml.start("tu", [
                ("tuid", unit.tuid), ("creationdate", unit.creationDate), ("creationid", unit.creationID),
                ("changedate", unit.changeDate), ("changeid", unit.changeID),
            ])
            for note in unit.notes { xml.leaf("note", text: note) }
            for prop in unit.props { xml.leaf("prop", [("type", prop.type)], text: prop.value) }
            for variant in unit.variants {
                xml.start("tuv", [("xml:lang", variant.lang)])
                xml.leaf("seg", text: variant.text)
                xml.end()
            }
            xml.end()
        }
        return xml.finish()
    }
}
