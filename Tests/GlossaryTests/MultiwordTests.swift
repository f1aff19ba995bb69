import BayanCore
import Glossary
import Testing

@Suite struct MultiwordTests {
    /// Adjectival terms: the article agrees across the words, clitics attach to the first word.
    @Test(arguments: [
        "البيان الجمركي", "بيان جمركي", "بالبيان الجمركي", "للبيان الجمركي", "والبيان الجمركي",
        "فالبيان الجمركي", "وللبيان الجمركي", "البيانات الجمركية", "بيانات جمركية", "بيانها الجمركي",
    ])
    func agreement(surface: String) {
        #expect(Fixtures.terms("قدم \(surface) إلكترونيا") == ["البيان الجمركي"])
        #expect(Fixtures.surfaces("قدم \(surface) إلكترونيا") == [surface])
    }

    /// إضافة: the first word has no article, the second keeps it.
    @Test(arguments: ["رسوم الجمارك", "ورسوم الجمارك", "برسوم الجمارك", "لرسوم الجمارك", "ورسوم جمارك"])
    func idafa(surface: String) {
        #expect(Fixtures.terms("تحصيل \(surface) كاملة") == ["رسوم الجمارك"])
    }

    @Test func threeWordTermsAndLongestMatch() {
        let text = "شاركت جمارك دبي في مؤتمر منظمة الجمارك العالمية ببروكسل"
        #expect(Fixtures.terms(text) == ["جمارك دبي", "منظمة الجمارك العالمية"])
        #expect(Fixtures.terms("وبمنظمة الجمارك العالمية") == ["منظمة الجمارك العالمية"])
        #expect(Fixtures.terms("لمنظمة الجمارك العالمية") == ["منظمة الجمارك العالمية"])
    }

    @Test func overlappingEntriesNeverOverlapInTheOutput() {
        // «قواعد المنشأ» beats «المنشأ»; «المنطقة الحرة» is one hit; «منظمة» alone stays a hit.
        #expect(Fixtures.terms("وفق قواعد المنشأ") == ["قواعد المنشأ"])
        #expect(Fixtures.terms("بلد المنشأ") == ["المنشأ"])
        #expect(Fixtures.terms("في المنطقة الحرة") == ["المنطقة الحرة"])
        #expect(Fixtures.terms("منظمة الجمارك") == ["منظمة", "الجمارك"])
        let g = Fixtures.glossary([("ألف باء", "AB"), ("باء جيم", "BC"), ("ألف باء جيم دال", "ABCD")])
        let m = CliticTermMatcher(glossary: g)
        #expect(Fixtures.terms("ألف باء جيم", m) == ["ألف باء"])
        #expect(Fixtures.terms("ألف باء جيم دال", m) == ["ألف باء جيم دال"])
        let hits = m.matches(in: "ألف باء جيم ألف باء جيم دال")
        for (a, b) in zip(hits, hits.dropFirst()) { #expect(a.end <= b.start) }
    }

    @Test func largeGlossaryStillFindsEveryTerm() {
        var rows: [(String, String)] = []
        let letters = Array("بتثجحخدذرزسشصضطظعغفقكلمنهوي")
        for i in 0..<700 {
            let a = letters[i % letters.count], b = letters[(i / letters.count) % letters.count]
            rows.append(("كلمة\(a)\(b)ا \(b)\(a)\(a)س", "term \(i)"))
        }
        rows.append(("جمارك دبي", "Dubai Customs"))
        let m = CliticTermMatcher(glossary: Fixtures.glossary(rows))
        #expect(Fixtures.terms("وأعلنت جمارك دبي", m) == ["جمارك دبي"])
    }
}
