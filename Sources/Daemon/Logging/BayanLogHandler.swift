import Foundation
import Logging
import Synchronization

/// Log lines on standard error: readable text on a terminal, or one JSON object per line
/// (`--log-format json`). Secrets are redacted from the message and every metadata value.
public struct BayanLogHandler: LogHandler {
    public enum Format: String, Sendable { case text, json }

    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String
    private let format: Format
    private let redactor: Redactor

    public init(label: String, format: Format, level: Logger.Level, redactor: Redactor = .shared) {
        self.label = label
        self.format = format
        self.logLevel = level
        self.redactor = redactor
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        let time = BayanLogHandler.timestamp()
        let message = redactor.redact(event.message.description)
        var line: String
        switch format {
        case .text:
            line = "\(time) \(event.level.rawValue.uppercased()) \(message)"
            for key in merged.keys.sorted() { line += " \(key)=\(redactor.redact(String(describing: merged[key]!)))" }
        case .json:
            var object: [String: String] = ["time": time, "level": event.level.rawValue, "message": message, "logger": label]
            for (key, value) in merged { object[key] = redactor.redact(String(describing: value)) }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            line = String(decoding: data, as: UTF8.self)
        }
        LogOutput.write(line + "\n")
    }

    static func timestamp() -> String {
        var tv = timeval()
        gettimeofday(&tv, nil)
        var t = tv.tv_sec
        var parts = tm()
        gmtime_r(&t, &parts)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
            parts.tm_hour, parts.tm_min, parts.tm_sec, Int(tv.tv_usec / 1000))
    }
}

/// One writer for standard error so lines from different threads never interleave.
enum LogOutput {
    private static let lock = Mutex(())

    static func write(_ text: String) {
        lock.withLock { _ in
            var bytes = Array(text.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
                if n <= 0 { break }
                offset += n
            }
            bytes.removeAll()
        }
    }
}

extension Logger.Level {
    public init?(configName: String) { self.init(rawValue: configName) }
}
