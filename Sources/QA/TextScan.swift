import ArabicText
/// Character classes shared by the checks.
enum TextScan {
    static func isArabicLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        let inBlock = (0x0600...0x06FF).contains(v) || (0x0750...0x077F).contains(v) || (0x08A0...0x08FF).contains(v)
            || (0xFB50...0xFDFF).contains(v) || (0xFE70...0xFEFF).contains(v)
        return inBlock && s.properties.isAlphabetic
    }

    static func isLatinLetter(_ s: Unicode.Scalar) -> Bool {
        (s.value >= 0x41 && s.value <= 0x5A) || (s.value >= 0x61 && s.value <= 0x7A)
            || (s.value >= 0xC0 && s.value <= 0x24F && s.properties.isAlphabetic)
    }

    /// True when the text has no letter and no digit (blank, or punctuation only).
    static func hasNoContent(_ text: String) -> Bool {
        !text.unicodeScalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }
    }

    /// ASCII digits and separators for any digit system: ٠–٩ and ۰–۹ to 0–9, ٫ to `.`, ٬ to `,`,
    /// ٪ to `%`; format characters (RLM, isolates) dropped so `12‏/08` still reads as a date.
    static func foldDigits(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for s in text.unicodeScalars {
            let v = s.value
            switch v {
            case 0x0660...0x0669: out.append(Unicode.Scalar(v - 0x0660 + 0x30) ?? s)
            case 0x06F0...0x06F9: out.append(Unicode.Scalar(v - 0x06F0 + 0x30) ?? s)
            case 0x066B: out.append(".")
            case 0x066C: out.append(",")
            case 0x066A: out.append("%")
            case 0x00A0, 0x2000...0x200A, 0x202F: out.append(" ")
            default:
                if ScalarClass.isFormat(v) { continue }
                out.append(s)
            }
        }
        return out
    }

    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The text with its last closing quotes, brackets and spaces removed.
    static func trimmedEnd(_ text: String) -> [Unicode.Scalar] {
        var scalars = Array(text.unicodeScalars)
        let closers: Set<Unicode.Scalar> = ["\"", "'", "»", "«", "”", "’", ")", "]", "}", "\u{201C}"]
        while let last = scalars.last,
            last.properties.isWhitespace || closers.contains(last) || last.properties.generalCategory == .format
        {
            scalars.removeLast()
        }
        return scalars
    }
}
