import BayanCore
import Foundation
import Synchronization

/// OpenAI `POST /v1/chat/completions` and the servers that copy it (Ollama, vLLM, llama.cpp).
/// The user message is JSON `{"segments": [{"id","text"}], "glossary": [{"ar","en"}]}` with only
/// the glossary entries found in this batch; the answer must be JSON
/// `{"translations": [{"id","text"}]}`, asked for with `response_format` json_schema (dropped
/// automatically if the server refuses it), and also accepted inside a code fence or after a
/// reasoning block. Ids are checked: missing ones are asked again one at a time, so alignment
/// can never slip. `finish_reason: length` splits the batch.
public final class OpenAIEngine: TranslationEngine {
    public var info: EngineInfo { EngineInfo(kind: "openai", model: model) }
    public let limits: BatchLimits
    public let model: String
    public let endpoint: String
    private let apiKey: Secret?
    private let transport: any HTTPTransport
    private let structured: Mutex<Bool>

    public static let systemPrompt = """
        You translate Arabic press releases of a customs administration into English.
        Rules:
        - Translate only. Never add, omit, summarize, explain or comment.
        - Translate each segment on its own and return it under the same id; return every id exactly once.
        - Keep every number, date, amount, percentage, code and proper name exactly as in the source (use Western digits).
        - Where a glossary entry's Arabic term occurs, use its approved English term (inflect for number or possessive only).
        - Write formal press-release English in full sentences.
        - Answer with JSON only: {"translations": [{"id": "<id>", "text": "<English>"}]}.
        """

    public init(
        url: String, apiKey: Secret?, model: String,
        limits: BatchLimits = BatchLimits(maxItems: 25, maxBytes: 16 * 1024),
        structuredOutput: Bool = true, transport: any HTTPTransport
    ) {
        self.endpoint = Self.endpoint(url)
        self.apiKey = apiKey
        self.model = model
        self.limits = limits
        self.transport = transport
        self.structured = Mutex(structuredOutput)
    }

    /// `…/v1/chat/completions` from a base URL given with or without `/v1` (or in full).
    static func endpoint(_ url: String) -> String {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        if base.hasSuffix("/chat/completions") { return base }
        if base.hasSuffix("/v1") { return base + "/chat/completions" }
        return base + "/v1/chat/completions"
    }

    public nonisolated(nonsending) func translate(_ items: [TranslationItem]) async throws -> [String] {
        let ids = items.indices.map { "s\($0 + 1)" }
        var answers = try await ask(Array(zip(ids, items)))
        let missing = zip(ids, items).filter { answers[$0.0] == nil }
        if !missing.isEmpty {
            guard missing.count < items.count else {
                throw EngineFailure(.retry(after: nil), status: 200, message: "the model's answer holds none of the \(items.count) segment ids it was given")
            }
            // A mismatch: ask again for each missing segment alone.
            for (id, item) in missing {
                let single = try await ask([(id, item)])
                guard let text = single[id] else {
                    throw EngineFailure(.retry(after: nil), status: 200, message: "the model did not return segment \(id) even when asked for it alone")
                }
                answers[id] = text
            }
        }
        return ids.map { answers[$0] ?? "" }
    }

