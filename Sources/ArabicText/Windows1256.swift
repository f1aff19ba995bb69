import Foundation

/// Windows-1256 (Arabic) decoding. Foundation decodes it on Linux today
/// (`String.Encoding(rawValue: 0x8000_0506)`), but its support has regressed before, so the
/// 128-entry table from the Unicode mapping file is built in; golden tests check both agree.
public enum Windows1256 {
    public static let foundationEncoding = String.Encoding(rawValue: 0x8000_0506)

    /// Unicode scalars for bytes 0x80...0xFF (bytes below 0x80 are ASCII).
    public static let high: [UInt16] = [
        0x20AC, 0x067E, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0679, 0x2039, 0x0152, 0x0686, 0x0698, 0x0688,
        0x06AF, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x06A9, 0x2122, 0x0691, 0x203A, 0x0153, 0x200C, 0x200D, 0x06BA,
        0x00A0, 0x060C, 0x00A2, 0x00A3, 0x00A4, 0x00A5, 0x00A6, 0x00A7,
        0x00A8, 0x00A9, 0x06BE, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x00AF,
        0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B4, 0x00B5, 0x00B6, 0x00B7,
        0x00B8, 0x00B9, 0x061B, 0x00BB, 0x00BC, 0x00BD, 0x00BE, 0x061F,
        0x06C1, 0x0621, 0x0622, 0x0623, 0x0624, 0x0625, 0x0626, 0x0627,
        0x0628, 0x0629, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
        0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x00D7,
        0x0637, 0x0638, 0x0639, 0x063A, 0x0640, 0x0641, 0x0642, 0x0643,
        0x00E0, 0x0644, 0x00E2, 0x0645, 0x0646, 0x0647, 0x0648, 0x00E7,
        0x00E8, 0x00E9, 0x00EA, 0x00EB, 0x0649, 0x064A, 0x00EE, 0x00EF,
        0x064B, 0x064C, 0x064D, 0x064E, 0x00F4, 0x064F, 0x0650, 0x00F7,
        0x0651, 0x00F9, 0x0652, 0x00FB, 0x00FC, 0x200E, 0x200F, 0x06D2,
    ]

    /// Decodes with the built-in table (every byte is defined in Windows-1256).
    public static func decodeWithTable<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var view = String.UnicodeScalarView()
        for b in bytes {
            if b < 0x80 {
                view.append(Unicode.Scalar(b))
            } else if let u = Unicode.Scalar(UInt32(high[Int(b) - 0x80])) {
                view.append(u)
            }
        }
        return String(view)
    }

    /// Foundation first; the table when Foundation cannot (or no longer can) decode it.
    public static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if let s = String(bytes: bytes, encoding: foundationEncoding), s.unicodeScalars.count == bytes.count {
            return s
        }
        return decodeWithTable(bytes)
    }

    /// Encodes text that Windows-1256 can represent (for test fixtures); nil otherwise.
    public static func encode(_ text: String) -> [UInt8]? {
        var reverse: [UInt32: UInt8] = [:]
        for (k, u) in high.enumerated() { reverse[UInt32(u)] = UInt8(0x80 + k) }
        var out: [UInt8] = []
        for u in text.unicodeScalars {
            if u.value < 0x80 { out.append(UInt8(u.value)) } else if let b = reverse[u.value] { out.append(b) } else { return nil }
        }
        return out
    }

    /// How much the bytes look like Arabic in Windows-1256: the share of high bytes that are
    /// Arabic letters, harakat or Arabic punctuation, and how many Arabic letters there are.
    static func arabicScore(_ bytes: ArraySlice<UInt8>) -> (share: Double, letters: Int) {
        var high = 0, arabic = 0, letters = 0
        for b in bytes where b >= 0x80 {
            high += 1
            let u = Windows1256.high[Int(b) - 0x80]
            switch u {
            case 0x0621...0x064A, 0x067E, 0x0686, 0x0698, 0x06AF, 0x06A9, 0x06C1, 0x06D2, 0x06BA, 0x06BE:
                arabic += 1
                letters += 1
            case 0x064B...0x0652, 0x060C, 0x061B, 0x061F, 0x00AB, 0x00BB, 0x00A0, 0x200C...0x200F, 0x2026,
                0x201C, 0x201D, 0x2013, 0x2014:
                arabic += 1
            default:
                break
            }
        }
        return (high == 0 ? 0 : Double(arabic) / Double(high), letters)
    }
}
