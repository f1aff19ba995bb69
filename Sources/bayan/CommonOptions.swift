import ArgumentParser
import Daemon
import Foundation
import Logging

struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The configuration file (default: config/bayan.yaml when it exists).")
    var config: String?

    var resolvedPath: String? {
        if let config { return config }
        return FileManager.default.fileExists(atPath: "config/bayan.yaml") ? "config/bayan.yaml" : nil
    }

    /// Loads and validates the configuration; exits non-zero naming every problem.
    func loadOrExit() throws -> LoadedConfig {
        let loaded = ConfigLoader.load(path: resolvedPath)
        Redactor.shared.register(loaded.apiKey)
        guard loaded.problems.isEmpty else {
            for problem in loaded.problems { Stderr.print("bayan: config error: \(Redactor.shared.redact(problem.description))") }
            Stderr.print("bayan: nothing was started; fix the configuration (bayan config check shows every problem)")
            throw ExitCode(78)  // EX_CONFIG
        }
        return loaded
    }
}

enum LogFormatOption: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum Logs {
    static func bootstrap(format: String, level: String) {
        let f = BayanLogHandler.Format(rawValue: format) ?? .text
        let l = Logger.Level(rawValue: level) ?? .info
        LoggingSystem.bootstrap { label in BayanLogHandler(label: label, format: f, level: l) }
    }
}

enum Stderr {
    static func print(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
