import BayanCore
import Glossary
import Testing

@Suite struct VerifierTests {
    let verifier: TermVerifier = {
        var entries = Fixtures.glossary([
            ("جمارك دبي", "Dubai Customs"), ("البيان الجمركي", "customs declaration"),
            ("التجارة الإلكترونية", "e-commerce"), ("منظمة الجمارك العالمية", "World Customs Organization"),
            ("الإجراءات الجمركية", "customs procedures"), ("شحنة", "shipment"),
        ]).entries
        entries[0].avoid = ["Dubai Customs Department", "Customs of Dubai"]
        return TermVerifier(glossary: Glossary(entries: entries))
    }()

    func hit(_ ar: String, _ en: String) -> TermHit { TermHit(ar: ar, en: en, start: 0, end: 1) }

    @Test(arguments: [
        ("Dubai Customs took part.", "جمارك دبي", "Dubai Customs"),
        ("DUBAI CUSTOMS took part.", "جمارك دبي", "Dubai Customs"),
        ("Dubai Customs' officers", "جمارك دبي", "Dubai Customs"),
        ("Dubai Customs’s officers", "جمارك دبي", "Dubai Customs"),
        ("two customs declarations were filed", "البيان الجمركي", "customs declaration"),
        ("the declaration's customs declaration", "البيان الجمركي", "customs declaration"),
        ("growth in ecommerce", "التجارة الإلكترونية", "e-commerce"),
        ("growth in e commerce", "التجارة الإلكترونية", "e-commerce"),
        ("the World Customs Organization's council", "منظمة الجمارك العالمية", "World Customs Organization"),
        ("a simplified customs procedure", "الإجراءات الجمركية", "customs procedures"),
        ("the shipments were seized", "شحنة", "shipment"),
    ])
    func approvedEnglishIsFoundWithTolerance(translation: String, ar: String, en: String) {
        #expect(verifier.check(hit(ar, en), translation: translation) == .ok)
    }

    @Test func missesAndAvoidedRenderings() {
        let h = hit("جمارك دبي", "Dubai Customs")
        #expect(verifier.check(h, translation: "Dubai Custom took part.") == .missing)
        // Spelling is the glossary's call: Organisation is not Organization.
        let wco = hit("منظمة الجمارك العالمية", "World Customs Organization")
        #expect(verifier.check(wco, translation: "the World Customs Organisation said") == .missing)
        #expect(verifier.check(h, translation: "The customs of Dubai took part.") == .avoided("Customs of Dubai"))
        #expect(verifier.check(h, translation: "Dubai Customs Department and Dubai Customs") == .avoided("Dubai Customs Department"))
        let result = verifier.verify([h, hit("شحنة", "shipment"), h], translation: "Customs of Dubai seized a shipment")
        #expect(result.hits.map(\.ok) == [false, true, false])
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.check == "glossary")
        #expect(result.issues.first?.message.contains("use \"Dubai Customs\"") == true)
        let miss = verifier.verify([hit("البيان الجمركي", "customs declaration")], translation: "the customs form")
        #expect(miss.hits.first?.ok == false)
        #expect(miss.issues == [QAIssue(check: "glossary", message: "«البيان الجمركي» must be translated \"customs declaration\" (glossary); the translation does not contain it")])
    }

    @Test func endToEndFromArabicHits() {
        let matcher = CliticTermMatcher(glossary: verifier.glossary)
        let hits = matcher.matches(in: "وقدمت جمارك دبي بياناتها الجمركية إلى منظمة الجمارك العالمية")
        #expect(hits.map(\.ar) == ["جمارك دبي", "البيان الجمركي", "منظمة الجمارك العالمية"])
        let result = verifier.verify(hits, translation: "Dubai Customs submitted its customs declarations to the World Customs Organization")
        #expect(result.hits.allSatisfy { $0.ok == true })
        #expect(result.issues.isEmpty)
    }
}
