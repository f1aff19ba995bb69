import BayanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads TBX-Basic: TBX v3 (`urn:iso:std:iso:30042:ed-2`, conceptEntry/langSec/termSec/term)
/// and TBX v2 (`martif`, termEntry/langSet/tig|ntig/term). For each concept, every Arabic term
/// becomes an entry with the first admitted English term; English terms marked deprecated or
/// superseded become `avoid` renderings; a note or definition becomes the note, except a
/// `<note>match: exact</note>`, which is `TBXWriter`'s mark for an entry matched exactly.
public enum TBXReader {
    public static func read(_ data: Data, file: String) throws -> [GlossaryEntry] {
        if let problem = XMLInputGuard.problem([UInt8](data), kind: "TBX") {
            throw BayanError(.glossary, problem.message, cause: "line \(problem.line)")
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
    private var exact = false
    private var current: Term?
    private var text = ""
    private var capturing: String?  // "term", "note" (`note`), "descrip", "status"
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
            exact = false
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
            capturing = name
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
            if capturing == name {
                let note = text.trimmingCharacters(in: .whitespacesAndNewlines)
                if name == "note" && note == TBXWriter.exactMark {
                    exact = true
                } else if !note.isEmpty {
                    notes.append(note)
                }
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
        let note = notes.joined(separator: "; ")
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
