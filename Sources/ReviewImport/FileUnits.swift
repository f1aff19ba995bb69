import BayanCore
import Foundation
import Interchange

/// One unit of a reviewed file, in a shape common to XLIFF 2, XLIFF 1.2 and TMX.
struct FileUnit: Sendable {
    /// The unit's id in the file, or "line N".
    var id: String
    /// The document's sentence id when the file carries Bayan's (`s<N>`, `x-segment-id`).
    var segmentID: Int?
    var source: String
    /// Trimmed; nil or empty when there is none.
    var target: String?
    /// What the unit's state asks for; nil leaves the sentence alone.
    var action: ReviewImportChange.Action?
}

/// The units of a file, grouped by the document each group names (one group per XLIFF
/// `<file>`, one for a TMX).
struct FileUnits {
    struct Group {
        var documentHint: String?
        /// Where the hint came from, for messages.
        var hintPlace: String
        var units: [FileUnit]
    }

    var groups: [Group]
    var reviewer: String?
    var skipped = 0

    static func of(_ file: InterchangeFile) -> FileUnits {
        switch file {
        case .xliff2(let x): return xliff2(x)
        case .xliff12(let x): return xliff12(x)
        case .tmx(let t): return tmx(t)
        }
    }

    /// `s12` → 12 (the ids Bayan writes); anything else → nil.
    static func segmentID(_ id: String?) -> Int? {
        guard let id, id.hasPrefix("s") else { return nil }
        return Int(id.dropFirst())
    }

    static func trimmed(_ text: String?) -> String? {
        text.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    static func xliff2(_ x: XLIFF2File) -> FileUnits {
        let groups = x.files.map { file in
            Group(documentHint: file.original, hintPlace: "<file original>", units: file.units.flatMap { unit in
                unit.segments.enumerated().map { index, segment in
                    let action: ReviewImportChange.Action? = switch segment.state {
                    case .reviewed, .final: .approve
                    case .translated: .edit
                    case .initial, nil: nil
                    }
                    return FileUnit(
                        id: segment.id ?? "\(unit.id)#\(index + 1)", segmentID: segmentID(segment.id), source: segment.source,
                        target: trimmed(segment.target), action: action)
                }
            })
        }
        return FileUnits(groups: groups, reviewer: nil)
    }

    static func xliff12(_ x: XLIFF12File) -> FileUnits {
        let groups = x.files.map { file in
            Group(documentHint: file.original, hintPlace: "<file original>", units: file.units.compactMap { unit -> FileUnit? in
                if unit.restype == "x-gettext-domain-header" { return nil }
                let state = unit.targetState?.lowercased()
                let action: ReviewImportChange.Action? =
                    if unit.approved == true || state == "signed-off" || state == "final" { .approve }
                    else if state == "new" { nil }
                    else { .edit }
                return FileUnit(
                    id: unit.id.isEmpty ? "line \(unit.line)" : unit.id, segmentID: segmentID(unit.id), source: unit.source,
                    target: trimmed(unit.target), action: action)
            })
        }
        let reviewer = x.files.flatMap(\.phaseContacts).last { !$0.isEmpty }
        return FileUnits(groups: groups, reviewer: reviewer)
    }

    static func tmx(_ t: TMXFile) -> FileUnits {
        let document = t.header.prop(TMXFile.documentProp)
        var skipped = 0
        var units: [FileUnit] = []
        for tu in t.units {
            guard let ar = tu.variant(base: "ar"), let en = tu.variant(base: "en"),
                !ar.text.allSatisfy(\.isWhitespace), !en.text.allSatisfy(\.isWhitespace)
            else {
                skipped += 1
                continue
            }
            // Bayan's own segment ids count only in a file that names Bayan's document.
            let id = document == nil ? nil : tu.prop("x-segment-id").flatMap { Int($0) }
            units.append(FileUnit(
                id: tu.tuid ?? "line \(tu.line)", segmentID: id, source: ar.text, target: trimmed(en.text), action: .approve))
        }
        let reviewer = t.units.compactMap(\.changeID).last { !$0.isEmpty } ?? t.header.changeID
        var out = FileUnits(groups: [Group(documentHint: document, hintPlace: "header prop \(TMXFile.documentProp)", units: units)], reviewer: reviewer)
        out.skipped = skipped
        return out
    }
}

extension InterchangeFile {
    var isTMX: Bool { if case .tmx = self { true } else { false } }
}
