import Foundation
import Synchronization

/// DeepL's API as its OpenAPI spec and official clients describe it: `POST /v2/translate` (JSON)
/// with `Authorization: DeepL-Auth-Key`, a User-Agent, ≤ 50 texts and ≤ 128 KiB; `target_lang`
/// EN-GB/EN-US; a glossary needs `source_lang`; the v3 glossary endpoints (create, replace a
/// dictionary, get, delete); a character quota answered with 456. Errors are `{"message": ...}`.
/// Translations are pseudo-translations after applying the glossary, so tests see it work.
public struct DeepLDialect: Sendable {
    public enum HostKind: Sendable { case free, pro, any }

    public var authKey: String
    public var host: HostKind
    public var faults: FaultPlan
    public var latencyMilliseconds: Int
    public var translate: @Sendable (String) -> String
    /// Characters a key may translate; beyond it every translation is answered with 456.
    public var characterLimit: Int?
    public let glossaries = DeepLGlossaryStore()
    /// Characters translated so far (billed).
    public let usage = CharacterCounter()

    public init(
        authKey: String, host: HostKind = .any, faults: FaultPlan = FaultPlan(), latencyMilliseconds: Int = 0,
        characterLimit: Int? = nil, translate: @escaping @Sendable (String) -> String = PseudoTranslator.translate
    ) {
        self.authKey = authKey
        self.host = host
        self.faults = faults
        self.latencyMilliseconds = latencyMilliseconds
        self.characterLimit = characterLimit
        self.translate = translate
    }

    public static let maxTexts = 50
    public static let maxBodyBytes = 128 * 1024

