import ArabicText
import Testing

@Suite struct NormalizerTests {
    @Test func foldsLettersAndDropsMarks() {
        #expect(ArabicNormalizer.key("إدارة") == "اداره")
        #expect(ArabicNormalizer.key("مُصطفى") == "مصطفي")
        #expect(ArabicNormalizer.key("جمـــارك") == "جمارك")
        #expect(ArabicNormalizer.key("ی ک") == "ي ك")
        #expect(ArabicNormalizer.key("٣٫٥٪ ۱۲") == "3.5% 12")
        #expect(ArabicNormalizer.key("\u{FEFB}") == "لا")
        #expect(ArabicNormalizer.key("د\u{202A}.\u{202C}") == "د.")
    }

    @Test func offsetsMapBackToTheOriginal() {
        let original = "وبالجَمَارِك الدولية"
        let n = ArabicNormalizer.normalize(original)
        #expect(n.string == "وبالجمارك الدوليه")
        let scalars = Array(original.unicodeScalars)
        // The first word in normalized text is 0..<9; its original span keeps every diacritic.
        let span = n.originalRange(0..<9)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[span])
        #expect(String(view) == "وبالجَمَارِك")
    }
}
