/// Escaping for XML 1.0 and HTML text and attribute values: the one escaper of every writer
/// (review page, TMX, XLIFF, TBX, memory export).
///
/// Characters XML 1.0 forbids (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) are dropped
/// rather than escaped: `&#1;` is not well-formed either, and a parser would reject the file.
public enum XMLEscaping {
    /// Escapes text content (also safe inside double-quoted attributes). Works on UTF-8 bytes
    /// and returns `text` itself when nothing needs escaping (most sentences): it is called for
    /// every value of every page and exchange file.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: needsWork) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        var bytes = text.utf8.makeIterator()
        var pending: [UInt8] = []  // EF BF: the start of U+FFxx, held until the third byte is seen
        while let b = bytes.next() {
            if !pending.isEmpty {
                pending.append(b)
                if pending.count < 3 { continue }
                // U+FFFE and U+FFFF are dropped; any other U+FFxx is kept.
                if !(pending[2] == 0xBE || pending[2] == 0xBF) || pending[1] != 0xBF { out.append(contentsOf: pending) }
                pending.removeAll(keepingCapacity: true)
                continue
            }
            switch b {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            // Attribute values normalise white space on parse: keep line breaks as references.
            case 0x0A: out.append(contentsOf: "&#10;".utf8)
            case 0x0D: out.append(contentsOf: "&#13;".utf8)
            case 0x09: out.append(contentsOf: "&#9;".utf8)
            case 0xEF: pending.append(b)
            default:
                if b >= 0x20 { out.append(b) }  // other C0 controls are not allowed in XML 1.0
            }
        }
        out.append(contentsOf: pending)
        return String(decoding: out, as: UTF8.self)
    }

    /// Bytes that are escaped or dropped, and 0xEF, which starts U+FFFE and U+FFFF.
    private static func needsWork(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return true
        default: return b < 0x20
        }
    }

    /// True when XML 1.0 allows the scalar in a document.
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        if v == 0xFFFE || v == 0xFFFF { return false }
        return true
    }
}
