import BayanCore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads the Arabic–English pairs of a TMX file (1.4b; 1.1–1.4 read the same way). Units
/// without an Arabic and an English variant are skipped and counted. Inline codes (bpt, ept,
/// ph, it) are dropped; their text is formatting, not translation.
public enum TMXReader {
    public struct Result: Sendable {
        public var units: [TranslationMemory.Unit]
        public var skipped: Int
    }

    /// Units are `approved` unless the file says they came from an engine (`x-bayan-origin`
    /// prop, as Bayan's own export writes) and `keepOrigin` is set.
    public static func read(_ data: Data, keepOrigin: Bool = true, now: Date = Date()) throws -> Result {
        if let problem = XMLInputGuard.problem([UInt8](data), kind: "TMX", plainDoctype: true) {
            throw BayanError(.badInput, problem.message, cause: "line \(problem.line)")
        }
        let delegate = Delegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        guard parser.parse() else {
            let where_ = "line \(parser.lineNumber), column \(parser.columnNumber)"
            throw BayanError(.badInput, "the TMX file is not well-formed XML (\(where_)): \(parser.parserError.map { "\($0)" } ?? "parse error")")
        }
        guard delegate.depth == 0 else {
            throw BayanError(.badInput, "the TMX file ends before its elements are closed (it may be cut short)")
        }
        guard delegate.sawTMX else { throw BayanError(.badInput, "the file is XML but not TMX (no <tmx> root element)") }
        var units: [TranslationMemory.Unit] = []
        var skipped = 0
        for tu in delegate.units {
            let ar = tu.variants.first { TranslationMemory.baseLanguage($0.lang) == "ar" }
            let en = tu.variants.first { TranslationMemory.baseLanguage($0.lang) == "en" }
            guard let ar, let en,
                !ar.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                !en.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                skipped += 1
                continue
            }
            let isMT = keepOrigin && tu.props["x-bayan-origin"]?.first == "mt"
            let scope = MemoryScope(
                engine: isMT ? tu.props["x-bayan-engine"]?.first ?? "" : "",
                model: isMT ? tu.props["x-bayan-model"]?.first ?? "" : "",
                sourceLanguage: ar.lang, targetLanguage: en.lang)
            let terms = isMT ? (tu.props["x-bayan-term"] ?? []).compactMap { value -> GlossaryEntry? in
                let parts = value.split(separator: "\t", maxSplits: 1).map(String.init)
                return parts.count == 2 ? GlossaryEntry(ar: parts[0], en: parts[1]) : nil
            } : []
            units.append(TranslationMemory.Unit(
                source: ar.text.trimmingCharacters(in: .whitespacesAndNewlines),
                target: en.text.trimmingCharacters(in: .whitespacesAndNewlines),
                origin: isMT ? .mt : .approved, scope: scope, terms: terms, createdAt: tu.date ?? now))
        }
        return Result(units: units, skipped: skipped)
    }

    struct Variant {
        var lang: String
        var text: String
    }

    struct TU {
        var variants: [Variant] = []
        var props: [String: [String]] = [:]
        var date: Date?
    }

    final class Delegate: NSObject, XMLParserDelegate {
        var units: [TU] = []
        var sawTMX = false
        var depth = 0
        private var tu: TU?
        private var lang: String?
        private var seg: String?
        private var prop: (type: String, text: String)?
        private var skipDepth = 0

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            depth += 1
            switch name {
            case "tmx": sawTMX = true
            case "tu":
                tu = TU()
                tu?.date = (attributes["changedate"] ?? attributes["creationdate"]).flatMap(Self.date)
            case "tuv": lang = attributes["xml:lang"] ?? attributes["lang"]
            case "seg": seg = ""
            case "prop": prop = (attributes["type"] ?? "", "")
            case "bpt", "ept", "ph", "it", "ut": if seg != nil { skipDepth += 1 }
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if skipDepth > 0 { return }
            if seg != nil { seg? += string } else if prop != nil { prop?.text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            depth -= 1
            switch name {
            case "tu":
                if let tu { units.append(tu) }
                tu = nil
            case "seg":
                if let seg, let lang { tu?.variants.append(Variant(lang: lang, text: seg)) }
                seg = nil
            case "tuv": lang = nil
            case "prop":
                if let prop { tu?.props[prop.type, default: []].append(prop.text) }
                prop = nil
            case "bpt", "ept", "ph", "it", "ut": if skipDepth > 0 { skipDepth -= 1 }
            default: break
            }
        }

        static func date(_ text: String) -> Date? {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return formatter.date(from: text)
        }
    }
}
