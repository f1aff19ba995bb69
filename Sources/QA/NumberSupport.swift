import ArabicText
import Foundation

/// Whether the numbers of a short claim (a summary's key point, in English or Arabic) are
/// supported by source sentences, with the same scanning as the `numbers` check: both digit
/// systems, ٫/٬ separators, "2 million" for 2,000,000, number words in either language.
/// Issue 17's verifier is the caller; kept in its own file so the check itself is untouched.
public enum NumberSupport {
    /// The numbers written in `claim` that no number of `sources` matches, as written (digits)
    /// or as their value (words). Number words count from two up: "one", «واحد» and the
    /// ordinals' "first" are pronouns and idioms as often as numbers.
    public static func unsupported(claim: String, sources: [String]) -> [String] {
        var supported: [Double] = []
        for source in sources {
            supported += NumbersCheck.mentions(source).flatMap(\.candidates)
            supported += NumberWords.values(tokens: NumbersCheck.tokens(source, lowercase: false), lexicon: NumberWords.arabic, variants: { ArabicKey.variants($0) })
            supported += NumberWords.values(tokens: NumbersCheck.tokens(source, lowercase: true), lexicon: NumberWords.english, variants: { [$0] })
        }
        func isSupported(_ values: [Double]) -> Bool {
            values.contains { v in supported.contains { NumberMention.same($0, v) } }
        }
        var missing: [String] = []
        for mention in NumbersCheck.mentions(NumbersCheck.maskingIdioms(claim)) where !isSupported(mention.candidates) {
            let text = mention.percent && !mention.text.hasSuffix("%") ? mention.text + "%" : mention.text
            if !missing.contains(text) { missing.append(text) }
        }
        let words = NumberWords.values(tokens: NumbersCheck.tokens(claim, lowercase: true), lexicon: smallEnglish, variants: { [$0] })
            + NumberWords.values(tokens: NumbersCheck.tokens(claim, lowercase: false), lexicon: smallArabic, variants: { ArabicKey.variants($0) })
        for value in words where !isSupported([value]) {
            let text = value == value.rounded() ? String(Int(value)) : String(value)
            if !missing.contains(text) { missing.append(text) }
        }
        return missing
    }

    static let smallEnglish = NumberWords.english.filter { (2...90).contains($0.value) && $0.value == $0.value.rounded() }
    static let smallArabic = NumberWords.arabic.filter { (2...90).contains($0.value) && $0.value == $0.value.rounded() }
}
