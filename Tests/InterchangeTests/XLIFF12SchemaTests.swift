import BayanCore
import Foundation
import Outputs
import Testing

/// Bayan's XLIFF 1.2 validates against the OASIS strict schema (kept in Fixtures/, with the
/// XML namespace schema local so xmllint never reaches for the network).
@Suite struct XLIFF12SchemaTests {
    @Test func xliff12OutputValidatesAgainstTheStrictSchema() throws {
        let folder = try Temp.directory()
        var result = Doc.result(file: "بيان <&> \"x\".txt")
        result.pairs[1].en = "Hostile <b>&</b> \"quotes\" \u{1} 'x'"
        result.pairs[0].terms = [TermHit(ar: "جمارك دبي", en: "Dubai Customs", start: 0, end: 9, ok: false)]
        let path = folder + "/pr-7.xliff12.xlf"
        try Data(try XLIFF12Writer().render(result, stem: "pr-7")).write(to: URL(fileURLWithPath: path))
        let out = try Tools.run("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", Tools.fixtures + "/xliff-core-1.2-strict.xsd", path])
        #expect(out.status == 0, "xmllint: \(out.stderr)")
        #expect(out.stderr.contains("validates"))
        // The check can fail: a unit without its required source does not validate.
        let broken = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "<source xml:lang=\"ar\">وبلغت", with: "<sourcex xml:lang=\"ar\">وبلغت")
            .replacingOccurrences(of: "درهم.</source>", with: "درهم.</sourcex>")
        try broken.write(toFile: path, atomically: true, encoding: .utf8)
        let bad = try Tools.run("/usr/bin/xmllint", ["--noout", "--nonet", "--schema", Tools.fixtures + "/xliff-core-1.2-strict.xsd", path])
        #expect(bad.status != 0)
    }
}
