/// A deterministic, clearly marked stand-in for a translation: Arabic letters transliterated to
/// Latin, digits, punctuation and Latin text kept. Pairing errors stay visible because every
/// output is a function of exactly one input.
public enum PseudoTranslator {
    public static let marker = "[mock-en]"

    public static func translate(_ text: String) -> String {
        var out = marker + " "
        for scalar in text.unicodeScalars {
            if let latin = table[scalar.value] {
                out += latin
            } else if (0x0660...0x0669).contains(scalar.value) {
                out.unicodeScalars.append(Unicode.Scalar(scalar.value - 0x0660 + 0x30)!)
            } else if (0x064B...0x0652).contains(scalar.value) || scalar.value == 0x0640 {
                continue
            } else {
                switch scalar {
                case "\u{060C}": out += ","
                case "\u{061B}": out += ";"
                case "\u{061F}": out += "?"
                case "\u{066B}": out += "."
                case "\u{066A}": out += "%"
                case "«": out += "\""
                case "»": out += "\""
                default:
                    if scalar.properties.generalCategory == .format { continue }
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static let table: [UInt32: String] = [
        0x0621: "'", 0x0622: "A", 0x0623: "A", 0x0624: "w'", 0x0625: "I", 0x0626: "y'", 0x0627: "a",
        0x0628: "b", 0x0629: "a", 0x062A: "t", 0x062B: "th", 0x062C: "j", 0x062D: "H", 0x062E: "kh",
        0x062F: "d", 0x0630: "dh", 0x0631: "r", 0x0632: "z", 0x0633: "s", 0x0634: "sh", 0x0635: "S",
        0x0636: "D", 0x0637: "T", 0x0638: "Z", 0x0639: "'", 0x063A: "gh", 0x0641: "f", 0x0642: "q",
        0x0643: "k", 0x0644: "l", 0x0645: "m", 0x0646: "n", 0x0647: "h", 0x0648: "w", 0x0649: "a",
        0x064A: "y", 0x0671: "a", 0x067E: "p", 0x0686: "ch", 0x06A4: "v", 0x06A9: "k", 0x06AF: "g",
        0x06CC: "y",
    ]
}
