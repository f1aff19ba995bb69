/// What counts as part of a word for matching: letters, combining marks and digits. Everything
/// else (spaces, punctuation such as ، ؛ ؟ « », symbols) separates words.
public enum TermTokenizer {
    @inline(__always)
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        if v >= 0x0621 && v <= 0x064A { return true }  // Arabic letters (the common case)
        if v >= 0x0600 && v <= 0x06FF {
            // Inside the Arabic block: punctuation (، ؛ ؟ ٪ ۔ …) separates, letters and marks join.
            switch v {
            case 0x060C, 0x061B, 0x061F, 0x066A...0x066D, 0x06D4, 0x0600...0x0605, 0x0606...0x060F, 0x061D, 0x061E:
                return false
            default:
                return true
            }
        }
        let p = s.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
    }
}
