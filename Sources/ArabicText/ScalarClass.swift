/// Fast character classes on scalar values for the segmenter's and the checks' hot loops. The
/// common cases (ASCII, the Arabic block) are answered without a Unicode property lookup;
/// `isSpace` and `isFormat` agree with White_Space and General_Category=Cf on every scalar
/// (ScalarClassTests).
public enum ScalarClass {
    /// Unicode White_Space.
    @inlinable
    public static func isSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x20, 0x09...0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isLineBreak(_ v: UInt32) -> Bool {
        v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 || v == 0x0B || v == 0x0C || v == 0x85
    }

    /// Invisible format characters (Cf): direction marks and embeddings, ZWJ/ZWNJ, BOM.
    @inlinable
    public static func isFormat(_ v: UInt32) -> Bool {
        if v < 0xAD { return false }
        switch v {
        case 0xAD, 0x061C, 0x0600...0x0605, 0x06DD, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064,
            0x2066...0x206F, 0xFEFF:
            return true
        case 0x0606...0x06FF, 0x0750...0x077F:
            return false
        default:
            guard let s = Unicode.Scalar(v) else { return false }
            return s.properties.generalCategory == .format
        }
    }

    @inline(__always)
    static func isDigit(_ v: UInt32) -> Bool {
        (0x30...0x39).contains(v) || (0x0660...0x0669).contains(v) || (0x06F0...0x06F9).contains(v)
    }

    @inline(__always)
    static func isLatinUpper(_ v: UInt32) -> Bool { (0x41...0x5A).contains(v) }

    @inline(__always)
    static func isLatinLower(_ v: UInt32) -> Bool { (0x61...0x7A).contains(v) }

    @inline(__always)
    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return isLatinUpper(v) || isLatinLower(v) }
        switch v {
        case 0x0621...0x064A, 0x0671...0x06D3, 0x06FA...0x06FC, 0x0750...0x077F:
            return true
        case 0x064B...0x0652, 0x0670:  // harakat count with the letter they sit on
            return true
        case 0x0600...0x06FF:
            return false
        default:
            guard let s = Unicode.Scalar(v) else { return false }
            return s.properties.isAlphabetic
        }
    }

    @inline(__always)
    static func isLetterOrDigit(_ v: UInt32) -> Bool { isLetter(v) || isDigit(v) }

    /// Sentence-final marks: . ! ? ؟ ۔ … and the fullwidth/small forms.
    @inline(__always)
    static func isTerminator(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x061F, 0x06D4, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF0E, 0xFF1F,
            0xFE52, 0xFE56, 0xFE57:
            return true
        default:
            return false
        }
    }

    /// Marks that end a sentence on their own, whatever precedes them.
    @inline(__always)
    static func isStrongTerminator(_ v: UInt32) -> Bool {
        switch v {
        case 0x21, 0x3F, 0x061F, 0x06D4, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF1F, 0xFE56, 0xFE57:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isClosing(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0xAB, 0x201D, 0x2019, 0x201C, 0x203A, 0x3009, 0x300B:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isOpening(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x28, 0x5B, 0x7B, 0xAB, 0xBB, 0x201C, 0x201E, 0x2018, 0x2039, 0x3008, 0x300A:
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isSemicolon(_ v: UInt32) -> Bool { v == 0x3B || v == 0x061B }
}
