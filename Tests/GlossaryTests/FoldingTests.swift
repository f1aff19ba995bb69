import ArabicText
import BayanCore
import Foundation
@testable import Glossary
import Testing

@Suite struct FoldingTests {
    /// The matcher's table-driven fold must equal the shared normalizer (plus the hamza-seat fold).
    @Test func tableFoldEqualsTheSharedNormalizer() {
        var samples = [
            "وبالجَمَارِك الدولية ١٢٫٥٪ ۱۲ ﻻ ﺟﻤﺎﺭﻙ «دبي» ی ک د\u{202A}.\u{202C} جمـــارك ABC é ‏ \u{00A0}x",
            "مسؤول مسئول 😀 中文 \u{FEFF}بداية",
            "\u{FDFA}",  // expands to 18 scalars from 3 bytes: the slow path
            "ﷺﷺ ﻻ",
        ]
        var all = String.UnicodeScalarView()
        for v in UInt32(0x0600)...UInt32(0x06FF) { if let s = Unicode.Scalar(v) { all.append(s) } }
        // Skip the presentation-range scalars on which ArabicNormalizer itself recurses forever
        // (reported; the matcher keeps them as they are).
        for v in UInt32(0xFE70)...UInt32(0xFEFC) {
            guard let s = Unicode.Scalar(v) else { continue }
            let nfkc = String(s).precomposedStringWithCompatibilityMapping
            if !nfkc.unicodeScalars.contains(where: { MatchFolding.isPresentationForm($0.value) }) { all.append(s) }
        }
        samples.append(String(all))
        for text in samples {
            let expected = ArabicNormalizer.normalize(text).scalars.map { CliticTermMatcher.fold($0.value) }
            let folded = MatchFolding.fold(text)
            #expect(folded.scalars == expected)
            #expect(folded.originalCount == text.unicodeScalars.count)
        }
    }

    /// ﴾ ﴿ (Qur'an quotation brackets) must not bring the matcher down.
    @Test func ornateParenthesesAreSafe() {
        let text = "قال تعالى ﴿ وأوفوا الكيل ﴾ ثم أعلنت جمارك دبي"
        #expect(Fixtures.terms(text) == ["جمارك دبي"])
    }
}
