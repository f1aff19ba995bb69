import Foundation

/// Rows of a TSV or CSV file as a text editor or a spreadsheet writes it: optional BOM (UTF-8 or
/// UTF-16), CRLF or LF, fields quoted with `"` when they start with one (`""` inside is a quote),
/// `#` comment lines and blank lines skipped. Each row keeps the 1-based line it starts on.
public struct DelimitedTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
        /// Where the row stands in the parsed text, in Unicode scalars, without its line break
        /// (so an editor can replace one row and leave every other byte as it was).
        public var scalars: Range<Int> = 0..<0

        public init(line: Int, fields: [String], scalars: Range<Int> = 0..<0) {
            self.line = line
            self.fields = fields
            self.scalars = scalars
        }
    }

    public var rows: [Row]

    public init(rows: [Row]) { self.rows = rows }

    /// Decodes `data` as text. Throws when it is neither UTF-8 nor UTF-16 with a BOM.
    public static func decode(_ data: Data, file: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            if let s = String(validating: bytes.dropFirst(3), as: UTF8.self) { return s }
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let s = String(data: data, encoding: .utf16) {
                return s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s
            }
        } else if let s = String(validating: bytes, as: UTF8.self) {
            return s
        }
        throw BayanErrorFactory.glossary(
            "\(file): not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\" or \"Unicode Text\")")
    }

    /// Parses `text` with `delimiter` (a tab for TSV, a comma or semicolon for CSV).
    public static func parse(_ text: String, delimiter: Unicode.Scalar) -> DelimitedTable {
        var rows: [Row] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var rowLine = 1
        var rowStart = 0
        var atFieldStart = true
        var inQuotes = false
        var rowIsComment = false
        var rowHasContent = false
        let scalars = Array(text.unicodeScalars)
        var i = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }
        func endRow(at end: Int) {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty && !rowHasContent
            if !rowIsComment && !blank { rows.append(Row(line: rowLine, fields: fields, scalars: rowStart..<end)) }
            fields = []
            rowIsComment = false
            rowHasContent = false
        }

        while i < scalars.count {
            let c = scalars[i]
            if inQuotes {
                if c == "\"" {
                    if i + 1 < scalars.count && scalars[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if c == "\n" { line += 1 }
                    if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" {
                        // CRLF inside a quoted cell is one line break.
                        field.append("\n")
                        line += 1
                        i += 2
                        continue
                    }
                    field.append(c)
                }
                i += 1
                continue
            }
            if rowIsComment {
                if c == "\n" || c == "\r" {
                    let end = i
                    if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                    endRow(at: end)
                    line += 1
                    rowLine = line
                    rowStart = i + 1
                }
                i += 1
                continue
            }
            switch c {
            case "\r", "\n":
                let end = i
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRow(at: end)
                line += 1
                rowLine = line
                rowStart = i + 1
            case delimiter:
                rowHasContent = true
                endField()
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
                rowHasContent = true
            case "#" where atFieldStart && fields.isEmpty && !rowHasContent:
                rowIsComment = true
            default:
                field.append(c)
                atFieldStart = false
                rowHasContent = true
            }
            i += 1
        }
        if !fields.isEmpty || !field.isEmpty || rowHasContent || rowIsComment { endRow(at: scalars.count) }
        return DelimitedTable(rows: rows)
    }

    /// One cell as `parse` reads it back unchanged: quoted when it holds the delimiter, a quote at
    /// its start, a line break, or a leading `#` (which would make the line a comment), or when
    /// `quoteAll` (a file whose rows quote every cell, as some spreadsheets write). A tab cannot
    /// stand in a TSV cell; it becomes a space.
    public static func cell(_ s: String, delimiter: Unicode.Scalar, quoteAll: Bool = false) -> String {
        let text = delimiter == "\t" ? String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" ? " " : $0 })) : s
        let needsQuotes = quoteAll || text.hasPrefix("\"") || text.hasPrefix("#")
            || text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == delimiter }
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One row of cells joined by `delimiter`, without a line break.
    public static func row(_ cells: [String], delimiter: Unicode.Scalar, quoteAll: Bool = false) -> String {
        cells.map { cell($0, delimiter: delimiter, quoteAll: quoteAll) }.joined(separator: String(delimiter))
    }
}
