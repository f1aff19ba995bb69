/// Escaping for XML 1.0 and HTML text and attribute values: the one escaper of every writer
/// (review page, TMX, XLIFF, TBX, memory export).
///
/// Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) are dropped
/// rather than escaped: `&#1;` is not well-formed either, and a parser would reject the file.
public enum XMLEscaping {
    /// Escapes text content (also safe inside double-quoted attributes).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            // Attribute values normalise white space on parse: keep line breaks as references.
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// True when XML 1.0 allows the scalar in a document.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        if v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }
}
