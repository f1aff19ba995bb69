import BayanCore
import Foundation
import Synchronization

/// DeepL `POST /v2/translate` (JSON): ≤ 50 texts and < 128 KiB per request, `source_lang: AR`,
/// `target_lang` EN-GB or EN-US, `split_sentences: "0"` (each text is already one sentence),
/// neighbouring sentences as `context` (not translated, not billed). The office glossary is
/// synced to DeepL's v3 glossary API when its version changes (created once, then its
/// dictionary replaced), and the glossary id is cached in the translation memory's settings.
public final class DeepLEngine: TranslationEngine {
    /// Which DeepL host to call.
    public enum Host: Sendable, Equatable {
        /// By the key: keys ending in `:fx` are Free keys (api-free.deepl.com), others Pro.
        case auto
        case free
        case pro
        /// Any base URL (a proxy, or a test server).
        case url(String)
    }

    public static let maxTexts = 50
    /// DeepL's limit is 128 KiB per body; leave room for the context and JSON around the texts.
    public static let maxTextBytes = 120 * 1024
    static let maxContextBytes = 4 * 1024

    public var info: EngineInfo { EngineInfo(kind: "deepl") }
    public let limits: BatchLimits
    public let baseURL: String
    public let targetLang: String
    private let apiKey: Secret
    private let transport: any HTTPTransport
    private let glossary: DeepLGlossarySync
    private let wanted = Mutex<DeepLGlossarySync.Wanted?>(nil)

    public init(
        apiKey: Secret, host: Host = .auto, targetLang: String = "EN-GB",
        limits: BatchLimits = BatchLimits(maxItems: 50, maxBytes: 120 * 1024),
        transport: any HTTPTransport, settings: TranslationMemory? = nil
    ) {
        self.apiKey = apiKey
        self.baseURL = Self.baseURL(host, key: apiKey)
        self.targetLang = targetLang.uppercased()
        self.limits = BatchLimits(maxItems: min(limits.maxItems, Self.maxTexts), maxBytes: min(limits.maxBytes, Self.maxTextBytes))
        self.transport = transport
        self.glossary = DeepLGlossarySync(baseURL: baseURL, apiKey: apiKey, transport: transport, settings: settings)
    }

    public static func baseURL(_ host: Host, key: Secret) -> String {
        switch host {
        case .auto: key.value.hasSuffix(":fx") ? "https://api-free.deepl.com" : "https://api.deepl.com"
        case .free: "https://api-free.deepl.com"
        case .pro: "https://api.deepl.com"
        case .url(let url): url
        }
    }

    public var languages: (source: String, target: String) { ("AR", targetLang) }

    public func setGlossary(entries: [GlossaryEntry], version: String) {
        wanted.withLock { $0 = DeepLGlossarySync.Wanted(entries: entries, version: version) }
    }

    /// The DeepL glossary id in use (nil without a glossary). For status and tests.
    public var glossaryID: String? { get async { await glossary.currentID() } }

    public nonisolated(nonsending) func translate(_ items: [TranslationItem]) async throws -> [String] {
        let glossaryID = try await glossary.ensure(wanted.withLock { $0 })
        var body: [String: Any] = [
            "text": items.map(\.text), "source_lang": "AR", "target_lang": targetLang, "split_sentences": "0",
        ]
        if let context = Self.context(items) { body["context"] = context }
        if let glossaryID { body["glossary_id"] = glossaryID }
        let request = HTTPRequest(
            url: EngineHTTP.join(baseURL, "/v2/translate"),
            headers: [("Authorization", "DeepL-Auth-Key \(apiKey.value)"), ("Content-Type", "application/json"), ("Accept", "application/json")],
            body: try EngineHTTP.json(body))
        let response = try await EngineHTTP.send(transport, request)
        let object = EngineHTTP.object(response.body)
        guard response.status == 200 else {
            let failure = Self.failure(response, object: object, key: apiKey)
            if response.status == 404, glossaryID != nil {
                // The glossary was deleted on DeepL's side: create it again, then retry.
                await glossary.forget()
                throw EngineFailure(.retry(after: nil), status: 404, message: "DeepL no longer knows the glossary; it is created again (\(failure.message))")
            }
            throw failure
        }
        guard let list = object?["translations"] as? [[String: Any]] else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "DeepL sent an answer without a translations list (not JSON, or cut short)")
        }
        let texts = list.compactMap { $0["text"] as? String }
        guard texts.count == items.count, list.count == items.count else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "DeepL returned \(texts.count) translations for \(items.count) sentences")
        }
        return texts
    }

    /// The neighbours of the batch's sentences, once each and in order, within a size cap.
    static func context(_ items: [TranslationItem]) -> String? {
        let inBatch = Set(items.map(\.text))
        var seen: Set<String> = []
        var parts: [String] = []
        var bytes = 0
        for item in items {
            guard let context = item.context else { continue }
            for sentence in [context] where !seen.contains(sentence) && !inBatch.contains(sentence) {
                seen.insert(sentence)
                guard bytes + sentence.utf8.count <= maxContextBytes else { return parts.isEmpty ? nil : parts.joined(separator: "\n") }
                parts.append(sentence)
                bytes += sentence.utf8.count + 1
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "\n")
    }

    /// DeepL's error body is `{"message": "...", "detail"?: "..."}`.
    static func failure(_ response: HTTPResponse, object: [String: Any]?, key: Secret) -> EngineFailure {
        var message = (object?["message"] as? String) ?? "DeepL answered HTTP \(response.status)"
        if let detail = object?["detail"] as? String, !detail.isEmpty { message += ": \(detail)" }
        if response.status == 403 && message.contains("Wrong endpoint") {
            message += " (set engine.deepl_host: free for keys ending in :fx, pro otherwise)"
        }
        if response.status == 456 { message += " (the DeepL character quota is spent)" }
        return RetryPolicy.classify(
            status: response.status, headers: response.headers, message: EngineHTTP.clean(message, secret: key),
            code: object?["code"] as? String)
    }
}

