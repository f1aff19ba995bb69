import BayanCore
import Foundation
import Interchange

/// The memory's TMX export and import, as adapters between memory units and the one TMX model
/// (`Interchange.TMXFile`). Bayan's metadata travels as `x-bayan-*` props, so an export can be
/// imported back unchanged.
public enum MemoryTMX {
    public struct Result: Sendable {
        public var units: [TranslationMemory.Unit]
        /// Units without both an Arabic and an English variant with text.
        public var skipped: Int
    }

    /// Arabic–English pairs of a TMX file from any tool (languages from each `tuv`'s
    /// `xml:lang`). Units are `approved` unless the file says they came from an engine
    /// (`x-bayan-origin` prop, as Bayan's own export writes) and `keepOrigin` is set.
    public static func read(_ data: Data, keepOrigin: Bool = true, now: Date = Date()) throws -> Result {
        let file = try TMXFile.read([UInt8](data))
        var units: [TranslationMemory.Unit] = []
        var skipped = 0
        for tu in file.units {
            guard let ar = tu.variant(base: "ar"), let en = tu.variant(base: "en"),
                !ar.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
                !en.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                skipped += 1
                continue
            }
            let isMT = keepOrigin && tu.prop("x-bayan-origin") == "mt"
            let scope = MemoryScope(
                engine: isMT ? tu.prop("x-bayan-engine") ?? "" : "",
                model: isMT ? tu.prop("x-bayan-model") ?? "" : "",
                sourceLanguage: ar.lang, targetLanguage: en.lang)
            let terms = isMT ? tu.props("x-bayan-term").compactMap { value -> GlossaryEntry? in
                let parts = value.split(separator: "\t", maxSplits: 1).map(String.init)
                return parts.count == 2 ? GlossaryEntry(ar: parts[0], en: parts[1]) : nil
            } : []
            units.append(TranslationMemory.Unit(
                source: ar.text.trimmingCharacters(in: .whitespacesAndNewlines),
                target: en.text.trimmingCharacters(in: .whitespacesAndNewlines),
                origin: isMT ? .mt : .approved, scope: scope, terms: terms,
                createdAt: (tu.changeDate ?? tu.creationDate).flatMap(TMXFile.date) ?? now))
        }
        return Result(units: units, skipped: skipped)
    }

    /// Every unit as TMX 1.4b, Arabic first.
    public static func write(_ units: [TranslationMemory.Unit], now: Date = Date()) -> String {
        let header = TMXFile.Header(
            creationTool: "bayan", creationToolVersion: BayanVersion.string, oTMF: "bayan-memory",
            srcLang: "ar", creationDate: TMXFile.stamp(now))
        let tus = units.map { unit in
            var props = [TMXFile.Prop("x-bayan-origin", unit.origin.rawValue)]
            if unit.origin == .mt {
                props.append(TMXFile.Prop("x-bayan-engine", unit.scope.engine))
                if !unit.scope.model.isEmpty { props.append(TMXFile.Prop("x-bayan-model", unit.scope.model)) }
            }
            props += unit.terms.map { TMXFile.Prop("x-bayan-term", $0.ar + "\t" + $0.en) }
            return TMXFile.Unit(
                creationDate: TMXFile.stamp(unit.createdAt),
                creationID: unit.origin == .approved ? "approved" : "mt:" + unit.scope.engine,
                props: props,
                variants: [
                    TMXFile.Variant(lang: unit.scope.sourceLanguage, text: unit.source),
                    TMXFile.Variant(lang: unit.scope.targetLanguage, text: unit.target),
                ])
        }
        return String(decoding: TMXFile(header: header, units: tus).render(), as: UTF8.self)
    }
}
