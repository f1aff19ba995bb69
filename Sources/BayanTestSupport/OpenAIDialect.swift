import Foundation

/// An OpenAI-compatible chat-completions server (`POST /v1/chat/completions`, `GET /v1/models`)
/// that plays a translation model: it reads the JSON segments of the last user message and
/// answers `{"translations": [{"id","text"}]}` in `choices[0].message.content`, with the
/// glossary entries it was given applied. Errors use OpenAI's envelope
/// `{"error": {"message","type","param","code"}}` (llama.cpp's shapes for its own faults).
/// Scripted faults include what LLM servers really do: a wrong count, a code fence, a reasoning
/// block, a cut-off answer.
public struct OpenAIDialect: Sendable {
    public var requiredAPIKey: String?
    public var models: [String]
    /// When false, a request with `response_format` is refused with 400, as older servers do.
    public var supportsResponseFormat: Bool
    public var faults: FaultPlan
    public var latencyMilliseconds: Int
    public var translate: @Sendable (String) -> String

    public init(
        requiredAPIKey: String? = nil, models: [String] = ["bayan-mock"], supportsResponseFormat: Bool = true,
        faults: FaultPlan = FaultPlan(), latencyMilliseconds: Int = 0,
        translate: @escaping @Sendable (String) -> String = PseudoTranslator.translate
    ) {
        self.requiredAPIKey = requiredAPIKey
        self.models = models
        self.supportsResponseFormat = supportsResponseFormat
        self.faults = faults
        self.latencyMilliseconds = latencyMilliseconds
        self.translate = translate
    }

    public func handle(_ request: ReceivedRequest) -> ServerAction {
        if let requiredAPIKey, request.header("authorization") != "Bearer \(requiredAPIKey)" {
            let given = request.header("authorization").map { String($0.dropFirst("Bearer ".count)) } ?? ""
            let masked = given.count > 8 ? "\(given.prefix(3))***\(given.suffix(4))" : "***"
            return .json(401, Self.error("Incorrect API key provided: \(masked). You can find your API key at https://platform.openai.com/account/api-keys.", type: "invalid_request_error", code: "invalid_api_key"))
        }
        if request.method == "GET" && request.path == "/v1/models" {
            let list = models.map { #"{"id":"\#($0)","object":"model","created":1700000000,"owned_by":"bayan"}"# }.joined(separator: ",")
            return .json(200, #"{"object":"list","data":[\#(list)]}"#)
        }
        guard request.method == "POST", request.path == "/v1/chat/completions" else {
            return .json(404, Self.error("Unknown request URL: \(request.method) \(request.path)", type: "invalid_request_error", code: "unknown_url"))
        }
        let fault = faults.next()
        if let fault, let action = FaultActions.action(for: fault, errorJSON: { Self.error($0, type: "server_error", code: nil) }) {
            return action
        }
        switch fault {
        case .quota:
            return .json(429, Self.error("You exceeded your current quota, please check your plan and billing details.", type: "insufficient_quota", code: "insufficient_quota"))
        case .contextLength:
            return .json(400, Self.error("This model's maximum context length is 8192 tokens. However, your messages resulted in 9000 tokens.", type: "invalid_request_error", code: "context_length_exceeded", param: "messages"))
        case .loadingModel:
            return .json(503, #"{"error":{"code":503,"message":"Loading model","type":"unavailable_error"}}"#)
        default:
            break
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            return .json(400, Self.error("We could not parse the JSON body of your request.", type: "invalid_request_error", code: nil))
        }
        guard let model = object["model"] as? String else {
            return .json(400, Self.error("you must provide a model parameter", type: "invalid_request_error", code: nil))
        }
        guard models.contains(model) else {
            return .json(404, Self.error("The model `\(model)` does not exist or you do not have access to it.", type: "invalid_request_error", code: "model_not_found"))
        }
        guard let messages = object["messages"] as? [[String: Any]], !messages.isEmpty,
            messages.allSatisfy({ ($0["role"] as? String) != nil && $0["content"] != nil })
        else {
            return .json(400, Self.error("'messages' must be a non-empty array of {role, content}", type: "invalid_request_error", code: nil, param: "messages"))
        }
        if object["response_format"] != nil && !supportsResponseFormat {
            return .json(400, Self.error("response_format is not supported by this server", type: "invalid_request_error", code: nil, param: "response_format"))
        }
        let user = messages.last { ($0["role"] as? String) == "user" }?["content"] as? String ?? ""
        if latencyMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(latencyMilliseconds) / 1000) }
        var translations = translateSegments(user)
        if fault == .wrongCount, !translations.isEmpty { translations.removeLast() }
        let payload = (try? JSONSerialization.data(withJSONObject: ["translations": translations], options: [.withoutEscapingSlashes])) ?? Data()
        var content = String(decoding: payload, as: UTF8.self)
        var finish = "stop"
        switch fault {
        case .codeFence: content = "Here are the translations:\n```json\n\(content)\n```"
        case .reasoningBlock: content = "<think>The user wants formal English; keep ids and numbers.</think>\n\(content)"
        case .finishLength:
            content = String(content.prefix(content.count / 2))
            finish = "length"
        default: break
        }
        let completion: [String: Any] = [
            "id": "chatcmpl-\(UUID().uuidString.prefix(12))", "object": "chat.completion", "created": Int(Date().timeIntervalSince1970),
            "model": model, "system_fingerprint": "fp_bayan_mock",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content, "refusal": NSNull()] as [String: Any], "logprobs": NSNull(), "finish_reason": finish] as [String: Any]],
            "usage": ["prompt_tokens": user.count / 3, "completion_tokens": content.count / 3, "total_tokens": (user.count + content.count) / 3],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: completion, options: [.withoutEscapingSlashes])) ?? Data()
        return FaultActions.deliver(.respond(status: 200, headers: [("Content-Type", "application/json")], body: Array(data)), fault: fault)
    }

    /// Plays the model: each segment translated after applying the glossary it was given.
    private func translateSegments(_ userContent: String) -> [[String: String]] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(userContent.utf8)) as? [String: Any],
            let segments = object["segments"] as? [[String: Any]]
        else { return [] }
        let glossary = (object["glossary"] as? [[String: String]] ?? []).compactMap { e -> (String, String)? in
            guard let ar = e["ar"], let en = e["en"] else { return nil }
            return (ar, en)
        }.sorted { $0.0.count > $1.0.count }
        return segments.compactMap { segment in
            guard let id = segment["id"] as? String, let text = segment["text"] as? String else { return nil }
            var glossed = text
            for (ar, en) in glossary { glossed = glossed.replacingOccurrences(of: ar, with: " \(en) ") }
            return ["id": id, "text": translate(glossed)]
        }
    }

    static func error(_ message: String, type: String, code: String?, param: String? = nil) -> String {
        let body: [String: Any] = ["error": ["message": message, "type": type, "param": param ?? NSNull(), "code": code ?? NSNull()] as [String: Any]]
        let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
