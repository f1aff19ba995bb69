import Foundation

/// How one TSV/CSV glossary file is laid out: what an editor needs to write a row the file's own
/// way (which column holds what, where extra columns are, the delimiter).
public struct GlossaryFileLayout: Sendable, Equatable {
    public var delimiter: Unicode.Scalar
    /// No header row: DeepL's two-column format, Arabic then English.
    public var headerless: Bool
    /// The header row (nil when `headerless`).
    public var header: DelimitedTable.Row?
    /// Known column name → index. Unknown columns are absent here and kept as they are.
    public var columns: [String: Int]
    /// The number of columns a row may have (the header's, or 2 when headerless).
    public var width: Int
}

/// One TSV/CSV file read: its entries, its problems (errors, warnings, notes), its rows and layout.
public struct ParsedGlossaryFile: Sendable {
    public var entries: [GlossaryEntry]
    public var problems: [GlossaryProblem]
    /// Nil when the file has no usable header (it names no `ar`/`en` and is not plainly data).
    public var layout: GlossaryFileLayout?
    public var table: DelimitedTable
    /// The data rows the entries came from, one per entry, in order.
    public var entryRows: [DelimitedTable.Row]

    public init(entries: [GlossaryEntry], problems: [GlossaryProblem], layout: GlossaryFileLayout?,
                table: DelimitedTable, entryRows: [DelimitedTable.Row]) {
        self.entries = entries
        self.problems = problems
        self.layout = layout
        self.table = table
        self.entryRows = entryRows
    }
}

/// Turns the rows of one TSV/CSV glossary file into entries, reporting problems of shape (header,
/// column count, `match` values). Field content is checked by `GlossaryValidator`.
public enum GlossaryFileParser {
    public static let knownColumns = ["ar", "en", "note", "avoid", "match"]

    /// Header names people give these columns in their own spreadsheets, for a did-you-mean.
    static let aliases: [String: String] = [
        "arabic": "ar", "ara": "ar", "arabic term": "ar", "source": "ar", "term": "ar", "عربي": "ar", "العربية": "ar",
        "english": "en", "eng": "en", "english term": "en", "target": "en", "translation": "en", "الإنجليزية": "en",
        "notes": "note", "comment": "note", "comments": "note", "remark": "note", "remarks": "note",
        "avoids": "avoid", "deprecated": "avoid", "forbidden": "avoid", "do not use": "avoid",
        "exact": "match", "matching": "match",
    ]

    /// Separators accepted between several `avoid` renderings in one cell.
    static let avoidSeparators: Set<Character> = ["|", ";"]

    public static func parse(
        _ text: String, file: String, delimiter: Unicode.Scalar
    ) -> (entries: [GlossaryEntry], problems: [GlossaryProblem]) {
        let parsed = parseFile(text, file: file, delimiter: delimiter)
        return (parsed.entries, parsed.problems)
    }

    /// The column a header cell most likely meant, or nil.
    public static func suggestion(forColumn raw: String) -> String? {
        let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
        if let alias = aliases[name] { return alias }
        return knownColumns.first { editDistance(Array(name), Array($0)) == 1 && name.count > 1 }
    }

