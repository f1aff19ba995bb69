import ArabicText
import BayanCore

/// Surface cues of Arabic press releases that the similarity scores cannot see.
enum SummaryCues {
    /// First words (normalized, one conjunction و/ف removed) of protocol and closing formulas:
    /// welcomes, thanks, "attended by", "the ceremony began/ended", photos, "for enquiries".
    /// They open and close many releases and never carry the news.
    static let formulaOpeners: Set<String> = [
        "رحب", "شكر", "تمني", "حضر", "حضره", "اختتم", "ختام", "التقطت", "للاستفسار", "للمزيد", "يرجي",
        "رافق", "تجول", "اثني", "يسعدنا", "نرحب",
    ]
    /// Phrases that mark a ceremony formula anywhere in the sentence.
    static let formulaPhrases = ["السلام الوطني", "ايات من القران", "الصور التذكاريه", "طيب الاقامه"]

    static func isFormula(_ text: String) -> Bool {
        let key = ArabicNormalizer.key(text)
        let words = KeyText.words(key, digits: false).prefix(3)
        for (k, word) in words.enumerated() where k < 2 {
            var w = word
            if KeyText.length(w) > 3, KeyText.starts(w, with: "و") || KeyText.starts(w, with: "ف") { w = KeyText.dropFirst(w, 1) }
            if formulaOpeners.contains(w) { return true }
            // «وفي ختام …», «وفي الختام …»: look past the preposition only.
            if !(w == "في" || w == "وفي") { break }
        }
        return formulaPhrases.contains { UTF8Search.contains(key, $0) }
    }

    /// A figure in either digit system (amounts, percentages, counts: the facts of a release).
    static func hasFigure(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value >= 0x30 && $0.value <= 0x39) || ($0.value >= 0x660 && $0.value <= 0x669) || ($0.value >= 0x6F0 && $0.value <= 0x6F9) }
    }
}

/// Word counts for the summary's length budget, which is set in English words.
public enum WordCount {
    /// Words of an English text: whitespace-separated tokens holding a letter or a digit.
    public static func english(_ text: String) -> Int { wordsWithLetterOrDigit(text) }

    /// Whitespace-separated tokens holding a letter or a digit, counted on scalars (the
    /// Character-based split was a sixth of the summary's time on short documents).
    static func wordsWithLetterOrDigit(_ text: String) -> Int {
        var count = 0
        var counted = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isWhitespace {
                counted = false
            } else if !counted {
                switch properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                    .decimalNumber, .letterNumber, .otherNumber:
                    count += 1
                    counted = true
                default: break
                }
            }
        }
        return count
    }

    /// English words expected for an Arabic text before it is translated: Arabic words × 1.3,
    /// rounded up. Arabic attaches articles, prepositions, conjunctions and pronouns to the
    /// word, so its English translation runs longer (1.3 measured on the project's sample
    /// release and its translation; see docs/BENCHMARKS.md).
    public static func estimatedEnglish(fromArabic text: String) -> Int {
        let words = wordsWithLetterOrDigit(text)
        return Int((Double(words) * englishPerArabicWord).rounded(.up))
    }

    public static let englishPerArabicWord = 1.3
}
