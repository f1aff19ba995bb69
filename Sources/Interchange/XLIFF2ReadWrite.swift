import BayanCore

/// XLIFF 2.x reading and writing, side by side.
extension XLIFF2File {
    public static func read(_ bytes: [UInt8], maxBytes: Int = XMLTreeReader.defaultMaxBytes) throws -> XLIFF2File {
        try read(root: XMLTreeReader.parse(bytes, kind: "XLIFF", maxBytes: maxBytes))
    }

    /// Inline elements whose content is not words of the segment.
    static let droppedInline: Set<String> = ["ph", "sc", "ec", "cp", "sm", "em", "notes", "note"]

    static func read(root: ParsedElement) throws -> XLIFF2File {
        let version = try ParsedElement.xliffVersion(root, major: 2)
        var file = XLIFF2File(version: version, srcLang: root.attribute("srcLang") ?? "", trgLang: root.attribute("trgLang"), files: [])
        for f in root.all("file") {
            var out = File(
                id: f.attribute("id") ?? "", original: f.attribute("original"), srcDir: f.attribute("srcDir"), trgDir: f.attribute("trgDir"),
                notes: notes(in: f))
            collectUnits(f, into: &out.units)
            file.files.append(out)
        }
        return file
    }

    private static func collectUnits(_ element: ParsedElement, into units: inout [Unit]) {
        for child in element.elements {
            switch child.name {
            case "group": collectUnits(child, into: &units)
            case "unit":
                var unit = Unit(id: child.attribute("id") ?? "", notes: notes(in: child), line: child.line)
                for part in child.elements {
                    switch part.name {
                    case "segment":
                        unit.parts.append(.segment(Segment(
                            id: part.attribute("id"), state: part.attribute("state").flatMap(State.init(rawValue:)),
                            subState: part.attribute("subState"),
                            source: part.child("source")?.flattenedText(dropping: droppedInline) ?? "",
                            target: part.child("target")?.flattenedText(dropping: droppedInline))))
                    case "ignorable":
                        unit.parts.append(.ignorable(id: part.attribute("id"), source: part.child("source")?.flattenedText(dropping: droppedInline) ?? ""))
                    default: break  // notes, extensions and module data
                    }
                }
                units.append(unit)
            default: break
            }
        }
    }

    private static func notes(in element: ParsedElement) -> [Note] {
        (element.child("notes")?.all("note") ?? []).map {
            Note(id: $0.attribute("id"), category: $0.attribute("category"), appliesTo: $0.attribute("appliesTo"), text: $0.flattenedText())
        }
    }

    /// XLIFF 2.1 bytes. A segment's `state` is written whenever it is known (Schematron F7
    /// requires it once `subState` is there); a segment without a target should stay `initial`.
    public func render() -> [UInt8] {
        var xml = XMLBuilder()
        xml.start("xliff", [("xmlns", Self.namespace), ("version", version), ("srcLang", srcLang), ("trgLang", trgLang)])
        for file in files {
            xml.start("file", [("id", file.id), ("original", file.original), ("srcDir", file.srcDir), ("trgDir", file.trgDir)])
            Self.write(file.notes, to: &xml)
            for unit in file.units {
                xml.start("unit", [("id", unit.id)])
                Self.write(unit.notes, to: &xml)
                for part in unit.parts {
                    switch part {
                    case .ignorable(let id, let source):
                        xml.start("ignorable", [("id", id)])
                        xml.leaf("source", [("xml:space", "preserve")], text: source)
                        xml.end()
                    case .segment(let segment):
                        xml.start("segment", [("id", segment.id), ("state", segment.state?.rawValue), ("subState", segment.subState)])
                        xml.leaf("source", text: segment.source)
                        if let target = segment.target { xml.leaf("target", text: target) }
                        xml.end()
                    }
                }
                xml.end()
            }
            xml.end()
        }
        return xml.finish()
    }

    private static func write(_ notes: [Note], to xml: inout XMLBuilder) {
        guard !notes.isEmpty else { return }
        xml.start("notes")
        for note in notes {
            xml.leaf("note", [("id", note.id), ("category", note.category), ("appliesTo", note.appliesTo)], text: note.text)
        }
        xml.end()
    }
}
