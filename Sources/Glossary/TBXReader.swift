import BayanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX-Basic: TBX v3 (`urn:iso:std:iso:30042:ed-2`, conceptEntry/langSec/termSec/term)
/// and TBX v2 (`martif`, termEntry/langSet/tig|ntig/term). For each concept, every Arabic term
/// becomes an entry with the first admitted English term; English terms marked deprecated or
/// superseded become `avoid` renderings; a note or definition becomes the note.
public enum TBXReader {
    public static func read(_ data: Data, file: String) throws -> [GlossaryEntry] {
        // A DOCTYPE can declare entities (billion laughs, external files): refuse it outright.
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if head.contains("<!doctype") || head.contains("<!entity") {
            throw BayanError(.glossary, "the TBX file declares a DOCTYPE; remove the <!DOCTYPE …> line (Bayan does not read DTDs)", cause: "line 1")
        }
        // FoundationXML traps on element names that are not valid UTF-8 (found by fuzzing), so
        // only well-formed Unicode text reaches the parser.
        guard let text = unicodeText(data) else {
            throw BayanError(.glossary, "the TBX file is not UTF-8 text (nor UTF-16 with a byte order mark); save it as UTF-8", cause: "line 1")
        }
        // …and dereferences NULL on a processing instruction without data (`<?x?>`, also found by fuzzing).
        if let line = emptyProcessingInstructionLine(text) {
            throw BayanError(.glossary, "the TBX file has an empty processing instruction `<?…?>` on line \(line); delete it", cause: "line \(line)")
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let delegate = TBXParseDelegate(file: file)
        parser.delegate = delegate
        let ok = parser.parse()
        if !ok || parser.parserError != nil || delegate.depth != 0 {
            let line = parser.lineNumber
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "unbalanced elements"
            throw BayanError(.glossary, "the TBX file is not well-formed XML (\(reason)); fix it near line \(line)", cause: "line \(line)")
        }
        if !delegate.sawRoot {
            throw BayanError(.glossary, "not a TBX file: the root element must be <tbx> (TBX v3) or <martif> (TBX v2)", cause: "line 1")
        }
        return delegate.entries
    }

    /// The text of valid UTF-8 (BOM or not), or of valid UTF-16 after a BOM; nil otherwise.
    static func unicodeText(_ data: Data) -> String? {
        let bytes = [UInt8](data)
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else {
            return String(validating: bytes, as: UTF8.self)
        }
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// The line of the first `<?target?>` with no data (or no target), which FoundationXML
    /// cannot take; nil when there is none. Conservative: it also looks inside comments.
    static func emptyProcessingInstructionLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        var line = 1
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x0A { line += 1 }
            guard b[i] == 0x3C, b[i + 1] == 0x3F else {  // "<?"
                i += 1
                continue
            }
            var k = i + 2
            while k < b.count, !isXMLSpace(b[k]), !(b[k] == 0x3F && k + 1 < b.count && b[k + 1] == 0x3E) { k += 1 }
            let hasTarget = k > i + 2
            while k < b.count, isXMLSpace(b[k]) { k += 1 }
            let closesAtOnce = k + 1 < b.count && b[k] == 0x3F && b[k + 1] == 0x3E
            if !hasTarget || closesAtOnce { return line }
            i += 2
        }
        return nil
    }

    static func isXMLSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}

/// Collects concepts while the parser walks the document.
final class TBXParseDelegate: NSObject, XMLParserDelegate {
    struct Term {
        var text = ""
        var status = ""
    }

    let file: String
    var entries: [GlossaryEntry] = []
    var depth = 0
    var sawRoot = false

    private var conceptLine = 0
    private var inConcept = false
    private var language = ""
    private var terms: [String: [Term]] = [:]
    private var notes: [String] = []
    private var current: Term?
    private var text = ""
    private var capturing: String?  // "term", "note", "status"
    private var stack: [String] = []

    init(file: String) { self.file = file }

    private static func local(_ name: String) -> String {
        if let colon = name.lastIndex(of: ":") { return String(name[name.index(after: colon)...]) }
        return name
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes: [String: String] = [:]) {
        depth += 1
        let name = Self.local(elementName)
        stack.append(name)
        if depth == 1 { sawRoot = name == "tbx" || name == "martif" }
        switch name {
        case "conceptEntry", "termEntry":
            inConcept = true
            conceptLine = parser.lineNumber
            terms = [:]
            notes = []
        case "langSec", "langSet":
            language = (attributes["xml:lang"] ?? attributes["lang"] ?? "").lowercased()
        case "termSec", "tig", "ntig":
            current = Term()
        case "term":
            capturing = "term"
            text = ""
        case "termNote" where attributes["type"] == "administrativeStatus":
            capturing = "status"
            text = ""
        case "note" where inConcept, "descrip" where inConcept:
            capturing = "note"
            text = ""
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if capturing != nil { text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        depth -= 1
        let name = Self.local(elementName)
        if !stack.isEmpty { stack.removeLast() }
        switch name {
        case "term" where capturing == "term":
            current?.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            capturing = nil
        case "termNote" where capturing == "status":
            current?.status = text.trimmingCharacters(in: .whitespacesAndNewlines)
            capturing = nil
        case "note", "descrip":
            if capturing == "note" {
                let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if !note.isEmpty { notes.append(note) }
                capturing = nil
            }
        case "termSec", "tig", "ntig":
            if let term = current, !term.text.isEmpty {
                let lang = language.split(separator: "-").first.map(String.init) ?? language
                terms[lang, default: []].append(term)
            }
            current = nil
        case "conceptEntry", "termEntry":
            finishConcept()
            inConcept = false
        default:
            break
        }
    }

    private func finishConcept() {
        let english = terms["en"] ?? []
        let discouraged = english.filter { Self.isDiscouraged($0.status) }
        let admitted = english.filter { !Self.isDiscouraged($0.status) }
        guard let preferred = admitted.first(where: { $0.status.hasPrefix("preferred") }) ?? admitted.first else { return }
        // TBXWriter keeps `match = exact` as a note; read it back as the flag.
        let exact = notes.contains("match: exact")
        let note = notes.filter { $0 != "match: exact" }.joined(separator: "; ")
        for arabic in (terms["ar"] ?? []) where !Self.isDiscouraged(arabic.status) {
            entries.append(GlossaryEntry(
                ar: arabic.text, en: preferred.text, note: note,
                avoid: discouraged.map(\.text), exact: exact, file: file, line: conceptLine))
        }
    }

    private static func isDiscouraged(_ status: String) -> Bool {
        status.hasPrefix("deprecated") || status.hasPrefix("superseded")
    }
}
