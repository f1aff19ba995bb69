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
