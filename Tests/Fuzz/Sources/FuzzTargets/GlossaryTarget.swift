import ArabicText
import BayanCore
import Foundation
import Glossary

private let formats: [GlossaryLoader.Format] = [.tsv, .csv, .tbx]

/// First byte: the format (TSV, CSV, TBX); the rest is the file. A file that loads without
/// errors must survive a round trip through the TSV and TBX writers unchanged, and the matcher
/// built from it must return hits inside the text it was given.
public enum GlossaryTarget {
    public static func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        let format = input.pick(formats)
        let bytes = input.rest
        let file = "glossary.\(format.rawValue)"
        let parsed = GlossaryLoader.parse(Data(bytes), file: file, format: format)

        for problem in parsed.problems {
            FuzzCheck.require(problem.file == file, "problem names file \(problem.file)")
            FuzzCheck.require(problem.line >= 1, "problem on line \(problem.line): \(problem.message)")
            FuzzCheck.require(!problem.message.isEmpty, "problem without a message")
        }
        for entry in parsed.entries {
            FuzzCheck.require(entry.file == file && entry.line >= 1, "entry at \(entry.location)")
        }
        if format != .tbx {
            let lines = bytes.count { $0 == 0x0A || $0 == 0x0D } + 1
            for entry in parsed.entries { FuzzCheck.require(entry.line <= lines, "entry on line \(entry.line) of \(lines)") }
            let order = parsed.problems.map(\.line)
            FuzzCheck.require(order == order.sorted(), "problems are not in line order")
        }
        guard !parsed.problems.contains(where: { $0.severity == .error }) else { return }

        let glossary = Glossary.merge([parsed.entries]).glossary
        GlossaryRoundTrip.checkTSV(glossary)
        GlossaryRoundTrip.checkTBX(glossary)
        GlossaryRoundTrip.checkMatcher(glossary)
    }
}