    /// One chat completion; returns the translations by id (possibly incomplete).
    private nonisolated(nonsending) func ask(_ segments: [(String, TranslationItem)]) async throws -> [String: String] {
        var glossary: [[String: String]] = []
        var seen: Set<GlossaryEntry> = []
        for (_, item) in segments {
            for hit in item.terms where seen.insert(GlossaryEntry(ar: hit.ar, en: hit.en)).inserted {
                glossary.append(["ar": hit.ar, "en": hit.en])
            }
        }
        let user: [String: Any] = ["segments": segments.map { ["id": $0.0, "text": $0.1.text] }, "glossary": glossary]
        let userText = String(decoding: try EngineHTTP.json(user), as: UTF8.self)
        let content = try await chatContent(system: Self.systemPrompt, user: userText, responseFormat: Self.responseFormat)
        guard let parsed = Self.parseTranslations(content) else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "the model's content is not the JSON {\"translations\": [...]} asked for")
        }
        let asked = Set(segments.map(\.0))
        return parsed.filter { asked.contains($0.key) }
    }

    /// One chat completion with a system and a user message; returns the assistant's content.
    /// Asks for `responseFormat` (structured output) unless this server refused it before.
    nonisolated(nonsending) func chatContent(system: String, user: String, responseFormat: [String: Any]) async throws -> String {
        let useSchema = structured.withLock { $0 }
        var body: [String: Any] = [
            "model": model, "temperature": 0, "stream": false,
            "messages": [["role": "system", "content": system], ["role": "user", "content": user]],
        ]
        if useSchema { body["response_format"] = responseFormat }
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json")]
        if let apiKey { headers.append(("Authorization", "Bearer \(apiKey.value)")) }
        let response = try await EngineHTTP.send(transport, HTTPRequest(url: endpoint, headers: headers, body: try EngineHTTP.json(body)))
        let object = EngineHTTP.object(response.body)
        guard response.status == 200 else {
            let failure = Self.failure(response, object: object, key: apiKey)
            if useSchema, response.status == 400 || response.status == 422,
                failure.message.lowercased().contains("response_format") || failure.message.lowercased().contains("json_schema")
            {
                structured.withLock { $0 = false }  // this server does not do structured output
                return try await chatContent(system: system, user: user, responseFormat: responseFormat)
            }
            throw failure
        }
        guard let choice = (object?["choices"] as? [[String: Any]])?.first, let message = choice["message"] as? [String: Any] else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "the server's answer has no choices[0].message (not JSON, or cut short)")
        }
        if (choice["finish_reason"] as? String) == "length" {
            throw EngineFailure(.split, status: 200, message: "the model's answer was cut off (finish_reason: length)")
        }
        guard let content = message["content"] as? String else {
            let refusal = (message["refusal"] as? String).map { ": \($0)" } ?? ""
            throw EngineFailure(.retry(after: nil), status: 200, message: "the model sent no content\(refusal)")
        }
        return content
    }

    static var responseFormat: [String: Any] { [
        "type": "json_schema",
        "json_schema": [
            "name": "translations", "strict": true,
            "schema": [
                "type": "object", "additionalProperties": false, "required": ["translations"],
                "properties": [
                    "translations": [
                        "type": "array",
                        "items": [
                            "type": "object", "additionalProperties": false, "required": ["id", "text"],
                            "properties": ["id": ["type": "string"], "text": ["type": "string"]],
                        ] as [String: Any],
                    ] as [String: Any],
                ],
            ] as [String: Any],
        ] as [String: Any],
    ] }

    /// The translations in a model's content: after any reasoning block, inside a code fence
    /// or bare. Returns nil when no such JSON is there.
    static func parseTranslations(_ content: String) -> [String: String]? {
        let text = unwrap(content)
        guard let first = text.firstIndex(of: "{"), let last = text.lastIndex(of: "}"), first < last,
            let object = EngineHTTP.object(Array(text[first...last].utf8)),
            let list = object["translations"] as? [[String: Any]]
        else { return nil }
        var out: [String: String] = [:]
        for entry in list {
            let id = (entry["id"] as? String) ?? (entry["id"] as? Int).map { String($0) }
            let value = (entry["text"] as? String) ?? (entry["en"] as? String)
            if let id, let value, out[id] == nil { out[id] = value }
        }
        return out
    }

    /// A model's content without reasoning blocks, and the inside of a code fence when there
    /// is one: what is left should be the JSON asked for.
    static func unwrap(_ content: String) -> String {
        var text = content
        for (open, close) in [("<think>", "</think>"), ("<thinking>", "</thinking>"), ("<reasoning>", "</reasoning>")] {
            while let start = text.range(of: open), let end = text.range(of: close, range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
        }
        if let fence = text.range(of: "```") {
            var inner = text[fence.upperBound...]
            if let newline = inner.firstIndex(of: "\n") { inner = inner[inner.index(after: newline)...] }
            if let close = inner.range(of: "```") { text = String(inner[..<close.lowerBound]) }
        }
        return text
    }

    /// OpenAI-style errors: `{"error": {"message", "type", "param", "code"}}` (vLLM: `code` is an
    /// integer; older vLLM and some servers: flat `{"message", ...}`; some: `{"error": "text"}`).
    static func failure(_ response: HTTPResponse, object: [String: Any]?, key: Secret?) -> EngineFailure {
        let error = object?["error"] as? [String: Any]
        let message = (error?["message"] as? String) ?? (object?["error"] as? String) ?? (object?["message"] as? String)
            ?? "the server answered HTTP \(response.status)"
        let code = (error?["code"] as? String) ?? (error?["type"] as? String) ?? (object?["code"] as? String)
        return RetryPolicy.classify(
            status: response.status, headers: response.headers, message: EngineHTTP.clean(message, secret: key), code: code)
    }
}
