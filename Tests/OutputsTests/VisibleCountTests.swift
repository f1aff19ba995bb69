import Testing
@testable import QA

/// The length check's count of visible characters, with its fast paths, counts what its
/// definition counts: not white space, not a format character, not a nonspacing mark, not the
/// tatweel. Every scalar alone, and a mixed sentence.
@Suite struct VisibleCountTests {
    static func definition(_ text: String) -> Int {
        text.unicodeScalars.filter {
            !$0.properties.isWhitespace && $0.properties.generalCategory != .format
                && $0.properties.generalCategory != .nonspacingMark && $0 != "\u{0640}"
        }.count
    }

    @Test func everyScalarCountsAsItsDefinitionSays() {
        let wrong = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init).filter {
            LengthRatioCheck.visibleCount(String($0)) != Self.definition(String($0))
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0.value, radix: 16) })")
    }

    @Test func aMixedSentence() {
        let text = "رَفَعَتْ الجمـــارك\u{200F} الرسوم ٥٪ on 12\u{00A0}items\t."
        #expect(LengthRatioCheck.visibleCount(text) == Self.definition(text))
        #expect(LengthRatioCheck.visibleCount(text) == 29)  // ر ف ع ت, ا ل ج م ا ر ك, ا ل ر س و م, ٥٪, on, 12, items, .
    }
}
