import ArabicText
import Foundation
import Testing

/// The fast paths of `ArabicNormalizer` must not change a single mapping: compare every BMP
/// scalar with the rules of arabic.md §3.6 written out plainly.
@Suite struct NormalizerEquivalenceTests {
    static func reference(_ u: Unicode.Scalar) -> String {
        let v = u.value
        switch v {
        case 0x41...0x5A: return String(Unicode.Scalar(v + 0x20)!)
        case 0x0622, 0x0623, 0x0625, 0x0671: return "\u{0627}"
        case 0x0649, 0x06CC: return "\u{064A}"
        case 0x0629: return "\u{0647}"
        case 0x06A9: return "\u{0643}"
        case 0x0640, 0x064B...0x0652, 0x0670: return ""
        case 0x0660...0x0669: return String(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9: return String(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0x066B: return "."
        case 0x066C: return ","
        case 0x066A: return "%"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC:
            return String(u).precomposedStringWithCompatibilityMapping.unicodeScalars.map {
                (0xFB50...0xFDFF).contains($0.value) || (0xFE70...0xFEFC).contains($0.value) ? String($0) : reference($0)
            }.joined()
        default: return u.properties.generalCategory == .format ? "" : String(u)
        }
    }

    @Test func noncharactersInThePresentationBlockDoNotRecurse() {
        // U+FDD0 folds to itself under NFKC; this used to recurse until the stack overflowed.
        let scalars = [0x0627, 0xFDD0, 0x0628, 0xFDEF].compactMap { Unicode.Scalar(UInt32($0)) }
        let text = String(String.UnicodeScalarView(scalars))
        #expect(ArabicNormalizer.key(text) == text)
    }

    @Test func everyBMPScalarMapsAsTheRulesSay() {
        var mismatches: [String] = []
        for v in UInt32(0)...0xFFFF {
            guard let u = Unicode.Scalar(v) else { continue }
            let got = ArabicNormalizer.normalize(String(u)).scalars.map { String($0) }.joined()
            if got != Self.reference(u) { mismatches.append(String(format: "U+%04X", v)) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
    }
}