/// Keeps DeepL's copy of the glossary in step with ours, one sync at a time.
actor DeepLGlossarySync {
    private let baseURL: String
    private let apiKey: Secret
    private let transport: any HTTPTransport
    private let settings: TranslationMemory?
    struct Wanted: Sendable {
        var entries: [GlossaryEntry]
        var version: String
    }
    private var synced: (id: String?, version: String)?
    private var running: Task<String?, any Error>?

    init(baseURL: String, apiKey: Secret, transport: any HTTPTransport, settings: TranslationMemory?) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.transport = transport
        self.settings = settings
    }

    func currentID() -> String? { synced?.id }

    func forget() {
        synced = nil
        try? settings?.setSetting(settingKey, nil)
    }

    private var settingKey: String { "deepl.glossary." + baseURL }

    /// The glossary id to send with translations, syncing first when the glossary changed.
    func ensure(_ wanted: Wanted?) async throws -> String? {
        guard let wanted else { return synced?.id }
        if let synced, synced.version == wanted.version { return synced.id }
        if let running { return try await running.value }
        let task = Task { try await self.sync(wanted.entries, version: wanted.version) }
        running = task
        defer { running = nil }
        let id = try await task.value
        return id
    }

    private func sync(_ entries: [GlossaryEntry], version: String) async throws -> String? {
        let cached = (try? settings?.setting(settingKey)).flatMap { $0 }.flatMap(Self.decode)
        let tsv = Self.tsv(entries)
        guard !tsv.isEmpty else {
            synced = (nil, version)
            return nil
        }
        if let cached, cached.version == version {
            synced = (cached.id, version)
            return cached.id
        }
        let dictionary: [String: Any] = ["source_lang": "ar", "target_lang": "en", "entries": tsv, "entries_format": "tsv"]
        if let cachedID = cached?.id {
            let response = try await call("PUT", "/v3/glossaries/\(cachedID)/dictionaries", dictionary)
            if response.status == 200 || response.status == 201 {
                return remember(cachedID, version)
            }
            if response.status != 404 { throw DeepLEngine.failure(response, object: EngineHTTP.object(response.body), key: apiKey) }
        }
        let response = try await call("POST", "/v3/glossaries", ["name": "bayan \(version.prefix(12))", "dictionaries": [dictionary]])
        guard response.status == 200 || response.status == 201 else {
            throw DeepLEngine.failure(response, object: EngineHTTP.object(response.body), key: apiKey)
        }
        guard let id = EngineHTTP.object(response.body)?["glossary_id"] as? String, !id.isEmpty else {
            throw EngineFailure(.retry(after: nil), status: response.status, message: "DeepL created the glossary but sent no glossary_id")
        }
        return remember(id, version)
    }

    private func remember(_ id: String, _ version: String) -> String {
        synced = (id, version)
        if let data = try? JSONSerialization.data(withJSONObject: ["id": id, "version": version]) {
            try? settings?.setSetting(settingKey, String(decoding: data, as: UTF8.self))
        }
        return id
    }

    private func call(_ method: String, _ path: String, _ body: [String: Any]) async throws -> HTTPResponse {
        let request = HTTPRequest(
            method: method, url: EngineHTTP.join(baseURL, path),
            headers: [("Authorization", "DeepL-Auth-Key \(apiKey.value)"), ("Content-Type", "application/json"), ("Accept", "application/json")],
            body: try EngineHTTP.json(body))
        return try await EngineHTTP.send(transport, request)
    }

    static func decode(_ text: String) -> (id: String, version: String)? {
        guard let object = EngineHTTP.object(Array(text.utf8)), let id = object["id"] as? String, let version = object["version"] as? String else { return nil }
        return (id, version)
    }

    /// DeepL's TSV: one unique, non-empty source per line, no tabs, line breaks or controls
    /// inside an entry (later entries win, as later glossary files do).
    static func tsv(_ entries: [GlossaryEntry]) -> String {
        func clean(_ s: String) -> String {
            String(String.UnicodeScalarView(s.unicodeScalars.filter {
                !($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x2028 || $0.value == 0x2029)
            })).trimmingCharacters(in: .whitespaces)
        }
        var order: [String] = []
        var byAR: [String: String] = [:]
        for entry in entries {
            let ar = clean(entry.ar), en = clean(entry.en)
            guard !ar.isEmpty, !en.isEmpty else { continue }
            if byAR[ar] == nil { order.append(ar) }
            byAR[ar] = en
        }
        return order.map { "\($0)\t\(byAR[$0] ?? "")" }.joined(separator: "\n")
    }
}
