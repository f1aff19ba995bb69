/// Scalar-level string operations for normalized keys (`ArabicNormalizer.key`) and the words
/// the checks and the summarizer compare. Character-based `hasPrefix`, `count` and `split` on
/// Arabic text spend their time finding grapheme boundaries and comparing canonically, which a
/// normalized key does not need: its bytes compare as its letters do.
public enum KeyText {
    public static func ends(_ key: String, with suffix: String) -> Bool {
        key.utf8.count >= suffix.utf8.count && key.utf8.reversed().starts(with: suffix.utf8.reversed())
    }

    public static func starts(_ key: String, with prefix: String) -> Bool { key.utf8.starts(with: prefix.utf8) }

    /// Length in scalars.
    public static func length(_ key: String) -> Int { key.unicodeScalars.count }

    public static func dropLast(_ key: String, _ n: Int) -> String { String(String.UnicodeScalarView(key.unicodeScalars.dropLast(n))) }

    public static func dropFirst(_ key: String, _ n: Int) -> String { String(String.UnicodeScalarView(key.unicodeScalars.dropFirst(n))) }

    /// Runs of letters and digits (with the combining marks that follow them); everything else
    /// separates. `digits: false` splits on digits too.
    public static func words(_ text: String, digits: Bool = true) -> [String] {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func flush() {
            if !word.isEmpty {
                words.append(String(word))
                word = String.UnicodeScalarView()
            }
        }
        for scalar in text.unicodeScalars {
            // Fast paths for ASCII and the Arabic letters and diacritics (nearly every scalar
            // of a release) before the Unicode property lookup.
            let v = scalar.value
            if v < 0x80 {
                let letter = (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A
                let digit = v >= 0x30 && v <= 0x39
                if letter || (digit && digits) { word.append(scalar) } else { flush() }
                continue
            }
            if v >= 0x0621 && v <= 0x064A { word.append(scalar); continue }
            if v >= 0x064B && v <= 0x065F {
                if !word.isEmpty { word.append(scalar) }
                continue
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
                word.append(scalar)
            case .decimalNumber, .letterNumber, .otherNumber:
                if digits { word.append(scalar) } else { flush() }
            case .nonspacingMark, .spacingMark, .enclosingMark:
                if !word.isEmpty { word.append(scalar) }
            default:
                flush()
            }
        }
        flush()
        return words
    }
}
