import BayanCore
import Foundation

/// Reads glossary files (TSV, CSV, TBX by extension), validates each and merges them.
public enum GlossaryLoader {
    public struct Result: Sendable {
        /// The merged glossary, or nil when any file has an error.
        public var glossary: Glossary?
        /// Errors and warnings, in file order.
        public var problems: [GlossaryProblem]

        public var errors: [GlossaryProblem] { problems.filter { $0.severity == .error } }
    }

    public enum Format: String, Sendable, CaseIterable {
        case tsv, csv, tbx

        public init(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".csv") { self = .csv } else if lower.hasSuffix(".tbx") { self = .tbx } else { self = .tsv }
        }
    }

    /// Parses one file's bytes; `file` is the name used in problems.
    public static func parse(_ data: Data, file: String, format: Format) -> (entries: [GlossaryEntry], problems: [GlossaryProblem]) {
        switch format {
        case .tbx:
            do {
                let entries = try TBXReader.read(data, file: file)
                return (entries, GlossaryValidator.validate(entries))
            } catch let error as BayanError {
                return ([], [GlossaryProblem(file: file, line: error.line ?? 1, message: error.message)])
            } catch {
                return ([], [GlossaryProblem(file: file, line: 1, message: "cannot read TBX: \(error)")])
            }
        case .tsv, .csv:
            let text: String
            do {
                text = try DelimitedTable.decode(data, file: file)
            } catch {
                return ([], [GlossaryProblem(file: file, line: 1, message: "not UTF-8 text; save it as UTF-8 (in Excel: \"CSV UTF-8\")")])
            }
            let parsed = parseDelimited(text, file: file, format: format)
            return (parsed.entries, parsed.problems)
        }
    }

    /// Reads decoded TSV/CSV text and validates it: the one path a file load, `bayan glossary
    /// check` and an edit (`GlossaryFileEditor`) all take. Problems come in file order.
    public static func parseDelimited(_ text: String, file: String, format: Format) -> ParsedGlossaryFile {
        let delimiter: Unicode.Scalar = format == .tsv ? "\t" : GlossaryFileParser.csvDelimiter(of: text)
        var parsed = GlossaryFileParser.parseFile(text, file: file, delimiter: delimiter)
        let problems = parsed.problems + GlossaryValidator.validate(parsed.entries)
        // In file order, so the list reads top to bottom with the file.
        parsed.problems = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        return parsed
    }

    /// Loads, validates and merges `paths` in order (later files win).
    public static func load(_ paths: [String]) -> Result {
        var all: [[GlossaryEntry]] = []
        var problems: [GlossaryProblem] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                problems.append(GlossaryProblem(file: path, line: 0, message: "cannot read the file; check the path in glossary.files and its permissions"))
                continue
            }
            let parsed = parse(data, file: path, format: Format(path: path))
            all.append(parsed.entries)
            problems += parsed.problems
        }
        let merged = Glossary.merge(all)
        problems += merged.problems
        let hasError = problems.contains { $0.severity == .error }
        return Result(glossary: hasError ? nil : merged.glossary, problems: problems)
    }
}

extension BayanError {
    /// A line number carried in `cause` as `line N` by the TBX reader.
    var line: Int? {
        guard let cause, cause.hasPrefix("line ") else { return nil }
        return Int(cause.dropFirst(5))
    }
}