    /// Whether a first row is plainly data of DeepL's format: two cells, Arabic then Latin script.
    static func isPlainDataRow(_ fields: [String]) -> Bool {
        var cells = fields
        while cells.count > 2, cells.last?.isEmpty == true { cells.removeLast() }
        guard cells.count == 2 else { return false }
        if cells.contains(where: { knownColumns.contains($0.trimmingCharacters(in: .whitespaces).lowercased()) }) { return false }
        let ar = cells[0].unicodeScalars, en = cells[1].unicodeScalars
        let latin: (Unicode.Scalar) -> Bool = { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
        return ar.contains(where: GlossaryValidator.isArabicLetter) && !ar.contains(where: latin)
            && en.contains(where: latin) && !en.contains(where: GlossaryValidator.isArabicLetter)
    }

    public static func parseFile(_ text: String, file: String, delimiter: Unicode.Scalar) -> ParsedGlossaryFile {
        var table = DelimitedTable.parse(text, delimiter: delimiter)
        // Excel's `sep=;` first line names the delimiter; it is not the header.
        if let first = table.rows.first, first.fields.joined(separator: String(delimiter)).lowercased().hasPrefix("sep=") {
            table.rows.removeFirst()
        }
        var problems: [GlossaryProblem] = []
        let sep = delimiter == "\t" ? "TAB" : "\"\(delimiter)\""
        guard let header = table.rows.first else {
            return ParsedGlossaryFile(entries: [], problems: [GlossaryProblem(
                file: file, line: 1,
                message: "the file has no header row; start it with the line `\(headerLine(["ar", "en", "note"], delimiter: delimiter))`")],
                layout: nil, table: table, entryRows: [])
        }
        var columns: [String: Int] = [:]
        let headerless = isPlainDataRow(header.fields)
        let width: Int
        if headerless {
            columns = ["ar": 0, "en": 1]
            width = 2
            problems.append(GlossaryProblem(
                file: file, line: header.line,
                message: "no header row: read as two columns, Arabic\(sep == "TAB" ? " TAB " : sep)English (DeepL's glossary format); to add note, avoid or match columns, put the header `\(headerLine(knownColumns, delimiter: delimiter))` first",
                severity: .note))
        } else {
            for (index, raw) in header.fields.enumerated() {
                let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
                if name.isEmpty && index == header.fields.count - 1 { continue }  // trailing delimiter
                guard knownColumns.contains(name) else {
                    let shown = raw.isEmpty ? "(unnamed, column \(index + 1))" : "\"\(raw)\""
                    let hint = suggestion(forColumn: raw).map { "; did you mean `\($0)`? (rename the header cell to use it)" }
                        ?? " (Bayan reads \(knownColumns.joined(separator: ", ")))"
                    problems.append(GlossaryProblem(
                        file: file, line: header.line,
                        message: "unknown column \(shown) in the header is kept and ignored\(hint)",
                        severity: .warning, field: suggestion(forColumn: raw)))
                    continue
                }
                if columns[name] != nil {
                    problems.append(GlossaryProblem(
                        file: file, line: header.line, message: "column \"\(name)\" appears twice in the header; delete one", field: name))
                } else {
                    columns[name] = index
                }
            }
            width = header.fields.count
        }
        let layout = GlossaryFileLayout(
            delimiter: delimiter, headerless: headerless, header: headerless ? nil : header, columns: columns, width: width)
        guard let arColumn = columns["ar"], let enColumn = columns["en"] else {
            problems.append(GlossaryProblem(
                file: file, line: header.line,
                message: "the header must name the columns `ar` and `en` (e.g. `\(headerLine(["ar", "en", "note"], delimiter: delimiter))`); if the first line is an entry, put such a header line above it"))
            return ParsedGlossaryFile(entries: [], problems: problems, layout: nil, table: table, entryRows: [])
        }
        var entries: [GlossaryEntry] = []
        var entryRows: [DelimitedTable.Row] = []
        for row in headerless ? table.rows[...] : table.rows.dropFirst() {
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
                    message: "match is \"\(cell("match"))\"; leave it empty or write `exact`", field: "match"))
            }
            entries.append(GlossaryEntry(
                ar: fields[arColumn], en: fields[enColumn], note: cell("note"), avoid: splitAvoid(cell("avoid")),
                exact: matchValue == "exact", file: file, line: row.line))
            entryRows.append(row)
        }
        return ParsedGlossaryFile(entries: entries, problems: problems, layout: layout, table: table, entryRows: entryRows)
    }

    /// A header row as messages show it: `ar<TAB>en<TAB>note`, or `ar;en;note` for a CSV.
    public static func headerLine(_ names: [String], delimiter: Unicode.Scalar) -> String {
        names.joined(separator: delimiter == "\t" ? "<TAB>" : String(delimiter))
    }

    /// The renderings of one `avoid` cell.
    public static func splitAvoid(_ cell: String) -> [String] {
        cell.split(whereSeparator: { avoidSeparators.contains($0) })
            .map { String($0) }
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// The delimiter of a CSV file: Excel's `sep=X` first line when there is one; else a
    /// semicolon when the first row has one and no comma (Excel and LibreOffice in locales that
    /// use a decimal comma), else a comma.
    public static func csvDelimiter(of text: String) -> Unicode.Scalar {
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .first(where: { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }) ?? ""
        let lower = firstLine.lowercased()
        if lower.hasPrefix("sep="), lower.unicodeScalars.count == 5, let s = firstLine.unicodeScalars.last { return s }
        if firstLine.contains(";") && !firstLine.contains(",") { return ";" }
        if firstLine.contains("\t") && !firstLine.contains(",") && !firstLine.contains(";") { return "\t" }
        return ","
    }

    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
