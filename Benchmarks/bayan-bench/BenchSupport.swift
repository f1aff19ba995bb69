import BayanTestSupport
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Option parsing, errors and percentiles shared by the benchmarks.
enum BenchArgs {
    static func int(_ args: [String], _ flag: String) -> Int? {
        string(args, flag).flatMap { Int($0) }
    }

    static func string(_ args: [String], _ flag: String) -> String? {
        guard let i = args.firstIndex(of: flag), i + 1 < args.count else { return nil }
        return args[i + 1]
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A process's memory as /proc/<pid>/status reports it, in KiB.
enum ProcessMemory {
    static func kib(_ pid: Int32, _ field: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }) else { return nil }
        return line.dropFirst(field.count + 1).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
    }

    static func peakKiB(_ pid: Int32) -> Int? { kib(pid, "VmHWM") }
    static func currentKiB(_ pid: Int32) -> Int? { kib(pid, "VmRSS") }

    static func mib(_ kib: Int?) -> String { kib.map { String(format: "%.1f MiB", Double($0) / 1024) } ?? "?" }
}

/// Samples a process's RSS in the background, so a run can show how memory grew over time
/// (not only its peak).
final class RSSSampler: Sendable {
    typealias Sample = (seconds: Double, kib: Int)
    private let task: Task<[Sample], Never>

    init(pid: Int32, everyMilliseconds: Int = 250) {
        task = Task {
            let started = Date()
            var samples: [Sample] = []
            while !Task.isCancelled {
                if let kib = ProcessMemory.currentKiB(pid) { samples.append((Date().timeIntervalSince(started), kib)) }
                try? await Task.sleep(for: .milliseconds(everyMilliseconds))
            }
            return samples
        }
    }

    /// Stops sampling and returns the samples taken.
    func finish() async -> [Sample] {
        task.cancel()
        return await task.value
    }
}

/// Checks one published result.json against its source: one English per Arabic segment, in
/// order, none empty, each the mock engine's translation of exactly its own Arabic, and the
/// Arabic segments together cover the source text.
enum ResultCheck {
    /// nil when the result is aligned, else what is wrong.
    static func problem(resultJSON path: String, source: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return "result.json is missing" }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let segments = json["segments"] as? [[String: Any]]
        else { return "result.json does not parse" }
        guard !segments.isEmpty else { return "no segments" }
        var lastID = Int.min
        var lastEnd = 0
        var covered = ""
        for (k, s) in segments.enumerated() {
            guard let id = s["id"] as? Int, let start = s["start"] as? Int, let end = s["end"] as? Int,
                let ar = s["ar"] as? String, let en = s["en"] as? String
            else { return "segment \(k) lacks id/start/end/ar/en" }
            guard id > lastID, start >= lastEnd, end > start else { return "segment \(k) is out of order" }
            guard !ar.isEmpty, !en.isEmpty else { return "segment \(k) is empty" }
            guard en == PseudoTranslator.translate(ar) else { return "segment \(k): the English belongs to another sentence" }
            lastID = id
            lastEnd = end
            covered += ar
        }
        let squeeze = { (s: String) in String(s.unicodeScalars.filter { !$0.properties.isWhitespace }) }
        guard squeeze(covered) == squeeze(source) else { return "the segments do not cover the source text" }
        return nil
    }
}
