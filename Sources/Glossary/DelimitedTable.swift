import Foundation

/// Rows of a TSV or CSV file as a text editor or a spreadsheet writes it: optional BOM (UTF-8 or
/// UTF-16), CRLF or LF, fields quoted with `"` when they start with one (`""` inside is a quote),
/// `#` comment lines and blank lines skipped. Each row keeps the 1-based line it starts on.
public struct DelimitedTable: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var fields: [String]
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
        func endRow() {
            endField()
            let blank = fields.count == 1 && fields[0].isEmpty && !rowHasContent
            if !rowIsComment && !blank { rows.append(Row(line: rowLine, fields: fields)) }
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
                    if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                    endRow()
                    line += 1
                    rowLine = line
                }
                i += 1
                continue
            }
            switch c {
            case "\r", "\n":
                if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { i += 1 }
                endRow()
                line += 1
                rowLine = line
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
        if !fields.isEmpty || !field.isEmpty || rowHasContent || rowIsComment { endRow() }
        return DelimitedTable(rows: rows)
    }
}
