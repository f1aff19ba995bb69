import ArabicText
import Foundation
import BayanCore

/// `numbers`: every number in the Arabic appears in the English, and the English adds no digits
/// the Arabic does not have (in digits or in words).
///
/// Accepted: both digit systems, ٫/٬ separators, ٪, thousands grouping, "2 million" for
/// 2,000,000, English number words ("three"), month names for a month number, "2020–21" for
/// 2021, clock times ("10.30" for «10:30»), the Arabic decimal comma («2,5»), duals, "and a
/// half" and decades in words (`ArabicNumberPhrases`). URLs and e-mail addresses are left to
/// their own checks.
public struct NumbersCheck: PairChecker {
    public init() {}

    public func check(_ pair: AlignedPair) -> [QAIssue] {
        guard !TextScan.hasNoContent(pair.en) else { return [] }
        let ar = Self.mentions(pair.segment.text)
        let enWritten = Self.mentions(Self.maskingIdioms(pair.en))
        // Nothing written in digits on either side: nothing to look for (the word and phrase
        // analyses below only widen where a digit may be found), and most sentences end here.
        if ar.isEmpty && enWritten.isEmpty { return [] }
        var issues: [QAIssue] = []
        var reported = Set<String>()
        let phrases = ArabicNumberPhrases.analyze(pair.segment.text)
        if !ar.isEmpty {
            let enTokens = Self.tokens(pair.en, lowercase: true)
            var enValues = Self.mentions(pair.en).flatMap(\.candidates)
            enValues += NumberWords.values(tokens: enTokens, lexicon: NumberWords.english, variants: { [$0] })
            enValues += enTokens.compactMap { NumberWords.englishMonths[$0] }
            enValues += Self.abbreviatedRangeYears(TextScan.foldDigits(pair.en))
            // «4 ساعات وربع» → "4.25 hours": the English sum stands for the Arabic «4».
            enValues += phrases.sums.filter { sum in enValues.contains { NumberMention.same($0, sum.total) } }.map(\.part)
            for mention in ar where !mention.candidates.contains(where: { c in enValues.contains { NumberMention.same($0, c) } }) {
                guard reported.insert("ar:" + mention.text).inserted else { continue }
                issues.append(QAIssue(check: "numbers", message: "\(mention.text) in the Arabic is missing from the English"))
            }
        }
        if !enWritten.isEmpty {
            let arTokens = Self.tokens(pair.segment.text, lowercase: false)
            var arValues = ar.flatMap(\.candidates)
            let arForms = arTokens.map { ArabicKey.variants($0) }  // once per word, for both look-ups
            arValues += NumberWords.values(tokens: arTokens, forms: arForms, lexicon: NumberWords.arabic)
            arValues += arForms.compactMap { forms in forms.lazy.compactMap { NumberWords.arabicMonths[$0] }.first }
            arValues += phrases.values
            for mention in enWritten where !mention.candidates.contains(where: { c in arValues.contains { NumberMention.same($0, c) } }) {
                // A shortened range end ("2020–21") was matched above as a year; skip it here too.
                if Self.isAbbreviatedRangeEnd(mention, arValues: arValues, english: pair.en) { continue }
                guard reported.insert("en:" + mention.text).inserted else { continue }
                issues.append(QAIssue(check: "numbers", message: "\(mention.text) in the English is not in the Arabic"))
            }
        }
        let lowered = pair.en.lowercased()
        let enSaysPercent = pair.en.utf8.contains(UInt8(ascii: "%")) || UTF8Search.contains(lowered, "percent") || UTF8Search.contains(lowered, "per cent")
        if !enSaysPercent, let pct = ar.first(where: \.percent) {
            issues.append(QAIssue(check: "numbers", message: "\(pct.text)٪ is a percentage but the English does not say percent"))
        }
        return issues
    }

    /// English names with digits that render Arabic words («على مدار الساعة» → "24/7",
    /// «جائحة كورونا» → "the COVID-19 pandemic"): not numbers the English added.
    static let idioms = ["24/7", "24x7", "covid-19", "covid19", "sars-cov-2", "mers-cov"]

    static func maskingIdioms(_ text: String) -> String {
        // Every idiom holds an ASCII digit: text without one has none to mask.
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return text }
        // The idioms are ASCII, so an ASCII case fold of the UTF-8 finds them byte for byte
        // (Foundation's case-insensitive search was most of this check's time on English
        // with digits); each is replaced by as many spaces as it has characters.
        var bytes = Array(text.utf8)
        let folded = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        var changed = false
        for idiom in idiomBytes {
            var i = 0
            while i + idiom.count <= folded.count {
                if folded[i] == idiom[0] && folded[i..<(i + idiom.count)].elementsEqual(idiom) {
                    for k in i..<(i + idiom.count) { bytes[k] = 0x20 }
                    changed = true
                    i += idiom.count
                } else {
                    i += 1
                }
            }
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    private static let idiomBytes = idioms.map { Array($0.utf8) }

    /// Numbers written with digits. In Arabic text (any Arabic letter) a comma before one or two
    /// digits is a decimal comma («2,5»).
    static func mentions(_ text: String) -> [NumberMention] {
        let scalars = TextScan.foldDigits(text)
        let masked = LinkScanner.emails(scalars).map(\.range)
        let links = masked + LinkScanner.urls(scalars, excluding: masked).map(\.range)
        return DigitNumberScanner.scan(scalars, masked: links, decimalComma: scalars.contains(where: TextScan.isArabicLetter))
    }

    /// Words: runs of letters with their combining marks.
    static func tokens(_ text: String, lowercase: Bool) -> [String] {
        KeyText.words(lowercase ? text.lowercased() : text, digits: false)
    }

    /// "2020–21", "2020/21": the short end stands for 2021.
    static func abbreviatedRangeYears(_ scalars: [Unicode.Scalar]) -> [Double] {
        let text = TextScan.string(scalars)
        var out: [Double] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i + 6 < chars.count + 0 {
            let year = chars[i..<(i + 4)]
            let sep = chars[i + 4]
            if year.allSatisfy({ $0.properties.numericType != nil && $0.isASCII }), "-–/".unicodeScalars.contains(sep),
                i + 6 < chars.count + 1, chars[(i + 5)..<(i + 7)].allSatisfy({ $0.isASCII && $0.properties.numericType != nil }),
                i + 7 >= chars.count || chars[i + 7].properties.numericType == nil,
                let y = Int(TextScan.string(year)), let short = Int(TextScan.string(chars[(i + 5)..<(i + 7)]))
            {
                out.append(Double(y / 100 * 100 + short))
            }
            i += 1
        }
        return out
    }

    private static func isAbbreviatedRangeEnd(_ mention: NumberMention, arValues: [Double], english: String) -> Bool {
        guard mention.value < 100, mention.text.count == 2 else { return false }
        let years = abbreviatedRangeYears(TextScan.foldDigits(english))
        return years.contains { y in Int(y) % 100 == Int(mention.value) && arValues.contains { NumberMention.same($0, y) } }
    }
}
