import BayanCore
import Glossary
import Testing

@Suite struct VariantAndNegativeTests {
    @Test(arguments: [
        ("الامارات", "الإمارات"), ("الأمارات", "الإمارات"), ("منظمه الجمارك العالميه", "منظمة الجمارك العالمية"),
        ("مسئول", "مسؤول"), ("مسؤول", "مسؤول"), ("جمـــارك دبي", "جمارك دبي"), ("جَمَارِكُ دُبَيّ", "جمارك دبي"),
        ("دبی", "دبي"), ("ﺟﻤﺎﺭﻙ ﺩﺑﻲ", "جمارك دبي"), ("جمارك\u{200F} دبي", "جمارك دبي"), ("مستوي", "مستوى"),
    ])
    func spellingVariants(surface: String, term: String) {
        #expect(Fixtures.terms("قال \(surface) اليوم") == [term])
        #expect(Fixtures.surfaces("قال \(surface) اليوم") == [surface])
    }

    /// Words that merely contain a term's letters.
    @Test(arguments: [
        "الإماراتية",  // nisba of الإمارات: "Emirati", not "UAE"
        "المنشآت",  // facilities, not المنشأ
        "مكتبة",  // library, not مكتب + pronoun
        "رسمي", "رسمية", "مرسوم", "الرسمية",  // official, decree: not رسم
        "دبيب", "مدبي",
        "شحن",  // the verb/noun without ة is another word
        "الجمركية",  // an adjective alone is not الجمارك
    ])
    func wordsThatOnlyContainTheLetters(word: String) {
        #expect(Fixtures.terms("نص \(word) آخر").isEmpty, "«\(word)» must not match")
    }

    /// Lucene's light stemmer turns وزارة into زار, ولاية into لا, دبي into دب: here the glossary
    /// holds «زار» and «دب» and still nothing loses a letter.
    @Test func luceneCounterExamples() {
        #expect(Fixtures.terms("وزارة المالية") == ["وزارة المالية"])
        #expect(Fixtures.surfaces("أعلنت وزارة المالية") == ["وزارة المالية"])
        #expect(Fixtures.terms("بوزارة المالية") == ["وزارة المالية"])
        #expect(Fixtures.terms("وزارة") == [])  // not «زار» + ـة
        #expect(Fixtures.terms("ولاية") == ["ولاية"])
        #expect(Fixtures.matcher.termMatches(in: "ولاية").first?.prefix == "")
        #expect(Fixtures.terms("والولاية") == ["ولاية"])
        #expect(Fixtures.terms("دبي") == ["دبي"])  // never «دب»
        #expect(Fixtures.terms("مكتبه") == ["مكتب"])  // ه as written is the pronoun
    }

    @Test func punctuationBreaksMultiwordTerms() {
        #expect(Fixtures.terms("جمارك، دبي") == ["الجمارك", "دبي"])
        #expect(Fixtures.terms("جمارك\nدبي") == ["الجمارك", "دبي"])
    }

    @Test func exactEntriesHaveNoTolerance() {
        let glossary = Fixtures.glossary([("إدارة", "Department"), ("ميناء جبل علي", "Jebel Ali Port")], exact: ["إدارة", "ميناء جبل علي"])
        let matcher = CliticTermMatcher(glossary: glossary)
        #expect(Fixtures.terms("إدارة", matcher) == ["إدارة"])
        #expect(Fixtures.terms("إدارَة", matcher) == ["إدارة"])  // marks never count
        #expect(Fixtures.terms("ادارة", matcher).isEmpty)
        #expect(Fixtures.terms("والإدارة", matcher).isEmpty)
        #expect(Fixtures.terms("إدارتها", matcher).isEmpty)
        #expect(Fixtures.terms("في ميناء جبل علي", matcher) == ["ميناء جبل علي"])
        #expect(Fixtures.terms("بميناء جبل علي", matcher).isEmpty)
    }

    @Test func offsetsAreUnicodeScalarOffsetsOfTheOriginal() {
        let text = "😀 قال مدير جَمَارِك دُبَيّ: «تم ضبط الشحنةِ»"
        let hits = Fixtures.matcher.matches(in: text)
        let scalars = Array(text.unicodeScalars)
        #expect(hits.count == 2)
        for hit in hits {
            #expect(hit.start >= 0 && hit.end <= scalars.count)
        }
        #expect(Fixtures.surfaces(text) == ["جَمَارِك دُبَيّ", "الشحنةِ"])
        #expect(hits.first?.start == 11)
    }
}
