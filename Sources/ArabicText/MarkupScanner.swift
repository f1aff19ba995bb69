import BayanCore

/// A small pull scanner for XML (Word's parts) and HTML, over UTF-8 bytes. It never resolves
/// external entities or expands DTD entities: in XML a DOCTYPE is refused outright (XXE and
/// billion-laughs defence), in HTML it is skipped. Only the five XML entities, numeric
/// references and (for HTML) a table of common named entities are decoded.
struct MarkupScanner {
    enum Event {
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        case end(name: String)
        case text(String)
    }

    let bytes: [UInt8]
    let html: Bool
    let fileName: String
    private var i = 0
    /// Byte range of the event `next()` last returned (the release renderers edit by it).
    private(set) var tokenStart = 0
    var tokenEnd: Int { i }
    private var rawTextEnd: [UInt8]? = nil

    init(_ bytes: [UInt8], html: Bool, fileName: String) {
        self.bytes = bytes
        self.html = html
        self.fileName = fileName
    }

    /// Refuses any DTD before parsing starts.
    static func rejectDoctype(_ bytes: [UInt8], part: String, fileName: String) throws {
        let needles: [[UInt8]] = [Array("<!DOCTYPE".utf8), Array("<!ENTITY".utf8)]
        var k = 0
        while k + 2 < bytes.count {
            if bytes[k] == 0x3C && bytes[k + 1] == 0x21 {
                for needle in needles where k + needle.count <= bytes.count {
                    var same = true
                    for (n, c) in needle.enumerated() where Self.upper(bytes[k + n]) != c {
                        same = false
                        break
                    }
                    if same {
                        throw BayanError.badInput(
                            "\(fileName) is refused: its part \(part) contains a DOCTYPE or ENTITY declaration, which Word never writes and which is used to attack XML readers (external entities, \"billion laughs\"). Open it in Word and save it again as .docx.")
                    }
                }
            }
            k += 1
        }
    }

    @inline(__always)
    static func upper(_ b: UInt8) -> UInt8 { (0x61...0x7A).contains(b) ? b - 0x20 : b }

    mutating func next() throws -> Event? {
        if let endTag = rawTextEnd {
            rawTextEnd = nil
            // Skip script/style bodies up to their end tag.
            if let at = find(endTag, from: i, caseInsensitive: true) { i = at } else { i = bytes.count }
        }
        while i < bytes.count {
            tokenStart = i
            if bytes[i] != 0x3C {  // text
                let start = i
                while i < bytes.count, bytes[i] != 0x3C { i += 1 }
                return .text(decodeText(start, i))
            }
            // "<"
            guard i + 1 < bytes.count else {
                i += 1
                return .text("<")
            }
            let c = bytes[i + 1]
            if c == 0x21 {  // <!
                if match("<!--", at: i) {
                    i = (find(Array("-->".utf8), from: i + 4, caseInsensitive: false).map { $0 + 3 }) ?? bytes.count
                    continue
                }
                if match("<![CDATA[", at: i) {
                    let start = i + 9
                    let end = find(Array("]]>".utf8), from: start, caseInsensitive: false) ?? bytes.count
                    i = min(bytes.count, end + 3)
                    return .text(String(decoding: bytes[start..<end], as: UTF8.self))
                }
                if !html {
                    throw BayanError.badInput(
                        "\(fileName) is refused: it contains a DOCTYPE or other markup declaration, which Word never writes and which is used to attack XML readers. Open it in Word and save it again as .docx.")
                }
                i = (find([0x3E], from: i, caseInsensitive: false).map { $0 + 1 }) ?? bytes.count
                continue
            }
            if c == 0x3F {  // <? … ?>
                i = (find(Array("?>".utf8), from: i + 2, caseInsensitive: false).map { $0 + 2 }) ?? bytes.count
                continue
            }
            let closing = c == 0x2F
            let nameStart = closing ? i + 2 : i + 1
            guard nameStart < bytes.count, Self.isNameStart(bytes[nameStart]) else {
                i += 1
                return .text("<")  // a lone "<" in HTML text
            }
            var k = nameStart
            while k < bytes.count, Self.isNameChar(bytes[k]) { k += 1 }
            var name = String(decoding: bytes[nameStart..<k], as: UTF8.self)
            if html { name = name.lowercased() }
            // Attributes up to ">" (quotes may hold ">").
            var attributes: [String: String] = [:]
            var selfClosing = false
            while k < bytes.count {
                let b = bytes[k]
                if b == 0x3E {
                    k += 1
                    break
                }
                if b == 0x2F {
                    selfClosing = true
                    k += 1
                    continue
                }
                if Self.isSpace(b) {
                    k += 1
                    continue
                }
                selfClosing = false
                let aStart = k
                while k < bytes.count, !Self.isSpace(bytes[k]), bytes[k] != 0x3D, bytes[k] != 0x3E, bytes[k] != 0x2F {
                    k += 1
                }
                var aName = String(decoding: bytes[aStart..<k], as: UTF8.self)
                if html { aName = aName.lowercased() }
                while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
                var value = ""
                if k < bytes.count, bytes[k] == 0x3D {
                    k += 1
                    while k < bytes.count, Self.isSpace(bytes[k]) { k += 1 }
                    if k < bytes.count, bytes[k] == 0x22 || bytes[k] == 0x27 {
                        let q = bytes[k]
                        let vStart = k + 1
                        k = vStart
                        while k < bytes.count, bytes[k] != q { k += 1 }
                        value = decodeText(vStart, k)
                        k = min(bytes.count, k + 1)
                    } else {
                        let vStart = k
                        while k < bytes.count, !Self.isSpace(bytes[k]), bytes[k] != 0x3E { k += 1 }
                        value = decodeText(vStart, k)
                    }
                }
                if !aName.isEmpty { attributes[aName] = value }
            }
            i = k
            if closing { return .end(name: name) }
            if html && !selfClosing && (name == "script" || name == "style") {
                rawTextEnd = Array("</\(name)".uppercased().utf8)
            }
            return .start(name: name, attributes: attributes, selfClosing: selfClosing)
        }
        return nil
    }

