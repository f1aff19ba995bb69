import BayanCore

/// XLIFF 1.2 reading and writing, side by side. The writer's output validates against
/// xliff-core-1.2-strict.xsd (a test runs xmllint on it).
extension XLIFF12File {
    public static func read(_ bytes: [UInt8], maxBytes: Int = XMLTreeReader.defaultMaxBytes) throws -> XLIFF12File {
        try read(root: XMLTreeReader.parse(bytes, kind: "XLIFF", maxBytes: maxBytes))
    }

    static let droppedInline: Set<String> = ["x", "bx", "ex", "ph", "bpt", "ept", "it", "sub", "note"]

    static func read(root: ParsedElement) throws -> XLIFF12File {
        _ = try ParsedElement.xliffVersion(root, major: 1)
        var out = XLIFF12File(files: [])
        for f in root.all("file") {
            let header = f.child("header")
            var file = File(
                original: f.attribute("original") ?? "", sourceLanguage: f.attribute("source-language") ?? "",
                targetLanguage: f.attribute("target-language"), datatype: f.attribute("datatype") ?? "")
            if let tool = header?.child("tool") {
                file.tool = Tool(id: tool.attribute("tool-id") ?? "", name: tool.attribute("tool-name") ?? "", version: tool.attribute("tool-version"))
            }
            file.headerNotes = (header?.all("note") ?? []).map(note)
            file.phaseContacts = (header?.child("phase-group")?.all("phase") ?? []).compactMap { $0.attribute("contact-name") }
            if let body = f.child("body") { collectUnits(body, into: &file.units) }
            out.files.append(file)
        }
        return out
    }

    private static func collectUnits(_ element: ParsedElement, into units: inout [TransUnit]) {
        for child in element.elements {
            switch child.name {
            case "group": collectUnits(child, into: &units)
            case "trans-unit":
                let target = child.child("target")
                units.append(TransUnit(
                    id: child.attribute("id") ?? "", resname: child.attribute("resname"), restype: child.attribute("restype"),
                    approved: child.attribute("approved").map { $0 == "yes" },
                    source: child.child("source")?.flattenedText(dropping: droppedInline) ?? "",
                    target: target?.flattenedText(dropping: droppedInline), targetState: target?.attribute("state"),
                    notes: child.all("note").map(note), line: child.line))
            default: break  // bin-unit, extensions
            }
        }
    }

    private static func note(_ e: ParsedElement) -> Note {
        Note(from: e.attribute("from"), annotates: e.attribute("annotates"), text: e.flattenedText())
    }

    /// XLIFF 1.2 bytes, in the strict schema's element order: `header` (tool, notes) then
    /// `body`; in a unit `source`, `target`, then notes.
    public func render() -> [UInt8] {
        var xml = XMLBuilder()
        xml.start("xliff", [("xmlns", Self.namespace), ("version", "1.2")])
        for file in files {
            xml.start("file", [
                ("original", file.original), ("source-language", file.sourceLanguage),
                ("target-language", file.targetLanguage), ("datatype", file.datatype),
            ])
            if file.tool != nil || !file.headerNotes.isEmpty {
                xml.start("header")
                if let tool = file.tool {
                    xml.empty("tool", [("tool-id", tool.id), ("tool-name", tool.name), ("tool-version", tool.version)])
                }
                for note in file.headerNotes { xml.leaf("note", [("from", note.from), ("annotates", note.annotates)], text: note.text) }
                xml.end()
            }
            xml.start("body")
            for unit in file.units {
                xml.start("trans-unit", [
                    ("id", unit.id), ("resname", unit.resname), ("restype", unit.restype),
                    ("approved", unit.approved.map { $0 ? "yes" : "no" }),
                ])
                xml.leaf("source", [("xml:lang", file.sourceLanguage)], text: unit.source)
                if let target = unit.target {
                    xml.leaf("target", [("xml:lang", file.targetLanguage), ("state", unit.targetState)], text: target)
                }
                for note in unit.notes { xml.leaf("note", [("from", note.from), ("annotates", note.annotates)], text: note.text) }
                xml.end()
            }
            xml.end()
            xml.end()
        }
        return xml.finish()
    }
}