    public func handle(_ request: ReceivedRequest) -> ServerAction {
        guard let agent = request.header("user-agent"), !agent.isEmpty else {
            return .json(400, Self.error("Missing User-Agent header"))
        }
        guard request.header("authorization") == "DeepL-Auth-Key \(authKey)" else {
            return .json(403, Self.error("Authorization failure, check auth_key"))
        }
        if host == .pro && authKey.hasSuffix(":fx") { return .json(403, Self.error("Wrong endpoint. Use https://api-free.deepl.com")) }
        if host == .free && !authKey.hasSuffix(":fx") { return .json(403, Self.error("Wrong endpoint. Use https://api.deepl.com")) }
        let path = request.path.split(separator: "?").first.map(String.init) ?? request.path
        let parts = path.split(separator: "/").map(String.init)
        switch (request.method, parts.count) {
        case ("POST", 2) where path == "/v2/translate":
            return translateText(request)
        case ("GET", 2) where path == "/v2/usage":
            return .json(200, #"{"character_count":\#(usage.value),"character_limit":\#(characterLimit ?? 1_000_000_000)}"#)
        case ("POST", 2) where path == "/v3/glossaries":
            return createGlossary(request)
        case ("PUT", 4) where parts[0] == "v3" && parts[1] == "glossaries" && parts[3] == "dictionaries":
            return replaceDictionary(id: parts[2], request)
        case ("GET", 3) where parts[0] == "v3" && parts[1] == "glossaries":
            guard let g = glossaries.get(parts[2]) else { return .json(404, Self.error("Glossary not found")) }
            return .json(200, #"{"glossary_id":"\#(parts[2])","name":"\#(g.name)","dictionaries":[{"source_lang":"ar","target_lang":"en","entry_count":\#(g.entries.count)}]}"#)
        case ("DELETE", 3) where parts[0] == "v3" && parts[1] == "glossaries":
            return glossaries.delete(parts[2]) ? .respond(status: 204, headers: [], body: []) : .json(404, Self.error("Glossary not found"))
        default:
            return .json(404, Self.error("Not found"))
        }
    }

    private func translateText(_ request: ReceivedRequest) -> ServerAction {
        let fault = faults.next()
        if let fault, let action = FaultActions.action(for: fault, errorJSON: Self.error) { return action }
        if fault == .quota { return .json(456, Self.error("Quota exceeded. The character limit has been reached.")) }
        if fault == .contextLength || request.body.count > Self.maxBodyBytes {
            return .json(413, Self.error("The request size exceeds the limit."))
        }
        guard request.header("content-type")?.hasPrefix("application/json") == true,
            let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any]
        else { return .json(400, Self.error("Invalid request: expected a JSON body")) }
        guard let texts = object["text"] as? [String], !texts.isEmpty else {
            return .json(400, Self.error("Parameter 'text' not specified."))
        }
        if texts.count > Self.maxTexts { return .json(413, Self.error("Too many texts in the request (at most \(Self.maxTexts)).")) }
        guard let target = object["target_lang"] as? String else { return .json(400, Self.error("Parameter 'target_lang' not specified.")) }
        guard ["EN-GB", "EN-US", "EN"].contains(target.uppercased()) else {
            return .json(400, Self.error("Value for 'target_lang' not supported."))
        }
        let source = object["source_lang"] as? String
        if let source, source.uppercased() != "AR" { return .json(400, Self.error("Value for 'source_lang' not supported.")) }
        if let split = object["split_sentences"] {
            guard let s = split as? String, ["0", "1", "nonewlines"].contains(s) else {
                return .json(400, Self.error("Value for 'split_sentences' not supported."))
            }
        }
        if let context = object["context"], !(context is String) { return .json(400, Self.error("Value for 'context' not supported.")) }
        var entries: [(String, String)] = []
        if let id = object["glossary_id"] {
            guard source != nil else { return .json(400, Self.error("Use of a glossary requires the source_lang parameter to be set.")) }
            guard let id = id as? String, let glossary = glossaries.get(id) else { return .json(404, Self.error("Glossary not found")) }
            entries = glossary.entries
        }
        let characters = texts.reduce(0) { $0 + $1.count }
        let allowed = usage.add(characters, limit: characterLimit)
        guard allowed else { return .json(456, Self.error("Quota exceeded. The character limit has been reached.")) }
        if latencyMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(latencyMilliseconds) / 1000) }
        let out: [[String: Any]] = texts.map { text in
            var glossed = text
            for (ar, en) in entries.sorted(by: { $0.0.count > $1.0.count }) { glossed = glossed.replacingOccurrences(of: ar, with: " \(en) ") }
            return ["detected_source_language": "AR", "text": translate(glossed)]
        }
        let data = (try? JSONSerialization.data(withJSONObject: ["translations": out], options: [.withoutEscapingSlashes])) ?? Data()
        return FaultActions.deliver(
            .respond(status: 200, headers: [("Content-Type", "application/json"), ("X-Trace-ID", UUID().uuidString)], body: Array(data)), fault: fault)
    }

    private func createGlossary(_ request: ReceivedRequest) -> ServerAction {
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any],
            let name = object["name"] as? String, let dictionaries = object["dictionaries"] as? [[String: Any]], dictionaries.count == 1
        else { return .json(400, Self.error("Invalid glossary: name and one dictionary are required")) }
        switch Self.parseDictionary(dictionaries[0]) {
        case .failure(let refusal): return refusal.action
        case .success(let entries):
            let id = glossaries.create(name: name, entries: entries)
            return .json(201, #"{"glossary_id":"\#(id)","name":"\#(name)","dictionaries":[{"source_lang":"ar","target_lang":"en","entry_count":\#(entries.count)}],"creation_time":"2026-01-01T00:00:00Z"}"#)
        }
    }

    private func replaceDictionary(id: String, _ request: ReceivedRequest) -> ServerAction {
        guard glossaries.get(id) != nil else { return .json(404, Self.error("Glossary not found")) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            return .json(400, Self.error("Invalid request: expected a JSON body"))
        }
        switch Self.parseDictionary(object) {
        case .failure(let refusal): return refusal.action
        case .success(let entries):
            glossaries.replace(id, entries: entries)
            return .json(200, #"{"source_lang":"ar","target_lang":"en","entry_count":\#(entries.count)}"#)
        }
    }

    private static func parseDictionary(_ d: [String: Any]) -> Result<[(String, String)], RefusalAction> {
        guard (d["source_lang"] as? String)?.lowercased() == "ar", (d["target_lang"] as? String)?.lowercased().hasPrefix("en") == true else {
            return .failure(RefusalAction(.json(400, error("Unsupported glossary language pair"))))
        }
        guard (d["entries_format"] as? String) == "tsv", let text = d["entries"] as? String else {
            return .failure(RefusalAction(.json(400, error("Invalid glossary entries format"))))
        }
        var entries: [(String, String)] = []
        var seen: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cols.count == 2, !cols[0].isEmpty, !cols[1].isEmpty else {
                return .failure(RefusalAction(.json(400, #"{"message":"Invalid glossary entries provided","detail":"Entry \#(index) is not a source and a target separated by a tab"}"#)))
            }
            guard seen.insert(cols[0]).inserted else {
                return .failure(RefusalAction(.json(400, #"{"message":"Invalid glossary entries provided","detail":"Key with the index \#(index) duplicates an earlier key"}"#)))
            }
            entries.append((cols[0], cols[1]))
        }
        return .success(entries)
    }

    static func error(_ message: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["message": message])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

struct RefusalAction: Error {
    let action: ServerAction
    init(_ action: ServerAction) { self.action = action }
}

/// The glossaries a DeepL test server holds, with counts of create and replace calls.
public final class DeepLGlossaryStore: Sendable {
    public struct Glossary: Sendable {
        public var name: String
        public var entries: [(String, String)]
    }

    private let state = Mutex<(glossaries: [String: Glossary], creates: Int, replaces: Int)>(([:], 0, 0))

    public init() {}

    func create(name: String, entries: [(String, String)]) -> String {
        let id = UUID().uuidString.lowercased()
        state.withLock { s in
            s.glossaries[id] = Glossary(name: name, entries: entries)
            s.creates += 1
        }
        return id
    }

    func replace(_ id: String, entries: [(String, String)]) {
        state.withLock { s in
            s.glossaries[id]?.entries = entries
            s.replaces += 1
        }
    }

    public func get(_ id: String) -> Glossary? { state.withLock { $0.glossaries[id] } }

    @discardableResult
    public func delete(_ id: String) -> Bool { state.withLock { $0.glossaries.removeValue(forKey: id) != nil } }

    public var creates: Int { state.withLock { $0.creates } }
    public var replaces: Int { state.withLock { $0.replaces } }
    public var ids: [String] { state.withLock { Array($0.glossaries.keys) } }
}

/// Characters a DeepL test server has billed.
public final class CharacterCounter: Sendable {
    private let count = Mutex(0)

    public init() {}

    /// Adds `n` unless that would pass `limit`; returns whether it was added.
    func add(_ n: Int, limit: Int?) -> Bool {
        count.withLock { used in
            if let limit, used + n > limit { return false }
            used += n
            return true
        }
    }

    public var value: Int { count.withLock { $0 } }
}
