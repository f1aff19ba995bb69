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
        // The TSV avoid cell separates renderings with | or ; so a TBX rendering holding one
        // cannot survive as one (documented, not a defect).
        if glossary.entries.contains(where: { $0.avoid.contains { $0.contains("|") || $0.contains(";") } }) { return }
        let tsv = GlossaryTSVWriter.write(glossary.entries)
        let back = GlossaryLoader.parse(Data(tsv.utf8), file: "back.tsv", format: .tsv)
        FuzzCheck.require(!back.problems.contains { $0.severity == .error },
                          "the TSV writer's output does not load: \(back.problems.first.map(String.init(describing:)) ?? "")")
        let want = terms(glossary.entries), got = terms(back.entries)
        FuzzCheck.require(want == got, "TSV round trip changed the terms: \(want) → \(got)")
    }

    static func checkTBX(_ glossary: Glossary) {
        let tbx = TBXWriter.write(glossary)
        let back = GlossaryLoader.parse(Data(tbx.utf8), file: "back.tbx", format: .tbx)
        FuzzCheck.require(!back.problems.contains { $0.severity == .error },
                          "the TBX writer's output does not load: \(back.problems.first.map(String.init(describing:)) ?? "")")
        let want = terms(glossary.entries), got = terms(back.entries)
        FuzzCheck.require(want == got, "TBX round trip changed the terms: \(want) → \(got)")
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
