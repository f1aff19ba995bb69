import BayanCore

/// Turns the bytes of a text file into a string, detecting the encoding: a BOM (UTF-8, UTF-16
/// LE/BE), else strict UTF-8, else UTF-16 without BOM when the byte pattern is unmistakable, else
/// Windows-1256 when the bytes look like Arabic in it. Anything else is refused with a reason.
public enum TextDecoder {
    public struct Decoded: Sendable, Equatable {
        public var text: String
        /// "utf-8", "utf-16le", "utf-16be" or "windows-1256".
        public var encoding: String
    }

    public static func decode(_ bytes: [UInt8], fileName: String) throws -> Decoded {
        let all = bytes[...]
        if all.starts(with: [0xFF, 0xFE, 0x00, 0x00]) || all.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            throw BayanError.badInput(
                "\(fileName) is UTF-32 text, which Bayan does not read. Save it as UTF-8 and drop it again.")
        }
        if all.starts(with: [0xEF, 0xBB, 0xBF]) {
            return Decoded(text: try utf8(all.dropFirst(3), fileName), encoding: "utf-8")
        }
        if all.starts(with: [0xFF, 0xFE]) {
            return Decoded(text: try utf16(all.dropFirst(2), littleEndian: true, fileName), encoding: "utf-16le")
        }
        if all.starts(with: [0xFE, 0xFF]) {
            return Decoded(text: try utf16(all.dropFirst(2), littleEndian: false, fileName), encoding: "utf-16be")
        }
        if let endian = bomlessUTF16(all) {
            return Decoded(text: try utf16(all, littleEndian: endian, fileName), encoding: endian ? "utf-16le" : "utf-16be")
        }
        if all.contains(0) {
            throw BayanError.badInput(
                "\(fileName) contains NUL bytes, so it is a binary file, not text. Bayan reads .txt/.md (UTF-8, UTF-16 or Windows-1256), .docx and .html files.")
        }
        if let text = String(validating: all, as: UTF8.self) {
            return Decoded(text: text, encoding: "utf-8")
        }
        let score = Windows1256.arabicScore(all)
        if score.share >= 0.8 && score.letters >= 4 && !hasControlBytes(all) && !looksLikeBrokenUTF8(all) {
            return Decoded(text: Windows1256.decode(all), encoding: "windows-1256")
        }
        let at = firstInvalidUTF8(all)
        throw BayanError.badInput(
            "\(fileName) is not valid UTF-8 (first bad byte at offset \(at)) and does not look like Arabic in Windows-1256 either. Save it as UTF-8 (Save As → Encoding → UTF-8) and drop it again; Bayan reads UTF-8, UTF-16 with a BOM and Windows-1256 text.")
    }

    static func utf8(_ bytes: ArraySlice<UInt8>, _ fileName: String) throws -> String {
        // The same NUL rule as without a BOM (a fuzzer found NUL passing after a BOM).
        if bytes.contains(0) {
            throw BayanError.badInput(
                "\(fileName) contains NUL bytes, so it is a binary file, not text. Bayan reads .txt/.md (UTF-8, UTF-16 or Windows-1256), .docx and .html files.")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw BayanError.badInput(
            "\(fileName) starts with a UTF-8 byte order mark but is not valid UTF-8 (first bad byte at offset \(firstInvalidUTF8(bytes) + 3)). Save it again as UTF-8 and drop it again.")
    }

    static func utf16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, _ fileName: String) throws -> String {
        guard bytes.count % 2 == 0 else {
            throw BayanError.badInput(
                "\(fileName) is UTF-16 text with an odd number of bytes, so it was cut short. Save it again (as UTF-8 if you can) and drop it again.")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw BayanError.badInput(
                "\(fileName) is UTF-16 text with a broken surrogate pair. Save it again (as UTF-8 if you can) and drop it again.")
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw BayanError.badInput("\(fileName) contains NUL characters, so it is not a text file.")
        }
        return text
    }

    /// UTF-16 without a BOM: Arabic and ASCII text then has 0x00 or 0x06 in every other byte.
    static func bomlessUTF16(_ bytes: ArraySlice<UInt8>) -> Bool? {
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        var evenHigh = 0, oddHigh = 0, evenZero = 0, oddZero = 0
        var k = 0
        for b in bytes.prefix(4096) {
            let high = b == 0x00 || b == 0x06
            if k % 2 == 0 {
                if high { evenHigh += 1 }
                if b == 0 { evenZero += 1 }
            } else {
                if high { oddHigh += 1 }
                if b == 0 { oddZero += 1 }
            }
            k += 1
        }
        let pairs = k / 2
        // 95% rather than 100%: quotes, dashes and the like sit outside 0x00xx/0x06xx.
        if oddHigh * 20 >= pairs * 19 && oddZero > 0 && evenZero * 50 <= pairs { return true }
        if evenHigh * 20 >= pairs * 19 && evenZero > 0 && oddZero * 50 <= pairs { return false }
        return nil
    }

    /// Arabic in UTF-8 is lead bytes D8–DB each followed by a continuation byte; real
    /// Windows-1256 Arabic rarely has that shape. Damaged UTF-8 must not pass as Windows-1256.
    static func looksLikeBrokenUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        var high = 0, pairs = 0
        var previous: UInt8 = 0
        for b in bytes {
            if b >= 0x80 {
                high += 1
                if (0xD8...0xDB).contains(previous) && (0x80...0xBF).contains(b) { pairs += 1 }
            }
            previous = b
        }
        return high > 0 && pairs * 2 * 10 >= high * 6
    }

    static func hasControlBytes(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.contains { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D && $0 != 0x0C }
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var valid = 0
        while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u):
                offset += UTF8.width(u)
                valid = offset
            case .emptyInput:
                return valid
            case .error:
                return valid
            }
        }
    }
}
