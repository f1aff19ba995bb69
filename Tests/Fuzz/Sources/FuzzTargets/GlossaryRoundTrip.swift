import ArabicText
import BayanCore
import Foundation
import Glossary

/// A valid glossary written out and read back must give the same terms.
enum GlossaryRoundTrip {
    struct Terms: Equatable, CustomStringConvertible {
        var ar: String, en: String, avoid: [String], exact: Bool
        var description: String { "\(ar.debugDescription) → \(en.debugDescription) avoid \(avoid) exact \(exact)" }
    }

    static func terms(_ entries: [GlossaryEntry]) -> [Terms] {
        entries.map { Terms(ar: $0.ar, en: $0.en, avoid: $0.avoid, exact: $0.exact) }
    }

    static func checkTSV(_ glossary: Glossary) {
        // A TBX avoid rendering holding | or ; cannot stay one in the TSV avoid cell; import and
        // export refuse it (GlossaryTSVWriter.problems), so there is no round trip to check.
        guard GlossaryTSVWriter.problems(glossary.entries).isEmpty else { return }
        checkRoundTrip(glossary, written: GlossaryTSVWriter.write(glossary.entries), format: .tsv)
    }

    static func checkTBX(_ glossary: Glossary) {
        checkRoundTrip(glossary, written: TBXWriter.write(glossary), format: .tbx)
    }

    /// `written` (the glossary in `format`) must load without errors and give the same terms.
    static func checkRoundTrip(_ glossary: Glossary, written: String, format: GlossaryLoader.Format) {
        let name = format.rawValue.uppercased()
        let back = GlossaryLoader.parse(Data(written.utf8), file: "back.\(format.rawValue)", format: format)
        FuzzCheck.require(!back.problems.contains { $0.severity == .error },
                          "the \(name) writer's output does not load: \(back.problems.first.map(String.init(describing:)) ?? "")")
        let want = terms(glossary.entries), got = terms(back.entries)
        FuzzCheck.require(want == got, "\(name) round trip changed the terms: \(want) → \(got)")
    }

    /// Hits lie inside the text and name glossary entries.
    static func checkMatcher(_ glossary: Glossary) {
        let matcher = CliticTermMatcher(glossary: glossary)
        let text = "قالت الهيئة: " + glossary.entries.prefix(8).map { "و" + $0.ar }.joined(separator: "، ") + "."
        let count = text.unicodeScalars.count
        for hit in matcher.matches(in: text) {
            FuzzCheck.require(hit.start >= 0 && hit.start < hit.end && hit.end <= count, "hit \(hit.start)..<\(hit.end) outside 0..<\(count)")
            FuzzCheck.require(glossary.entry(ar: hit.ar) != nil, "hit names «\(hit.ar)», not in the glossary")
        }
    }
}
