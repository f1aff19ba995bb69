/// Checks an XML file must pass before FoundationXML's parser sees it. The parser resolves what
/// a DOCTYPE declares (billion laughs, external files), traps on element names that are not
/// valid UTF-8, and dereferences NULL on a processing instruction without data (`<?x?>`); the
/// last two were found by fuzzing the TBX reader. Used by every XML reader (TBX, TMX).
public enum XMLInputGuard {
    /// A sentence saying what is wrong with `bytes` and how to fix it, or nil when the parser
    /// may read them. `kind` names the file in the message ("TBX", "TMX"). With
    /// `plainDoctype`, a DOCTYPE that only names its DTD (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`,
    /// as CAT tools write) passes; one with declarations of its own never does.
    public static func problem(_ bytes: [UInt8], kind: String, plainDoctype: Bool = false) -> (message: String, line: Int)? {
        // ASCII-lowercased head: the declarations, if any, come before the root element.
        let head = bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        if let doctype = find(Array("<!doctype".utf8), in: head) {
            let declaration = head[doctype...].prefix { $0 != 0x3E }  // up to ">"
            if !plainDoctype || declaration.contains(0x5B) {  // "[": an internal subset
                return ("the \(kind) file declares a DOCTYPE\(plainDoctype ? " with declarations of its own" : ""); remove the <!DOCTYPE …> line (Bayan does not read DTDs)", 1)
            }
        }
        if find(Array("<!entity".utf8), in: head) != nil {
            return ("the \(kind) file declares an entity (<!ENTITY …>); remove it (Bayan does not read DTDs)", 1)
        }
        guard let text = unicodeText(bytes) else {
            return ("the \(kind) file is not UTF-8 text (nor UTF-16 with a byte order mark); save it as UTF-8", 1)
        }
        if let line = emptyProcessingInstructionLine(text) {
            return ("the \(kind) file has an empty processing instruction `<?…?>` on line \(line); delete it", line)
        }
        return nil
    }

    /// The text of valid UTF-8 (BOM or not), or of valid UTF-16 after a BOM; nil otherwise.
    public static func unicodeText(_ bytes: [UInt8]) -> String? {
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        guard littleEndian || bytes.starts(with: [0xFE, 0xFF]) else {
            return String(validating: bytes, as: UTF8.self)
        }
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = 2
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// The line of the first `<?target?>` with no data (or no target); nil when there is none.
    /// Conservative: it also looks inside comments.
    public static func emptyProcessingInstructionLine(_ text: String) -> Int? {
        let b = Array(text.utf8)
        var line = 1
        var i = 0
        while i + 1 < b.count {
            if b[i] == 0x0A { line += 1 }
            guard b[i] == 0x3C, b[i + 1] == 0x3F else {  // "<?"
                i += 1
                continue
            }
            var k = i + 2
            while k < b.count, !isSpace(b[k]), !(b[k] == 0x3F && k + 1 < b.count && b[k + 1] == 0x3E) { k += 1 }
            let hasTarget = k > i + 2
            while k < b.count, isSpace(b[k]) { k += 1 }
            let closesAtOnce = k + 1 < b.count && b[k] == 0x3F && b[k + 1] == 0x3E
            if !hasTarget || closesAtOnce { return line }
            i += 2
        }
        return nil
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }
}
