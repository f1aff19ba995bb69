import ArabicText
import Foundation

/// Checks the content of entries: every problem names the line and the fix.
public enum GlossaryValidator {
    /// Problems in single fields and between entries of one file.
    public static func validate(_ entries: [GlossaryEntry]) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        var firstByKey: [String: GlossaryEntry] = [:]
        for entry in entries {
            problems += fieldProblems(entry)
            let key = matchKey(entry.ar)
            guard !key.isEmpty else { continue }
            if let first = firstByKey[key] {
                if sameEnglish(first.en, entry.en) {
                    let what = first.ar == entry.ar ? "«\(entry.ar)»" : "«\(entry.ar)» (same as «\(first.ar)» once normalized)"
                    problems.append(GlossaryProblem(
                        file: entry.file, line: entry.line,
                        message: "duplicate of line \(first.line): \(what) → \"\(entry.en)\"; delete one of the two lines", field: "ar"))
                } else {
                    problems.append(GlossaryProblem(
                        file: entry.file, line: entry.line,
                        message: "«\(entry.ar)» is \"\(entry.en)\" here but \"\(first.en)\" on line \(first.line); keep one English term (put the other in `avoid` if it is wrong)", field: "ar"))
                }
            } else {
                firstByKey[key] = entry
            }
        }
        return problems
    }

    /// Problems inside one entry's fields.
    public static func fieldProblems(_ entry: GlossaryEntry) -> [GlossaryProblem] {
        var problems: [GlossaryProblem] = []
        func add(_ field: String, _ message: String) {
            problems.append(GlossaryProblem(file: entry.file, line: entry.line, message: message, field: field))
        }
        var fields: [(String, String)] = [("ar", entry.ar), ("en", entry.en), ("note", entry.note)]
        fields += entry.avoid.map { ("avoid", $0) }
        for (name, value) in fields {
            // A note may span lines (a spreadsheet cell with Alt+Enter); terms may not.
            if let bad = value.unicodeScalars.first(where: { isInvisibleOrControl($0) && !(name == "note" && $0 == "\n") }) {
                add(name, "\(name) contains the invisible character \(describe(bad)); delete it (retype the cell if you cannot see it)")
            }
            if let stray = straySpace(in: value) { add(name, "\(name) \(stray)") }
        }
        if entry.ar.isEmpty { add("ar", "ar is empty; write the Arabic term or delete the line") }
        if entry.en.isEmpty { add("en", "en is empty; write the approved English for «\(entry.ar)» or delete the line") }
        if !entry.ar.isEmpty && !entry.ar.unicodeScalars.contains(where: isArabicLetter) {
            if entry.en.unicodeScalars.contains(where: isArabicLetter) {
                add("ar", "ar \"\(entry.ar)\" is not Arabic but en is; the columns look swapped (ar comes first)")
            } else {
                add("ar", "ar \"\(entry.ar)\" contains no Arabic letter; the first column must be the Arabic term")
            }
        } else if entry.en.unicodeScalars.contains(where: isArabicLetter) {
            add("en", "en \"\(entry.en)\" contains Arabic letters; the en column must hold the English term only")
        }
        for rendering in entry.avoid where sameEnglish(rendering, entry.en) {
            add("avoid", "avoid lists \"\(rendering)\", which is the approved English itself; remove it from avoid")
        }
        return problems
    }

    /// The normalized form two entries must not share (same text to match).
    public static func matchKey(_ ar: String) -> String {
        CliticTermMatcher.words(ar).map { word in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: word.0.compactMap(Unicode.Scalar.init))
            return String(view)
        }.joined(separator: " ")
    }

    static func sameEnglish(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        (0x0621...0x064A).contains(s.value) || (0x066E...0x06D3).contains(s.value)
            || (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFC).contains(s.value)
    }

    static func isInvisibleOrControl(_ s: Unicode.Scalar) -> Bool {
        // Printable ASCII and the Arabic letters answer without a Unicode property lookup (a
        // glossary's load is mostly these checks; issue 19 measured its start-up).
        if (0x20...0x7E).contains(s.value) || (0x0621...0x064A).contains(s.value) { return false }
        if s == "\t" { return true }
        // U+FFFE, U+FFFF, U+FDD0… are not characters; XML (TBX, TMX) cannot carry them (found by fuzzing).
        if s.properties.isNoncharacterCodePoint { return true }
        switch s.properties.generalCategory {
        case .format, .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    static func describe(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        if let name = s.properties.name { return "\(code) \(name)" }
        switch s {
        case "\n": return "\(code) (line break)"
        case "\t": return "\(code) (tab)"
        default: return code
        }
    }

    /// A description of a leading, trailing, doubled or non-breaking space, or nil.
    static func straySpace(in value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard let first = scalars.first, let last = scalars.last else { return nil }
        let isSpace: (Unicode.Scalar) -> Bool = { s in
            if s.value < 0x80 { return s == " " || s == "\r" || s.value == 0x0B || s.value == 0x0C }
            if (0x0600...0x06FF).contains(s.value) { return false }  // the Arabic block has no spaces
            return s.properties.isWhitespace
        }
        func kind(_ s: Unicode.Scalar) -> String { s == " " ? "space" : "space (\(describe(s)))" }
        if isSpace(first) { return "has a leading \(kind(first)); delete it" }
        if isSpace(last) { return "has a trailing \(kind(last)); delete it" }
        for (i, s) in scalars.enumerated() where isSpace(s) {
            if s != " " { return "contains \(describe(s)) instead of a plain space; replace it with a space" }
            if i + 1 < scalars.count && isSpace(scalars[i + 1]) { return "has two spaces in a row; keep one" }
        }
        return nil
    }
}
