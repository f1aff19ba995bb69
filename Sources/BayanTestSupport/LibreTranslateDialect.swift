import Foundation

/// The LibreTranslate `/translate` protocol as LibreTranslate 1.9 speaks it: JSON body with `q`
/// (string or array), `source`, `target`, `format`, optional `api_key`; answers
/// `{"translatedText": ...}`; every error is `{"error": "..."}`.
public struct LibreTranslateDialect: Sendable {
    public var requiredAPIKey: String?
    public var charLimit: Int?
    public var translate: @Sendable (String) -> String
    public var faults: FaultPlan
    /// Milliseconds to wait before answering a successful request (a model's latency).
    public var latencyMilliseconds: Int

    public init(
        requiredAPIKey: String? = nil, charLimit: Int? = nil, faults: FaultPlan = FaultPlan(),
        latencyMilliseconds: Int = 0, translate: @escaping @Sendable (String) -> String = PseudoTranslator.translate
    ) {
        self.requiredAPIKey = requiredAPIKey
        self.charLimit = charLimit
        self.faults = faults
        self.latencyMilliseconds = latencyMilliseconds
        self.translate = translate
    }

    public func handle(_ request: ReceivedRequest) -> ServerAction {
        if request.method == "GET" && request.path == "/languages" {
            return .json(200, #"[{"code":"ar","name":"Arabic","targets":["en"]},{"code":"en","name":"English","targets":["ar"]}]"#)
        }
        guard request.method == "POST", request.path == "/translate" else {
            return .json(404, #"{"error":"Not Found"}"#)
        }
        let fault = faults.next()
        if let fault, let action = FaultActions.action(for: fault, errorJSON: Self.error) {
            return action
        }
        if fault == .quota { return .json(429, Self.error("Slowdown: 20 per 1 minute")) }
        if fault == .contextLength { return .json(413, Self.error("Payload Too Large")) }
        guard let object = try? JSONSerialization.jsonObject(with: Data(request.body)) as? [String: Any] else {
            return .json(400, Self.error("Invalid JSON format"))
        }
        let texts: [String]
        let batch: Bool
        if let q = object["q"] as? [String] {
            texts = q
            batch = true
        } else if let q = object["q"] as? String {
            texts = [q]
            batch = false
        } else {
            return .json(400, Self.error("Invalid request: missing q parameter"))
        }
        guard let source = object["source"] as? String else {
            return .json(400, Self.error("Invalid request: missing source parameter"))
        }
        guard let target = object["target"] as? String else {
            return .json(400, Self.error("Invalid request: missing target parameter"))
        }
        guard source == "ar" || source == "auto", target == "en" else {
            return .json(400, Self.error("\(target) is not supported"))
        }
        if let format = object["format"] as? String, format != "text" && format != "html" {
            return .json(400, Self.error("\(format) format is not supported"))
        }
        if let requiredAPIKey, (object["api_key"] as? String) != requiredAPIKey {
            return .json(403, Self.error("Invalid API key"))
        }
        if let charLimit {
            let total = texts.reduce(0) { $0 + $1.count }
            if total > charLimit {
                return .json(400, Self.error("Invalid request: request (\(total)) exceeds text limit (\(charLimit))"))
            }
        }
        if latencyMilliseconds > 0 { Thread.sleep(forTimeInterval: Double(latencyMilliseconds) / 1000) }
        let out = texts.map(translate)
        let payload: Any = batch ? ["translatedText": out] : ["translatedText": out[0]]
        let data = (try? JSONSerialization.data(withJSONObject: payload, options: [.withoutEscapingSlashes])) ?? Data()
        return FaultActions.deliver(.respond(status: 200, headers: [("Content-Type", "application/json")], body: Array(data)), fault: fault)
    }

    static func error(_ message: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: ["error": message])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// How each fault looks on the wire, shared by every dialect.
enum FaultActions {
    /// The action for a transport-level or status fault; nil for faults that change a normal
    /// answer (slow drip, and the dialect-specific ones), which the dialect applies itself.
    static func action(for fault: Fault, errorJSON: (String) -> String) -> ServerAction? {
        switch fault {
        case .status(let code, let retryAfter):
            let headers = retryAfter.map { [("Retry-After", $0)] } ?? []
            return .json(code, errorJSON(HTTPStatusText.reason(code)), headers: headers)
        case .hang:
            return .hang
        case .drop:
            return .drop
        case .truncatedBody:
            let body = Array(#"{"translations": [{"text": "partial answer that never ends"#.utf8)
            return .truncated(status: 200, headers: [("Content-Type", "application/json")], body: body + body, sendBytes: body.count)
        case .malformedJSON:
            return .json(200, #"{"translations": [oops"#)
        case .slowDrip, .quota, .contextLength, .loadingModel, .wrongCount, .codeFence, .reasoningBlock, .finishLength:
            return nil
        }
    }

    /// A normal answer, dripped slowly when the fault says so.
    static func deliver(_ action: ServerAction, fault: Fault?) -> ServerAction {
        guard case .slowDrip(let pause) = fault, case .respond(let status, let headers, let body) = action else { return action }
        return .slowDrip(status: status, headers: headers, body: body, chunkBytes: 8, pauseMilliseconds: pause)
    }
}
