import BayanCore
import Foundation
import Glossary
import Testing

@Suite struct ShippedGlossaryTests {
    static let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Glossary/customs.tsv").path

    @Test func validatesCleanlyWithAtLeast300Entries() throws {
        let result = GlossaryLoader.load([Self.path])
        #expect(result.problems.map(\.description) == [])
        let glossary = try #require(result.glossary)
        #expect(glossary.entries.count >= 300)
    }

    @Test func findsTheTermsOfTheSampleRelease() throws {
        let glossary = try #require(GlossaryLoader.load([Self.path]).glossary)
        let matcher = CliticTermMatcher(glossary: glossary)
        let text = "وألقت جمارك دبي ورقة عمل خلال مؤتمر منظمة الجمارك العالمية، وأكد مدير إدارة الاتصال المؤسسي بجمارك دبي"
        let terms = matcher.matches(in: text).map(\.en)
        #expect(terms.filter { $0 == "Dubai Customs" }.count == 2)
        #expect(terms.contains("World Customs Organization"))
    }
}
