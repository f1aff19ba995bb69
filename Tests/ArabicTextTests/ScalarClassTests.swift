import ArabicText
import Testing

/// The fast classes answer what the Unicode properties answer, on every scalar: the checks use
/// them in place of the property lookups.
@Suite struct ScalarClassTests {
    static let scalars = (UInt32(0)...0x10FFFF).compactMap(Unicode.Scalar.init)

    @Test func isSpaceIsWhiteSpace() {
        let wrong = Self.scalars.filter { ScalarClass.isSpace($0.value) != $0.properties.isWhitespace }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0.value, radix: 16) })")
    }

    @Test func isFormatIsGeneralCategoryCf() {
        let wrong = Self.scalars.filter { ScalarClass.isFormat($0.value) != ($0.properties.generalCategory == .format) }
        #expect(wrong.isEmpty, "\(wrong.prefix(10).map { String($0.value, radix: 16) })")
    }
}
