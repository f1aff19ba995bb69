import Foundation

/// Writes the editable TSV form: header `ar	en	note	avoid	match`, one entry per line.
/// A cell that `DelimitedTable` would read differently as it stands (a line break in a note, a
/// leading quote, a leading `#` that would make the line a comment) is written quoted, so that
/// every valid glossary reads back unchanged (a fuzzer found notes with line breaks that came back
/// with stray spaces). Tabs cannot occur in valid entries; any that do become spaces.
public enum GlossaryTSVWriter {
    public static func write(_ entries: [GlossaryEntry]) -> String {
        var out = "ar\ten\tnote\tavoid\tmatch\n"
        for e in entries {
            let cells = [e.ar, e.en, e.note, e.avoid.joined(separator: "|"), e.exact ? "exact" : ""].map(cell)
            out += cells.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// What `write` cannot keep: an `avoid` rendering holding `|` or `;` (possible in TBX) would
    /// read back from the TSV as several renderings.
    public static func problems(_ entries: [GlossaryEntry]) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        for e in entries {
            for rendering in e.avoid {
                guard let separator = rendering.first(where: { GlossaryFileParser.avoidSeparators.contains($0) }) else { continue }
                problems.append(GlossaryProblem(
                    file: e.file, line: e.line,
                    message: "the avoid rendering \"\(rendering)\" of «\(e.ar)» contains '\(separator)', which separates renderings in the TSV avoid column, so the TSV would read it as several; remove the character or split the term in the source file"))
            }
        }
        return problems
    }

    static func cell(_ s: String) -> String { DelimitedTable.cell(s, delimiter: "\t") }
}
