/// Pieces of Arabic news text that matter to segmentation and normalization, so that a byte
/// string maps to text the segmenter's rules actually see (abbreviations, quotes, numbers,
/// marks, presentation forms, invisible characters, line breaks of every kind).
public enum ArabicTokens {
    /// U+FDD0, a noncharacter inside the presentation-forms block (Swift literals refuse it).
    static let nonCharacter: String = Unicode.Scalar(0xFDD0).map { String(Character($0)) } ?? "?"

    public static let table: [String] = [
        " ", " ", " ", "\n", "\r\n", "\u{2029}", "\u{0085}", "\u{00A0}",
        ".", ".", "!", "?", "؟", "۔", "…", "...",
        "،", "؛", ";", ":", "«", "»", "\"", "'",
        "(", ")", "[", "]", "-", "٫", "٬", "٪",
        "قال", "الجمارك", "وقال", "كما", "د.", "م.", "أ.د.", "إلخ.",
        "ش.م.ع.", "Dr.", "Mr.", "www.customs.gov.ae", "info@customs.ae", "10:30", "2026/11/29", "3.5",
        "١٢٣", "٤٥٦", "۷۸۹", "ب", "ة", "ى", "آ", "إ",
        "\u{0640}", "\u{064E}", "\u{0651}", "\u{0670}", "\u{200F}", "\u{061C}", "\u{200C}", "\u{FEFF}",
        "\u{FEFB}", "\u{FDF2}", "\u{FDFA}", "\u{FB50}", nonCharacter, "\u{202B}", "\u{2066}", "\u{2069}",
        "A", "z", "7", "0", "\t", "\u{000B}", "\u{000C}", "\u{2028}",
        "ـــ", "***", "1.", "- ", "# ", "٢.", "(1)", "ج.م",
    ]

    /// Each byte picks one token.
    public static func text(_ bytes: [UInt8]) -> String {
        var out = ""
        for b in bytes { out += table[Int(b) % table.count] }
        return out
    }
}
