import BayanCore
import Foundation
import Outputs
import Yams

/// One thing wrong with the configuration, named by its key path, with the fix.
public struct ConfigProblem: Sendable, Equatable, CustomStringConvertible {
    public var key: String
    public var message: String
    public var description: String { "\(key): \(message)" }
}

/// The configuration as loaded: the values, the API key (if any) and every problem found.
public struct LoadedConfig: Sendable {
    public var config: BayanConfig
    public var apiKey: String?
    public var problems: [ConfigProblem]
    public var path: String?
}

/// Reads the YAML file, applies `BAYAN_…` environment overrides, and validates everything before
/// anything starts. Problems are collected, not thrown one at a time, so `bayan config check`
/// can print them all.
public enum ConfigLoader {
    public static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> LoadedConfig {
        var problems: [ConfigProblem] = []
        var flat: [String: Any] = [:]
        if let path {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                do {
                    let tree = try Yams.load(yaml: text)
                    if let map = tree as? [String: Any] {
                        flatten(map, prefix: "", into: &flat, problems: &problems)
                    } else if tree != nil {
                        problems.append(ConfigProblem(key: "(file)", message: "\(path) must hold a YAML mapping of keys such as `engine:` and `spool:`"))
                    }
                } catch {
                    problems.append(ConfigProblem(key: "(file)", message: "\(path) is not valid YAML: \(error). Fix the syntax at the line shown"))
                }
            } else {
                problems.append(ConfigProblem(key: "(file)", message: "cannot read \(path); check the path given with --config"))
            }
        }
        for field in ConfigSchema.fields {
            if let value = environment[field.environmentName] { flat[field.path] = value }
        }
        var config = BayanConfig()
        for (key, raw) in flat.sorted(by: { $0.key < $1.key }) {
            guard let field = ConfigSchema.byPath[key] else { continue }
            switch convert(raw, field.kind) {
            case .success(let value): field.apply(&config, value)
            case .failure(let error): problems.append(ConfigProblem(key: key, message: error.message))
            }
        }
        problems += validate(config)
        let (apiKey, keyProblems) = readAPIKey(config, environment: environment)
        problems += keyProblems
        if problems.isEmpty {
            if config.engine.kind == "deepl" && apiKey == nil {
                problems.append(ConfigProblem(key: "engine.kind", message: "deepl needs an API key: put it in \(BayanConfig.apiKeyEnvironmentVariable) or in the file named by engine.api_key_file"))
            }
            if config.engine.kind == "openai" && config.engine.model == nil {
                problems.append(ConfigProblem(key: "engine.model", message: "openai needs a model name, such as gpt-4o-mini or qwen2.5:14b-instruct (the server's /v1/models lists them)"))
            }
        }
        return LoadedConfig(config: config, apiKey: apiKey, problems: problems, path: path)
    }

    static func flatten(_ map: [String: Any], prefix: String, into flat: inout [String: Any], problems: inout [ConfigProblem]) {
        for (key, value) in map {
            let path = prefix.isEmpty ? key : prefix + "." + key
            if path == "engine.api_key" {
                problems.append(ConfigProblem(
                    key: path,
                    message: "API keys are not read from the config file. Put the key in the environment variable \(BayanConfig.apiKeyEnvironmentVariable) or in a file named by engine.api_key_file, and remove this line"))
                continue
            }
            if let nested = value as? [String: Any], ConfigSchema.sections.contains(path) {
                flatten(nested, prefix: path, into: &flat, problems: &problems)
            } else if ConfigSchema.byPath[path] != nil {
                flat[path] = value
            } else {
                problems.append(ConfigProblem(key: path, message: "unknown key\(suggestion(for: path)); see config/bayan.yaml for every key"))
            }
        }
    }

    static func suggestion(for path: String) -> String {
        let best = ConfigSchema.fields.map(\.path).min { distance($0, path) < distance($1, path) }
        if let best, distance(best, path) <= 3 { return " (did you mean `\(best)`?)" }
        return ""
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var prev = row[0]
            row[0] = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let tmp = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = tmp
            }
        }
        return row[b.count]
    }

    static func convert(_ raw: Any, _ kind: ConfigField.Kind) -> Result<ConfigValue, ConfigError> {
        let text = raw as? String
        switch kind {
        case .string:
            guard let s = scalarString(raw), !s.isEmpty else { return .failure(ConfigError("must be a non-empty text value")) }
            return .success(.string(s))
        case .optionalString:
            if raw is NSNull { return .success(.none) }
            guard let s = scalarString(raw) else { return .failure(ConfigError("must be a text value or null")) }
            return .success(s.isEmpty ? .none : .string(s))
        case .int(let range):
            let value = (raw as? Int) ?? text.flatMap { Int($0.replacingOccurrences(of: "_", with: "")) }
            guard let value else { return .failure(ConfigError("must be a whole number between \(range.lowerBound) and \(range.upperBound)")) }
            guard range.contains(value) else { return .failure(ConfigError("\(value) is out of range; use a number between \(range.lowerBound) and \(range.upperBound)")) }
            return .success(.int(value))
        case .optionalInt(let range):
            if raw is NSNull { return .success(.none) }
            return convert(raw, .int(range))
        case .number(let range):
            let value = (raw as? Double) ?? (raw as? Int).map(Double.init) ?? text.flatMap { Double($0) }
            guard let value, range.contains(value) else { return .failure(ConfigError("must be a number between \(range.lowerBound) and \(range.upperBound)")) }
            return .success(.double(value))
        case .optionalNumber(let range):
            if raw is NSNull { return .success(.none) }
            return convert(raw, .number(range))
        case .seconds(let range):
            guard let seconds = parseSeconds(raw) else {
                return .failure(ConfigError("must be a duration such as 5, 1.5, \"500ms\", \"5s\" or \"2m\""))
            }
            guard range.contains(seconds) else {
                return .failure(ConfigError("\(seconds) s is out of range; use \(range.lowerBound)–\(range.upperBound) seconds"))
            }
            return .success(.double(seconds))
        case .bool:
            if let b = raw as? Bool { return .success(.bool(b)) }
            switch text?.lowercased() {
            case "true", "yes", "on", "1": return .success(.bool(true))
            case "false", "no", "off", "0": return .success(.bool(false))
            default: return .failure(ConfigError("must be true or false"))
            }
        case .choice(let options):
            guard let s = scalarString(raw), options.contains(s) else {
                return .failure(ConfigError("must be one of: \(options.joined(separator: ", "))"))
            }
            return .success(.string(s))
        case .stringList:
            if let list = raw as? [Any] {
                let strings = list.compactMap(scalarString)
                guard strings.count == list.count else { return .failure(ConfigError("must be a list of file paths")) }
                return .success(.list(strings))
            }
            if let s = text { return .success(.list(s.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })) }
            return .failure(ConfigError("must be a list of file paths"))
        }
    }

    static func scalarString(_ raw: Any) -> String? {
        if let s = raw as? String { return s }
        if let i = raw as? Int { return String(i) }
        if let d = raw as? Double { return String(d) }
        return nil
    }

    static func parseSeconds(_ raw: Any) -> Double? {
        if let i = raw as? Int { return Double(i) }
        if let d = raw as? Double { return d }
        guard let s = (raw as? String)?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        for (suffix, factor) in [("ms", 0.001), ("s", 1.0), ("m", 60.0), ("h", 3600.0)] where s.hasSuffix(suffix) {
            return Double(s.dropLast(suffix.count)).map { $0 * factor }
        }
        return Double(s)
    }

    static func validate(_ c: BayanConfig) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if let url = URLComponents(string: c.engine.url), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host?.isEmpty == false {
            if url.user != nil || url.password != nil {
                problems.append(ConfigProblem(key: "engine.url", message: "must not carry a user name or password; use engine.api_key_file or \(BayanConfig.apiKeyEnvironmentVariable)"))
            }
        } else {
            problems.append(ConfigProblem(key: "engine.url", message: "must be an http:// or https:// URL with a host, such as http://127.0.0.1:5000"))
        }
        if !c.engine.tlsVerify && !c.engine.allowInsecure {
            problems.append(ConfigProblem(key: "engine.tls_verify", message: "turning TLS verification off is refused; set engine.ca_file for a private CA, or also set engine.allow_insecure: true if you accept the risk"))
        }
        if c.engine.retryMaxDelay < c.engine.retryBaseDelay {
            problems.append(ConfigProblem(key: "engine.retry_max_delay", message: "must not be smaller than engine.retry_base_delay"))
        }
        if c.qa.lengthRatioMin >= c.qa.lengthRatioMax {
            problems.append(ConfigProblem(key: "qa.length_ratio_min", message: "must be smaller than qa.length_ratio_max"))
        }
        let knownFormats = Set(StandardWriters.formatNames + ["xlf"])
        for format in c.outputs.formats where !knownFormats.contains(format.lowercased()) {
            problems.append(ConfigProblem(key: "outputs.formats", message: "unknown format \(format); use any of \(StandardWriters.formatNames.joined(separator: ", "))"))
        }
        let knownChecks: Set<String> = ["empty", "untranslated", "numbers", "glossary", "brackets", "length", "urls", "emails", "endpunc"]
        for check in c.qa.disabled where !knownChecks.contains(check) {
            problems.append(ConfigProblem(key: "qa.disabled", message: "unknown check \(check); the checks are \(knownChecks.sorted().joined(separator: ", "))"))
        }
        if let file = c.segmenter.abbreviationsFile, !FileManager.default.isReadableFile(atPath: file) {
            problems.append(ConfigProblem(key: "segmenter.abbreviations_file", message: "cannot read \(file); give a file with one abbreviation per line"))
        }
        if let file = c.segmenter.srxFile, !FileManager.default.isReadableFile(atPath: file) {
            problems.append(ConfigProblem(key: "segmenter.srx_file", message: "cannot read \(file); give an SRX 2.0 rules file exported from a CAT tool"))
        }
        if let ca = c.engine.caFile, !FileManager.default.isReadableFile(atPath: ca) {
            problems.append(ConfigProblem(key: "engine.ca_file", message: "cannot read \(ca); give the path of a PEM file of CA certificates"))
        }
        return problems
    }

    static func readAPIKey(_ c: BayanConfig, environment: [String: String]) -> (String?, [ConfigProblem]) {
        if let file = c.engine.apiKeyFile {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                return (nil, [ConfigProblem(key: "engine.api_key_file", message: "cannot read \(file); make it readable by the user that runs bayan")])
            }
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { return (nil, [ConfigProblem(key: "engine.api_key_file", message: "\(file) is empty; put the API key in it")]) }
            return (key, [])
        }
        if let key = environment[BayanConfig.apiKeyEnvironmentVariable]?.trimmingCharacters(in: .whitespacesAndNewlines), !key.isEmpty {
            return (key, [])
        }
        return (nil, [])
    }
}

struct ConfigError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
