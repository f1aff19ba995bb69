import BayanCore
import Foundation
import Outputs
import Testing
@testable import Daemon

@Suite struct PublisherTests {
    func result(_ text: String) -> DocumentResult {
        let seg = Segment(id: 1, paragraph: 0, start: 0, end: text.unicodeScalars.count, text: text)
        return DocumentResult(
            source: SourceInfo(file: "a.txt", sha256: SHA256.hex(text), encoding: "utf-8", format: "text"),
            engine: EngineInfo(kind: "test"), paragraphs: [Paragraph(index: 0, kind: .paragraph, start: 0, end: seg.end)],
            pairs: [AlignedPair(segment: seg, en: "EN " + text)])
    }

    func folders() throws -> (String, String) {
        let root = NSTemporaryDirectory() + "pub-\(UUID())"
        try FileManager.default.createDirectory(atPath: root + "/out", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/tmp", withIntermediateDirectories: true)
        return (root + "/out", root + "/tmp")
    }

    @Test func publishesCompleteFolderAndReplacesOnlyItsOwnResult() throws {
        let (out, tmp) = try folders()
        let publisher = AtomicPublisher(outDirectory: out, tmpDirectory: tmp)
        let writers: [any OutputWriter] = [ResultJSONWriter(), AlignedMarkdownWriter()]
        #expect(try publisher.publish(result("نص أول"), writers: writers, preferredStem: "doc", jobID: "j1") == "doc")
        #expect(try publisher.publish(result("نص أول"), writers: writers, preferredStem: "doc", jobID: "j2") == "doc")
        let other = try publisher.publish(result("نص آخر"), writers: writers, preferredStem: "doc", jobID: "j3")
        #expect(other == "doc-" + SHA256.hex("نص آخر").prefix(8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == ["doc", other])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out + "/doc").sorted() == ["aligned.md", "result.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp).isEmpty)
        #expect(StemNaming.publishedSHA(out + "/doc") == SHA256.hex("نص أول"))
    }

    @Test func stemsAreSafe() {
        #expect(StemNaming.stem(for: "بيان صحفي.docx") == "بيان صحفي")
        #expect(StemNaming.stem(for: "a\nb\u{202E}c.txt") == "a_b_c")
        #expect(StemNaming.stem(for: ".hidden") == "_hidden")
        #expect(StemNaming.stem(for: String(repeating: "ب", count: 200) + ".txt").utf8.count <= 180)
    }

    @Test func numberedNamesKeepTheExtension() {
        #expect(FinalMove.numbered("report.txt", 2) == "report (2).txt")
        #expect(FinalMove.numbered("README", 3) == "README (3)")
        #expect(FinalMove.numbered(String(repeating: "ع", count: 127) + ".txt", 12).utf8.count <= 255)
    }
}
