import Foundation

/// Text normalized for matching (never for output), with a map back to the original.
///
/// `origin[i]` is the scalar offset in the original text of normalized scalar `i`; one original
/// scalar may give several normalized ones (presentation forms such as ﻻ → لا) or none (deleted
/// diacritics, tatweel, format characters).
public struct NormalizedText: Sendable, Equatable {
    public let scalars: [Unicode.Scalar]
    public let origin: [Int]
    public let originalCount: Int

    public var string: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars)
        return String(s)
    }

    /// The original scalar range covered by normalized scalars `range`.
    public func originalRange(_ range: Range<Int>) -> Range<Int> {
        guard !range.isEmpty else {
            let at = range.lowerBound < origin.count ? origin[range.lowerBound] : originalCount
            return at..<at
        }
        let lower = origin[range.lowerBound]
        // The end runs to just before the next kept scalar, so deleted marks inside or at the
        // end of a word (diacritics, tatweel) stay inside the span.
        let upper = range.upperBound < origin.count ? origin[range.upperBound] : originalCount
        return lower..<max(upper, lower + 1)
    }
}

/// The one normalization used by every stage that compares Arabic text (glossary matching,
/// translation memory keys, QA, summary scoring). Rules: `../shared/reference/arabic.md` §3.6.
public enum ArabicNormalizer {
    public static func normalize(_ text: String) -> NormalizedText {
        var out: [Unicode.Scalar] = []
        var origin: [Int] = []
        out.reserveCapacity(text.unicodeScalars.count)
        origin.reserveCapacity(text.unicodeScalars.count)
        var index = 0
        for scalar in text.unicodeScalars {
            switch map(scalar) {
            case .delete:
                break
            case .one(let s):
                out.append(s)
                origin.append(index)
            case .many(let list):
                for s in list {
                    out.append(s)
                    origin.append(index)
                }
            }
            index += 1
        }
        return NormalizedText(scalars: out, origin: origin, originalCount: index)
    }

    /// The normalized form as a plain string (for keys and comparisons).
    public static func key(_ text: String) -> String { key(scalars: text.unicodeScalars) }

    /// `key` of scalars, without the offset map (the QA checks key every word of a sentence).
    public static func key(scalars: some Sequence<Unicode.Scalar>) -> String {
        var out = String.UnicodeScalarView()
        for scalar in scalars {
            switch map(scalar) {
            case .delete: break
            case .one(let s): out.append(s)
            case .many(let list): out.append(contentsOf: list)
            }
        }
        return String(out)
    }

    enum Mapped {
        case delete
        case one(Unicode.Scalar)
        case many([Unicode.Scalar])
    }

    static func map(_ scalar: Unicode.Scalar) -> Mapped {
        let v = scalar.value
        switch v {
        case 0x0041...0x005A:  // ASCII upper case: compare case-insensitively
            return .one(Unicode.Scalar(v + 0x20)!)
        case 0x0622, 0x0623, 0x0625, 0x0671:  // آ أ إ ٱ
            return .one("\u{0627}")
        case 0x0649:  // ى
            return .one("\u{064A}")
        case 0x0629:  // ة
            return .one("\u{0647}")
        case 0x06CC:  // Persian yeh ی
            return .one("\u{064A}")
        case 0x06A9:  // Persian kaf ک
            return .one("\u{0643}")
        case 0x0640, 0x064B...0x0652, 0x0670:  // tatweel, harakat, superscript alef
            return .delete
        case 0x0020...0x007E, 0x0621...0x063A, 0x0641...0x064A:
            // Fast path for the common case, before any property lookup: ASCII (upper case was
            // handled above) and Arabic letters (the folded ones were handled above) stay as they are.
            return .one(scalar)
        case 0x0660...0x0669:
            return .one(Unicode.Scalar(v - 0x0660 + 0x30)!)
        case 0x06F0...0x06F9:
            return .one(Unicode.Scalar(v - 0x06F0 + 0x30)!)
        case 0x066B:  // ٫ decimal separator
            return .one(".")
        case 0x066C:  // ٬ thousands separator
            return .one(",")
        case 0x066A:  // ٪
            return .one("%")
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:  // exotic spaces → space
            return .one(" ")
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC:  // Arabic presentation forms → NFKC
            let folded = String(scalar).precomposedStringWithCompatibilityMapping
            let mapped = folded.unicodeScalars.flatMap { s -> [Unicode.Scalar] in
                // Noncharacters and unassigned code points here (U+FDD0…) fold to themselves:
                // recursing on them would never end (a crash on hostile input).
                if (0xFB50...0xFDFF).contains(s.value) || (0xFE70...0xFEFC).contains(s.value) { return [s] }
                switch map(s) {
                case .delete: return []
                case .one(let m): return [m]
                case .many(let ms): return ms
                }
            }
            return mapped.count == 1 ? .one(mapped[0]) : (mapped.isEmpty ? .delete : .many(mapped))
        default:
            if isFormatCharacter(scalar) { return .delete }
            return .one(scalar)
        }
    }

    /// Invisible format characters (general category Cf: RLM, ALM, bidi embeddings and isolates,
    /// zero-width joiners, BOM, soft hyphen).
    public static func isFormatCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .format
    }
}
