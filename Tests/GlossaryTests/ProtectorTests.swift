import BayanCore
import Glossary
import Testing

@Suite struct ProtectorTests {
    let source = "وأعلنت جمارك دبي وبالجمارك الاتحادية عن ضبط شحنة، وأكدت جمارك دبي ذلك"

    @Test func protectKeepsCliticsAndNumbersDistinctTerms() {
        let matches = Fixtures.matcher.termMatches(in: source)
        let protected = TermProtector.protect(source, matches: matches)
        #expect(protected.text == "وأعلنت ⟦T1⟧ وب⟦T2⟧ الاتحادية عن ضبط ⟦T3⟧، وأكدت ⟦T1⟧ ذلك")
        #expect(protected.terms == [1: "Dubai Customs", 2: "customs", 3: "shipment"])
        let whole = TermProtector.protect(source, hits: matches.map(\.hit))
        #expect(whole.text.hasPrefix("وأعلنت ⟦T1⟧ ⟦T2⟧ الاتحادية"))
    }

    @Test(arguments: [
        "⟦T1⟧ and federal ⟦T2⟧ announced the seizure of a ⟦T3⟧; ⟦T1⟧ confirmed it",
        "⟦ T1 ⟧ and federal [T2] announced the seizure of a (T3); [[T1]] confirmed it",
        "⟦t1⟧ and federal ⟦T 2⟧ announced the seizure of a ⟦T-3⟧; T1 confirmed it",
        "«T1» and federal {T2} announced the seizure of a 【T3】; ⟦T1⟧ confirmed it",
        "[T1] and federal [ T2 ] announced the seizure of a [T3]; [T1] confirmed it",
    ])
    func restoreToleratesWhatEnginesDo(translation: String) {
        let protected = TermProtector.protect(source, matches: Fixtures.matcher.termMatches(in: source))
        let restored = TermProtector.restore(translation, protected)
        #expect(restored.text == "Dubai Customs and federal customs announced the seizure of a shipment; Dubai Customs confirmed it")
        #expect(restored.missing == [])
    }

    @Test func lostPlaceholdersAreReportedAndTextIsLeftAlone() {
        let protected = TermProtector.Protected(text: "x", terms: [1: "Dubai Customs", 2: "shipment"])
        let restored = TermProtector.restore("The T-shirt of T1000 and t1 stay; [T2] seized.", protected)
        #expect(restored.text == "The T-shirt of T1000 and t1 stay; shipment seized.")
        #expect(restored.missing == [1])
        let glued = TermProtector.restore("and⟦T2⟧was", protected)
        #expect(glued.text == "and shipment was")
    }
}
