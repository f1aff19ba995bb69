import Foundation

/// Turns the rows of one TSV/CSV glossary file into entries, reporting problems of shape (header,
/// column count, `match` values). Field content is checked by `GlossaryValidator`.
public enum GlossaryFileParser {
    public static let knownColumns = ["ar", "en", "note", "avoid", "match"]

    /// Separators accepted between several `avoid` renderings in one cell.
    static let avoidSeparators: Set<Character> = ["|", ";"]

    public static func parse(
        _ text: String, file: String, delimiter: Unicode.Scalar
    ) -> (entries: [GlossaryEntry], problems: [GlossaryProblem]) {
        let table = DelimitedTable.parse(text, delimiter: delimiter)
        var problems: [GlossaryProblem] = []
        let sep = delimiter == "\t" ? "TAB" : "\"\(delimiter)\""
        guard let header = table.rows.first else {
            return ([], [GlossaryProblem(
                file: file, line: 1,
                message: "the file has no header row; start it with the line `ar\(sep)en\(sep)note`")])
        }
        var columns: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            if name.isEmpty && index == header.fields.count - 1 { continue }  // trailing delimiter
            guard knownColumns.contains(name) else {
                problems.append(GlossaryProblem(
                    file: file, line: header.line,
                    message: "unknown column \"\(raw)\" in the header; use \(knownColumns.joined(separator: ", ")) (is the header row missing?)"))
                continue
            }
            if columns[name] != nil {
                problems.append(GlossaryProblem(
                    file: file, line: header.line, message: "column \"\(name)\" appears twice in the header; delete one"))
            } else {
                columns[name] = index
            }
        }
        guard let arColumn = columns["ar"], let enColumn = columns["en"] else {
            problems.append(GlossaryProblem(
                file: file, line: header.line,
                message: "the header must name the columns `ar` and `en` (e.g. `ar\(sep)en\(sep)note`)"))
            return ([], problems)
        }
        let width = header.fields.count
        var entries: [GlossaryEntry] = []
        for row in table.rows.dropFirst() {
            var fields = row.fields
            // A spreadsheet may leave trailing empty cells; they are not extra columns.
            while fields.count > width, fields.last?.isEmpty == true { fields.removeLast() }
            if fields.count > width {
                problems.append(GlossaryProblem(
                    file: file, line: row.line,
                    message: "\(fields.count) columns but the header has \(width); remove the extra \(sep) or quote the cell that contains it"))
                continue
            }
            func cell(_ name: String) -> String {
                guard let i = columns[name], i < fields.count else { return "" }
                return fields[i]
            }
            if fields.count <= max(arColumn, enColumn) {
                problems.append(GlossaryProblem(
                    file: file, line: row.line,
                    message: "\(fields.count) column\(fields.count == 1 ? "" : "s") but the header has \(width); separate Arabic and English with a \(sep)"))
                continue
            }
            let matchValue = cell("match").trimmingCharacters(in: .whitespaces).lowercased()
            if !matchValue.isEmpty && matchValue != "exact" {
                problems.append(GlossaryProblem(
                    file: file, line: row.line,
                    message: "match is \"\(cell("match"))\"; leave it empty or write `exact`"))
            }
            let avoid = cell("avoid")
                .split(whereSeparator: { avoidSeparators.contains($0) })
                .map { String($0) }
                .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            entries.append(GlossaryEntry(
                ar: fields[arColumn], en: fields[enColumn], note: cell("note"), avoid: avoid,
                exact: matchValue == "exact", file: file, line: row.line))
        }
        return (entries, problems)
    }

    /// The delimiter of a CSV file: a semicolon when the header has one and no comma (Excel in
    /// locales that use a decimal comma), else a comma.
    public static func csvDelimiter(of text: String) -> Unicode.Scalar {
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .first(where: { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
        if firstLine.contains(";") && !firstLine.contains(",") { return ";" }
        return ","
    }
}
