import BayanCore
import Foundation

/// LibreTranslate `POST {url}/translate` with a JSON `q` array (one request per batch).
public struct LibreTranslateEngine: TranslationEngine {
    public var info: EngineInfo { EngineInfo(kind: "libretranslate") }
    public let limits: BatchLimits
    private let url: String
    private let apiKey: Secret?
    private let source: String
    private let target: String
    private let transport: any HTTPTransport

    public init(
        url: String, apiKey: Secret? = nil, source: String = "ar", target: String = "en",
        limits: BatchLimits = BatchLimits(maxItems: 25, maxBytes: 64 * 1024), transport: any HTTPTransport
    ) {
        self.url = url.hasSuffix("/") ? String(url.dropLast()) : url
        self.apiKey = apiKey
        self.source = source
        self.target = target
        self.limits = limits
        self.transport = transport
    }

    public nonisolated(nonsending) func translate(_ items: [TranslationItem]) async throws -> [String] {
        var body: [String: Any] = ["q": items.map(\.text), "source": source, "target": target, "format": "text"]
        if let apiKey { body["api_key"] = apiKey.value }
        let data = try JSONSerialization.data(withJSONObject: body, options: [.withoutEscapingSlashes])
        let request = HTTPRequest(
            url: url + "/translate", headers: [("Content-Type", "application/json"), ("Accept", "application/json")],
            body: Array(data))
        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch let error as TransportError {
            throw RetryPolicy.classify(error)
        }
        let object = try? JSONSerialization.jsonObject(with: Data(response.body)) as? [String: Any]
        guard response.status == 200 else {
            let message = (object?["error"] as? String) ?? "LibreTranslate answered HTTP \(response.status)"
            throw RetryPolicy.classify(status: response.status, headers: response.headers, message: EngineHTTP.clean(message, secret: apiKey))
        }
        guard let object else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "LibreTranslate sent a body that is not JSON")
        }
        let texts: [String]
        if let list = object["translatedText"] as? [String] {
            texts = list
        } else if items.count == 1, let one = object["translatedText"] as? String {
            texts = [one]
        } else {
            throw EngineFailure(.retry(after: nil), status: 200, message: "LibreTranslate's answer has no translatedText")
        }
        guard texts.count == items.count else {
            throw EngineFailure(
                .retry(after: nil), status: 200,
                message: "LibreTranslate returned \(texts.count) translations for \(items.count) sentences")
        }
        return texts
    }
}
