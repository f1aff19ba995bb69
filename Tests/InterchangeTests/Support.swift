import BayanCore
import Foundation
import Outputs
import ReviewImport
import Synchronization

/// A published document for the import tests: two paragraphs, four sentences, one untranslated.
enum Doc {
    static let sentences = [
        (0, "جمارك دبي تضبط شحنة مخدرات في ميناء جبل علي.", "Dubai Customs seizes a drug shipment at Jebel Ali port."),
        (1, "وقال المدير العام إن الهيئة ملتزمة بحماية المجتمع.", "The director general said the authority is committed to protecting society."),
        (1, "وبلغت قيمة الضبطية 3.2 مليون درهم.", "The seizure was worth AED 3.2 million."),
        (1, "وأشاد بجهود المفتشين.", ""),
    ]

    static func result(file: String = "pr-7.txt") -> DocumentResult {
        var offset = 0
        var pairs: [AlignedPair] = []
        for (index, (paragraph, ar, en)) in sentences.enumerated() {
            let segment = Segment(id: index + 1, paragraph: paragraph, start: offset, end: offset + ar.unicodeScalars.count, text: ar)
            offset += ar.unicodeScalars.count + 1
            pairs.append(AlignedPair(segment: segment, en: en, qa: index == 2 ? [QAIssue(check: "numbers", message: "3.2 <check>")] : []))
        }
        return DocumentResult(
            source: SourceInfo(file: file, sha256: String(repeating: "cd", count: 32), encoding: "utf-8", format: "text"),
            engine: EngineInfo(kind: "libretranslate"),
            paragraphs: [Paragraph(index: 0, kind: .heading, start: 0, end: 40), Paragraph(index: 1, kind: .paragraph, start: 41, end: offset)],
            pairs: pairs, glossaryVersion: "sha256:00ff")
    }

    static func document(id: String = "pr-7") -> ReviewDocument {
        ReviewDocument(id: id, segments: sentences.enumerated().map { index, s in
            ReviewDocument.Segment(id: index + 1, source: s.1, english: s.2)
        })
    }
}

/// Documents held in memory, changed by `RecordingSink` the way the approval path would.
final class MemoryDocuments: ReviewDocumentSource, Sendable {
    let docs: Mutex<[String: ReviewDocument]>
    init(_ documents: [ReviewDocument]) { docs = Mutex(Dictionary(uniqueKeysWithValues: documents.map { ($0.id, $0) })) }
    func document(id: String) throws -> ReviewDocument? { docs.withLock { $0[id] } }
}

/// A test double of the review approval path: records each call and applies the changes to
/// the in-memory documents, so a second import sees the first one's effect.
final class RecordingSink: ReviewSink, Sendable {
    let documents: MemoryDocuments
    let calls = Mutex<[(String, [ReviewImportChange], String)]>([])
    init(_ documents: MemoryDocuments) { self.documents = documents }

    func apply(documentID: String, changes: [ReviewImportChange], reviewer: String) async throws {
        calls.withLock { $0.append((documentID, changes, reviewer)) }
        documents.docs.withLock { docs in
            guard var doc = docs[documentID] else { return }
            for change in changes {
                guard let i = doc.segments.firstIndex(where: { $0.id == change.segmentID }) else { continue }
                if let english = change.english { doc.segments[i].english = english }
                doc.segments[i].approved = change.action == .approve
            }
            docs[documentID] = doc
        }
    }
}

final class RecordingPairs: ReviewedPairStore, Sendable {
    let stored = Mutex<[ReviewedPair]>([])
    func remember(_ pairs: [ReviewedPair]) async throws -> Int {
        stored.withLock { s in
            let new = pairs.filter { p in !s.contains { $0.source == p.source && $0.target == p.target } }
            s += new
            return new.count
        }
    }
}

enum Temp {
    static func directory() throws -> String {
        let path = NSTemporaryDirectory() + "bayan-interchange-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}

/// Runs the real tools a reviewer's partner would: translate-toolkit from the project's venv
/// (`<repo>/.build-py/bin`, or `$BAYAN_PY`), xmllint from the system.
enum Tools {
    static var repo: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var fixtures: String { repo.path + "/Tests/InterchangeTests/Fixtures" }

    static func python(_ tool: String) -> String {
        if let env = ProcessInfo.processInfo.environment["BAYAN_PY"], !env.isEmpty {
            return (env as NSString).deletingLastPathComponent + "/" + tool
        }
        return repo.path + "/.build-py/bin/" + tool
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in folder: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
