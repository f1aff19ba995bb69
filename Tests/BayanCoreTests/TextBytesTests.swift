import BayanCore
import BayanTestSupport
import Testing

/// The byte-level escaper and search give what the scalar-level definitions give.
@Suite struct TextBytesTests {
    /// The definition the escaper is held to, one scalar at a time.
    static func reference(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: if XMLEscaping.isAllowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static let alphabet: [Unicode.Scalar] = [
        "a", "Z", " ", "&", "<", ">", "\"", "'", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "ب", "ة", "\u{064E}",
        "\u{200F}", "\u{FEFF}", "\u{FF0C}", "\u{FFBF}", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{EFFF}", "\u{1F600}", "٣",
    ]

    @Test func escapingMatchesTheScalarDefinitionOnRandomText() {
        var rng = SplitMix64(seed: 19)
        for _ in 0..<3000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int(rng.next() % 12) { view.append(Self.alphabet[Int(rng.next() % UInt64(Self.alphabet.count))]) }
            let text = String(view)
            #expect(XMLEscaping.escape(text) == Self.reference(text), "\(Array(text.unicodeScalars.map(\.value)))")
        }
    }

    @Test func escapingDropsOnlyTheForbiddenCharacters() {
        #expect(XMLEscaping.escape("a\u{FFFE}b\u{FFFF}c\u{FFFD}\u{0008}") == "abc\u{FFFD}")
        #expect(XMLEscaping.escape("رسوم \"الجمارك\" <٥٪> & 'x'") == "رسوم &quot;الجمارك&quot; &lt;٥٪&gt; &amp; &#39;x&#39;")
    }

    @Test func searchFindsByteSubstringsOnly() {
        #expect(UTF8Search.contains("بيان الجمارك", "الجمارك"))
        #expect(!UTF8Search.contains("بيان الجمارك", "الجمركية"))
        #expect(UTF8Search.contains("abc", ""))
        #expect(!UTF8Search.contains("ab", "abc"))
        #expect(UTF8Search.firstOffset(of: "c\r\n", in: "ab\nc\r\n") == 3)
        #expect(UTF8Search.replacing("\n", with: " ", in: "سطر\nآخر\n") == "سطر آخر ")
        #expect(UTF8Search.replacing("\n", with: "\r\n", in: "no break") == "no break")
    }
}
