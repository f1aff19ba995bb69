import BayanCore
import BayanTestSupport
import Foundation

/// Shared fixtures: the sample release and small generated releases.
enum Fixtures {
    static var seedPath: String {
        // Tests/EndToEndTests/Fixtures.swift → repository root
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("seeds/000_62ba54d9c0d0bfaf.txt").path
    }

    static var seedText: String { (try? String(contentsOfFile: seedPath, encoding: .utf8)) ?? "" }

    /// A short release whose sentences are unique to `n`.
    static func release(_ n: Int) -> String {
        "جمارك دبي تضبط الشحنة رقم \(n) في ميناء جبل علي.\nوأكد المدير أن العملية \(n) تمت بنجاح؟ نعم!\n"
    }

    /// One input of a mixed batch, by `i % 5`: UTF-8 text, UTF-16LE text with a BOM,
    /// Windows-1256 text, HTML, or a Word .docx — each line of `text` a paragraph.
    static func mixedInput(_ i: Int, text: String) throws -> (name: String, bytes: [UInt8]) {
        let lines = text.split(separator: "\n").map(String.init)
        switch i % 5 {
        case 1:
            return ("doc-\(i).txt", [0xFF, 0xFE] + Array(text.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        case 2:
            guard let data = text.data(using: String.Encoding(rawValue: 0x8000_0506)) else {
                throw POSIXError(.EILSEQ)
            }
            return ("doc-\(i).txt", Array(data))
        case 3:
            let body = lines.map { "<p>\($0)</p>" }.joined()
            return ("doc-\(i).html", Array("<!doctype html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><style>p{}</style></head><body>\(body)</body></html>".utf8))
        case 4:
            return ("doc-\(i).docx", try DocxFixture.build(document: DocxFixture.body(lines.map { DocxFixture.paragraph($0) }.joined())))
        default:
            return ("doc-\(i).txt", Array(text.utf8))
        }
    }

    static func server(latencyMs: Int = 0, faults: FaultPlan = FaultPlan(), apiKey: String? = nil) throws -> LoopbackHTTPServer {
        let dialect = LibreTranslateDialect(requiredAPIKey: apiKey, faults: faults, latencyMilliseconds: latencyMs)
        return try LoopbackHTTPServer(handler: dialect.handle)
    }
}

/// Checks one published result: every segment pairs its Arabic with the mock's translation of it.
func resultIsAligned(_ json: [String: Any]?) -> Bool {
    guard let json, let segments = json["segments"] as? [[String: Any]], !segments.isEmpty else { return false }
    return segments.allSatisfy { s in
        guard let ar = s["ar"] as? String, let en = s["en"] as? String else { return false }
        return en == PseudoTranslator.translate(ar)
    }
}
