import ArabicText
import BayanCore
import Foundation
import Outputs

/// `bayan-bench release [--paragraphs N] [--rounds R]`: what writing the English release and
/// the bilingual copy costs next to reading the same .docx (the baseline every document pays).
/// The input repeats the body of Tests/ReleaseFixtures/customs-release.docx (LibreOffice's
/// runs, lists, a table, an image) until it holds N paragraphs.
enum ReleaseBench {
    static func run(_ args: [String]) async throws {
        let paragraphs = BenchArgs.int(args, "--paragraphs") ?? 2_000
        let rounds = BenchArgs.int(args, "--rounds") ?? 7
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let fixture = Array(try Data(contentsOf: root.appendingPathComponent("Tests/ReleaseFixtures/customs-release.docx")))
        let input = try scaled(fixture, paragraphs: paragraphs)
        let reader = SniffingDocumentReader()
        let document = try reader.read(input, fileName: "bench.docx")
        let segments = ArabicSentenceSegmenter().segment(document)
        var result = DocumentResult(
            source: document.source, engine: EngineInfo(kind: "bench"), paragraphs: document.paragraphs,
            pairs: segments.map { AlignedPair(segment: $0, en: "The customs sentence number \($0.id) in English.") })
        result.original = input
        var read: [Double] = [], release: [Double] = [], bilingual: [Double] = []
        var sizes = (0, 0)
        func time(_ body: () throws -> Void) rethrows -> Double {
            let start = ContinuousClock.now
            try body()
            let d = ContinuousClock.now - start
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        for _ in 0..<rounds {  // alternating, so drift on a shared machine hits all three alike
            read.append(try time { _ = try reader.read(input, fileName: "bench.docx") })
            release.append(try time { sizes.0 = try ReleaseWriter().render(result, stem: "bench").count })
            bilingual.append(try time { sizes.1 = try BilingualDocxWriter().render(result, stem: "bench").count })
        }
        let median = { (v: [Double]) in BenchArgs.percentile(v.sorted(), 0.5) }
        print("input: \(input.count) bytes, \(document.paragraphs.count) paragraphs, \(segments.count) sentences; \(rounds) rounds, medians")
        print(String(format: "read .docx (baseline)      %8.1f ms", median(read)))
        print(String(format: "release <stem>.en.docx     %8.1f ms  (%.1f× read; includes its own re-read)  %d bytes", median(release), median(release) / median(read), sizes.0))
        print(String(format: "bilingual <stem>.bilingual %8.1f ms  (%.1f× read)  %d bytes", median(bilingual), median(bilingual) / median(read), sizes.1))
    }

    /// The fixture with its body's paragraphs and tables repeated up to about `paragraphs`.
    static func scaled(_ docx: [UInt8], paragraphs: Int) throws -> [UInt8] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bayan-bench-release-\(getpid())")
        try? FileManager.default.removeItem(at: dir)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = dir.appendingPathComponent("in.docx")
        try Data(docx).write(to: source)
        let unzip = Process()
        unzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        unzip.arguments = ["python3", "-c", """
            import sys, zipfile, re
            src, dst, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
            zin = zipfile.ZipFile(src)
            xml = zin.read("word/document.xml").decode()
            body = re.search(r"<w:body>(.*)(<w:sectPr.*</w:sectPr>)</w:body>", xml, re.S)
            per = max(1, body.group(1).count("<w:p>") + body.group(1).count("<w:p "))
            doc = xml.replace(body.group(0), "<w:body>" + body.group(1) * max(1, n // per) + body.group(2) + "</w:body>")
            with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
                for item in zin.infolist():
                    zout.writestr(item, doc if item.filename == "word/document.xml" else zin.read(item.filename))
            """, source.path, dir.appendingPathComponent("out.docx").path, String(paragraphs)]
        try unzip.run()
        unzip.waitUntilExit()
        guard unzip.terminationStatus == 0 else { throw BenchError("could not scale the fixture (python3)") }
        return Array(try Data(contentsOf: dir.appendingPathComponent("out.docx")))
    }
}
