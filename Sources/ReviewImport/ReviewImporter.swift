import ArabicText
import BayanCore
import Foundation
import Interchange

/// Works out what a reviewed XLIFF or TMX file changes, without changing anything: the file is
/// matched to its document (by the document id Bayan wrote into it, else by its name), every
/// unit's source is checked against the document's sentence, and the result is either a plan
/// or a refusal listing every problem. All or nothing per file.
///
/// States: XLIFF 2 `reviewed`/`final` approve, `translated` edits, `initial` (or no state, or
/// an empty target) leaves the sentence alone. XLIFF 1.2 `approved="yes"` or a target state
/// `signed-off`/`final` approve, `new` leaves alone, any other non-empty target edits. A TMX
/// unit approves the sentence it matches; one that matches none is a memory-only pair.
public enum ReviewImporter {
    public static func plan(_ bytes: [UInt8], fileName: String, documents: any ReviewDocumentSource) throws -> ReviewImportPlan {
        let file: InterchangeFile
        do {
            file = try InterchangeFile.read(bytes)
        } catch let error as BayanError {
            throw ReviewImportRefusal(fileName: fileName, problems: [ReviewImportProblem(message: error.description)])
        }
        return try plan(file, fileName: fileName, documents: documents)
    }

    public static func plan(_ file: InterchangeFile, fileName: String, documents: any ReviewDocumentSource) throws -> ReviewImportPlan {
        let read = FileUnits.of(file)
        var problems: [ReviewImportProblem] = []
        if read.groups.allSatisfy({ $0.units.isEmpty }) {
            problems.append(ReviewImportProblem(message: "the file holds no translation units"))
        }
        var byDocument: [String: (document: ReviewDocument, units: [FileUnit])] = [:]
        var order: [String] = []
        for group in read.groups where !group.units.isEmpty {
            let candidates = [group.documentHint, stem(of: fileName)].compactMap { $0 }.filter { !$0.isEmpty }
            var found: ReviewDocument?
            for id in candidates where found == nil { found = try documents.document(id: id) }
            guard let document = found else {
                let tried = candidates.map { "\"\($0)\"" }.joined(separator: " or ")
                let memoryHint = file.isTMX ? "; to load its pairs into the memory without a document, use `bayan memory import --approve`" : ""
                problems.append(ReviewImportProblem(message: "no published document \(tried) under out/ (the document id comes from the file's \(group.hintPlace), else from the file name); name the file after its document, as <document>.xlf or <document>.tmx\(memoryHint)"))
                continue
            }
            if byDocument[document.id] == nil {
                byDocument[document.id] = (document, [])
                order.append(document.id)
            }
            byDocument[document.id]!.units += group.units
        }
        var planned: [DocumentChanges] = []
        var memoryOnly: [ReviewedPair] = []
        for id in order {
            let (document, units) = byDocument[id]!
            let result = match(units, to: document, tmx: file.isTMX)
            problems += result.problems
            planned.append(result.changes)
            memoryOnly += result.memoryOnly
        }
        guard problems.isEmpty else { throw ReviewImportRefusal(fileName: fileName, problems: problems) }
        var seen = Set<ReviewedPair>()
        memoryOnly = memoryOnly.filter { seen.insert(ReviewedPair(source: normalized($0.source), target: $0.target, unitID: "")).inserted }
        return ReviewImportPlan(
            fileName: fileName, format: file.formatName, reviewer: read.reviewer ?? fileName, documents: planned,
            memoryOnly: memoryOnly, skipped: read.skipped)
    }

    /// The Arabic as the translation memory compares it (normalized key, trimmed), with runs of
    /// white space made one space, since tools reflow it.
    public static func normalized(_ text: String) -> String {
        ArabicNormalizer.key(text).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `pr-1.xliff12.xlf` → `pr-1`; `pr-1 (2).tmx` (a second drop of the same name) → `pr-1`.
    public static func stem(of fileName: String) -> String {
        var name = (fileName as NSString).lastPathComponent
        let known: Set<String> = ["xlf", "xliff", "xliff12", "xliff2", "tmx", "sdlxliff", "mqxliff", "txlf"]
        while true {
            if let range = name.range(of: #" \(\d+\)$"#, options: .regularExpression) { name.removeSubrange(range) }
            let ext = (name as NSString).pathExtension.lowercased()
            guard known.contains(ext) else { return name }
            name = (name as NSString).deletingPathExtension
        }
    }

    private struct Matched {
        var changes: DocumentChanges
        var memoryOnly: [ReviewedPair] = []
        var problems: [ReviewImportProblem] = []
    }

    private static func match(_ units: [FileUnit], to document: ReviewDocument, tmx: Bool) -> Matched {
        var out = Matched(changes: DocumentChanges(documentID: document.id, changes: [], unchanged: 0, leftAlone: 0))
        let byID = Dictionary(document.segments.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var bySource: [String: [ReviewDocument.Segment]] = [:]
        for segment in document.segments { bySource[normalized(segment.source), default: []].append(segment) }
        // What each sentence is asked to become, and by which unit (to catch contradictions).
        var wanted: [Int: (english: String, action: ReviewImportChange.Action, unitID: String)] = [:]
        var wantedOrder: [Int] = []
        for unit in units {
            let key = normalized(unit.source)
            var targets: [ReviewDocument.Segment] = []
            if let id = unit.segmentID, let segment = byID[id] {
                guard normalized(segment.source) == key else {
                    out.problems.append(ReviewImportProblem(
                        unitID: unit.id, message: "its source is not the document's sentence \(id); the Arabic must not be changed in a reviewed file",
                        fileText: unit.source, documentText: segment.source))
                    continue
                }
                targets = [segment]
            } else {
                targets = key.isEmpty ? [] : bySource[key] ?? []
            }
            guard !targets.isEmpty else {
                if tmx, let english = unit.target, !english.isEmpty {
                    out.memoryOnly.append(ReviewedPair(source: unit.source.trimmingCharacters(in: .whitespacesAndNewlines), target: english, unitID: unit.id))
                } else if tmx {
                    out.changes.leftAlone += 1
                } else {
                    out.problems.append(ReviewImportProblem(
                        unitID: unit.id, message: "its source matches no sentence of document \(document.id); the Arabic must not be changed in a reviewed file",
                        fileText: unit.source))
                }
                continue
            }
            guard let english = unit.target, !english.isEmpty, let action = unit.action else {
                out.changes.leftAlone += targets.count
                continue
            }
            for segment in targets {
                if let earlier = wanted[segment.id] {
                    if earlier.english != english || earlier.action != action {
                        out.problems.append(ReviewImportProblem(
                            unitID: unit.id, message: "unit \(earlier.unitID) and this unit give sentence \(segment.id) different English or states; keep one",
                            fileText: english, documentText: earlier.english))
                    }
                    continue
                }
                wanted[segment.id] = (english, action, unit.id)
                wantedOrder.append(segment.id)
            }
        }
        for id in wantedOrder {
            guard let want = wanted[id], let segment = byID[id] else { continue }
            let current = segment.english.trimmingCharacters(in: .whitespacesAndNewlines)
            let newEnglish = want.english == current ? nil : want.english
            switch want.action {
            case .approve where newEnglish == nil && segment.approved, .edit where newEnglish == nil:
                out.changes.unchanged += 1
            default:
                out.changes.changes.append(ReviewImportChange(segmentID: id, english: newEnglish, action: want.action, unitID: want.unitID))
            }
        }
        return out
    }
}