    // MARK: - Helpers

    private func match(_ s: String, at k: Int) -> Bool {
        let u = Array(s.utf8)
        guard k + u.count <= bytes.count else { return false }
        for (n, c) in u.enumerated() where bytes[k + n] != c { return false }
        return true
    }

    private func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var k = from
        let last = bytes.count - needle.count
        while k <= last {
            let b = caseInsensitive ? Self.upper(bytes[k]) : bytes[k]
            if b == first {
                var same = true
                for n in 1..<needle.count {
                    let x = caseInsensitive ? Self.upper(bytes[k + n]) : bytes[k + n]
                    if x != needle[n] {
                        same = false
                        break
                    }
                }
                if same { return k }
            }
            k += 1
        }
        return nil
    }

    private func decodeText(_ a: Int, _ b: Int) -> String {
        let slice = bytes[a..<b]
        guard slice.contains(0x26) else { return String(decoding: slice, as: UTF8.self) }
        var out = String.UnicodeScalarView()
        var k = a
        var plainStart = a
        while k < b {
            if bytes[k] == 0x26, let (scalars, length) = entity(k, b) {
                out.append(contentsOf: String(decoding: bytes[plainStart..<k], as: UTF8.self).unicodeScalars)
                out.append(contentsOf: scalars)
                k += length
                plainStart = k
            } else {
                k += 1
            }
        }
        out.append(contentsOf: String(decoding: bytes[plainStart..<b], as: UTF8.self).unicodeScalars)
        return String(out)
    }

    /// The entity at `k` ("&…;"): its scalars and byte length, or nil to keep it literally.
    private func entity(_ k: Int, _ b: Int) -> ([Unicode.Scalar], Int)? {
        var e = k + 1
        while e < b, e - k < 40, bytes[e] != 0x3B, bytes[e] != 0x26, !Self.isSpace(bytes[e]) { e += 1 }
        guard e < b, bytes[e] == 0x3B, e > k + 1 else { return nil }
        let body = bytes[(k + 1)..<e]
        if body.first == 0x23 {  // &#…;
            var digits = body.dropFirst()
            var radix: UInt32 = 10
            if let x = digits.first, x == 0x78 || x == 0x58 {
                radix = 16
                digits = digits.dropFirst()
            }
            guard !digits.isEmpty, digits.count <= 8,
                let value = UInt32(String(decoding: digits, as: UTF8.self), radix: Int(radix)),
                value != 0, let u = Unicode.Scalar(value)
            else { return (["\u{FFFD}"], e - k + 1) }
            return ([u], e - k + 1)
        }
        let name = String(decoding: body, as: UTF8.self)
        if let s = HTMLEntities.xml[name] ?? (html ? HTMLEntities.html[name] : nil) {
            return (Array(s.unicodeScalars), e - k + 1)
        }
        return nil
    }

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
    @inline(__always) static func isNameStart(_ b: UInt8) -> Bool {
        (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || b == 0x5F || b == 0x3A || b >= 0x80
    }
    @inline(__always) static func isNameChar(_ b: UInt8) -> Bool {
        isNameStart(b) || (0x30...0x39).contains(b) || b == 0x2D || b == 0x2E
    }
}
