import BayanCore
import Foundation
import Glossary

#if canImport(Glibc)
import Glibc
#endif

/// The text encodings a glossary file may have; an edit writes the file back in its own.
enum GlossaryTextEncoding: Equatable {
    case utf8, utf8BOM, utf16LE, utf16BE

    init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { self = .utf8BOM }
        else if bytes.starts(with: [0xFF, 0xFE]) { self = .utf16LE }
        else if bytes.starts(with: [0xFE, 0xFF]) { self = .utf16BE }
        else { self = .utf8 }
    }

    func encode(_ text: String) -> [UInt8] {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        }
    }
}

/// One glossary file read for an edit, and the splice that makes the edited text.
struct Source {
    let path: String
    let realPath: String
    let mode: mode_t
    let format: GlossaryLoader.Format
    let encoding: GlossaryTextEncoding
    let text: String
    let parsed: ParsedGlossaryFile
    let contents: GlossaryFileContents

    static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func read(_ path: String) throws(GlossaryEditError) -> Source {
        let real = realPath(path)
        var info = stat()
        guard stat(real, &info) == 0, let data = FileManager.default.contents(atPath: real) else {
            throw .unreadable(file: path, reason: "cannot read the file; check the path and its permissions")
        }
        let bytes = [UInt8](data)
        let revision = SHA256.hex(bytes)
        let format = GlossaryLoader.Format(path: path)
        if format == .tbx {
            let parsed = GlossaryLoader.parse(data, file: path, format: .tbx)
            let contents = GlossaryFileContents(
                path: path, revision: revision, format: .tbx, entries: parsed.entries, problems: parsed.problems,
                layout: nil, readOnlyReason: GlossaryFileEditor.tbxReadOnly)
            return Source(path: path, realPath: real, mode: info.st_mode & 0o7777, format: .tbx, encoding: .utf8, text: "",
                          parsed: ParsedGlossaryFile(entries: parsed.entries, problems: parsed.problems, layout: nil, table: DelimitedTable(rows: []), entryRows: []),
                          contents: contents)
        }
        let text: String
        do {
            text = try DelimitedTable.decode(data, file: path)
        } catch {
            throw .unreadable(file: path, reason: "not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")")
        }
        let parsed = GlossaryLoader.parseDelimited(text, file: path, format: format)
        let reason = parsed.layout == nil
            ? "the header cannot be read, so Bayan cannot tell which column is which; fix the header (`bayan glossary check \(path)`) and edit again"
            : nil
        let contents = GlossaryFileContents(
            path: path, revision: revision, format: format, entries: parsed.entries, problems: parsed.problems,
            layout: parsed.layout, readOnlyReason: reason)
        return Source(path: path, realPath: real, mode: info.st_mode & 0o7777, format: format,
                      encoding: GlossaryTextEncoding(bytes), text: text, parsed: parsed, contents: contents)
    }

    /// The edited text, and where the new or changed row starts in it (scalar offset; nil for a delete).
    func splice(_ edit: GlossaryEdit, entryIndex: Int?) throws(GlossaryEditError) -> (text: String, rowStart: Int?) {
        guard var layout = parsed.layout else { throw .readOnly(file: path, reason: contents.readOnlyReason ?? "") }
        var scalars = Array(text.unicodeScalars)
        let delimiter = layout.delimiter
        let lineBreak: [Unicode.Scalar] = {
            guard let n = scalars.firstIndex(of: "\n") else { return scalars.contains("\r") ? ["\r"] : ["\n"] }
            return n > 0 && scalars[n - 1] == "\r" ? ["\r", "\n"] : ["\n"]
        }()
        func raw(_ row: DelimitedTable.Row) -> String {
            String(String.UnicodeScalarView(scalars[row.scalars]))
        }
        func quotesAll(_ row: DelimitedTable.Row) -> Bool {
            let text = raw(row)
            return text.hasPrefix("\"") && (row.fields.count == 1 || text.contains("\"\(delimiter)\""))
        }

        // Columns the new fields need but the header lacks are added to the header (a headerless
        // file cannot say them: it must get a header first).
        var headerEdit: (range: Range<Int>, text: [Unicode.Scalar])?
        if let fields = edit.fields {
            let wanted: [(String, Bool)] = [("note", !fields.note.isEmpty), ("avoid", !fields.avoid.isEmpty), ("match", fields.exact)]
            let missing = wanted.filter { $0.1 && layout.columns[$0.0] == nil }.map(\.0)
            if !missing.isEmpty {
                if layout.headerless {
                    let sep = delimiter == "\t" ? " TAB " : String(delimiter)
                    throw .invalid(missing.map { name in
                        GlossaryProblem(file: path, line: 1,
                                        message: "this file has no header row (Arabic\(sep)English only), so it has no \(name) column; put the header `\(GlossaryFileParser.headerLine(GlossaryFileParser.knownColumns, delimiter: delimiter))` on its first line to use it, or leave \(name) empty",
                                        field: name)
                    })
                }
                guard let header = layout.header else { throw .readOnly(file: path, reason: contents.readOnlyReason ?? "") }
                var names = header.fields
                while names.last?.isEmpty == true { names.removeLast() }
                for name in missing {
                    layout.columns[name] = names.count
                    names.append(name)
                }
                layout.width = max(layout.width, names.count)
                headerEdit = (header.scalars, Array(DelimitedTable.row(names, delimiter: delimiter, quoteAll: quotesAll(header)).unicodeScalars))
            }
        }

        func cells(_ fields: GlossaryEntryFields, base: [String], keepCount: Int) -> [String] {
            var out = base
            let values: [String: String] = [
                "ar": fields.ar, "en": fields.en, "note": fields.note,
                "avoid": fields.avoid.joined(separator: "|"), "match": fields.exact ? "exact" : "",
            ]
            for (name, index) in layout.columns {
                let value = values[name] ?? ""
                if index >= out.count {
                    if value.isEmpty { continue }
                    out += [String](repeating: "", count: index - out.count + 1)
                }
                out[index] = value
            }
            while out.count > keepCount, out.last?.isEmpty == true { out.removeLast() }
            return out
        }

        var rowStart: Int?
        switch edit {
        case .add(let fields):
            // Written like the last data row (its quoting, whether it spells out empty trailing cells).
            let template = parsed.entryRows.last ?? layout.header
            let full = template.map { $0.fields.count >= layout.width } ?? true
            let arEn = max(layout.columns["ar"] ?? 0, layout.columns["en"] ?? 1) + 1
            let row = cells(fields, base: [], keepCount: full ? layout.width : arEn)
            let padded = full ? row + [String](repeating: "", count: max(0, layout.width - row.count)) : row
            var insertion: [Unicode.Scalar] = []
            if let last = scalars.last, last != "\n" && last != "\r" { insertion += lineBreak }
            rowStart = scalars.count + insertion.count
            insertion += Array(DelimitedTable.row(padded, delimiter: delimiter, quoteAll: template.map(quotesAll) ?? false).unicodeScalars)
            insertion += lineBreak
            scalars += insertion
        case .edit(_, let fields):
            guard let i = entryIndex else { throw .noEntry(file: path, line: 0) }
            let row = parsed.entryRows[i]
            let newCells = cells(fields, base: row.fields, keepCount: row.fields.count)
            let replacement = Array(DelimitedTable.row(newCells, delimiter: delimiter, quoteAll: quotesAll(row)).unicodeScalars)
            if raw(row) != String(String.UnicodeScalarView(replacement)) {
                scalars.replaceSubrange(row.scalars, with: replacement)
            }
            rowStart = row.scalars.lowerBound
        case .delete:
            guard let i = entryIndex else { throw .noEntry(file: path, line: 0) }
            let row = parsed.entryRows[i]
            var end = row.scalars.upperBound
            var start = row.scalars.lowerBound
            if end < scalars.count {
                if scalars[end] == "\r" && end + 1 < scalars.count && scalars[end + 1] == "\n" { end += 2 } else { end += 1 }
            } else if start > 0 {
                // The last line had no line break: take the one before it.
                start -= 1
                if start > 0 && scalars[start] == "\n" && scalars[start - 1] == "\r" { start -= 1 }
            }
            scalars.removeSubrange(start..<end)
        }
        // The header comes before every data row, so editing it last keeps the offsets above
        // right; the changed row moves by the header's change in length.
        if let headerEdit {
            scalars.replaceSubrange(headerEdit.range, with: headerEdit.text)
            let shift = headerEdit.text.count - headerEdit.range.count
            rowStart = rowStart.map { $0 + shift }
        }
        return (String(String.UnicodeScalarView(scalars)), rowStart)
    }
}
