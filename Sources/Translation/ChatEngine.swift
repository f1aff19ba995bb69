import BayanCore
import Foundation

/// An engine that can be asked to write, not only to translate (the OpenAI-compatible dialect):
/// the summary's key points. DeepL and LibreTranslate cannot, and are not `ChatEngine`s.
public protocol ChatEngine: TranslationEngine {
    /// One completion: `responseFormat` is the JSON text of OpenAI's `response_format` object
    /// (a json_schema). Returns the content with any reasoning block or code fence around the
    /// answer removed. Throws `EngineFailure` like `translate`.
    func chat(system: String, user: String, responseFormat: String) async throws -> String
}

extension OpenAIEngine: ChatEngine {
    public func chat(system: String, user: String, responseFormat: String) async throws -> String {
        guard let format = EngineHTTP.object(Array(responseFormat.utf8)) else {
            throw EngineFailure(.fail, message: "internal: the response_format is not a JSON object")
        }
        return Self.unwrap(try await chatContent(system: system, user: user, responseFormat: format))
    }
}

extension Translator {
    /// Whether the configured engine can write key points.
    public var canChat: Bool { engine is any ChatEngine }

    /// One chat request through the translator's engine with the same retry policy, circuit
    /// breaker and quota hold as translation. Throws `BayanError` when the engine cannot chat,
    /// the request is larger than `engine.batch_bytes`, or every attempt failed.
    public func chat(system: String, user: String, responseFormat: String) async throws -> String {
        guard let engine = engine as? any ChatEngine else {
            throw BayanError(.engineConfig, "\(engine.info.kind) cannot write summaries; summary.mode abstractive and both need engine.kind: openai")
        }
        let kind = engine.info.kind
        let bytes = system.utf8.count + user.utf8.count
        guard bytes <= engine.limits.maxBytes else {
            throw BayanError(.engineRejected, "the document is too large for one request to \(kind) (\(bytes) bytes; engine.batch_bytes is \(engine.limits.maxBytes))")
        }
        var attempt = 0
        while true {
            attempt += 1
            switch health.admit() {
            case .held(let reason):
                throw BayanError(.engineQuota, "\(kind) quota is spent; waiting for the operator to resume the engine", cause: reason)
            case .wait:
                throw BayanError(.engineTransient, "\(kind) failed repeatedly and requests are paused (circuit breaker open)", cause: health.snapshot.lastError)
            case .go, .probe:
                break
            }
            do {
                let content = try await engine.chat(system: system, user: user, responseFormat: responseFormat)
                health.succeeded()
                return content
            } catch let failure as EngineFailure {
                switch failure.disposition {
                case .retry(let after):
                    let opened = health.failed(failure.description)
                    guard attempt < policy.maxAttempts, !opened else {
                        throw BayanError(.engineTransient, "\(kind) failed \(attempt) time(s) in a row", cause: failure.description)
                    }
                    stats.retried()
                    try await Task.sleep(for: .seconds(policy.delay(attempt: attempt, retryAfter: after, random: Double.random(in: 0...1))))
                case .hold:
                    health.hold(failure.description)
                    throw BayanError(.engineQuota, "\(kind) quota is spent", cause: failure.description)
                case .split:
                    health.noted(failure.description, probe: false)
                    throw BayanError(.engineRejected, "\(kind) could not take the whole document in one request", cause: failure.description)
                case .fail:
                    health.noted(failure.description, probe: false)
                    throw BayanError(.engineRejected, "\(kind) refused the request", cause: failure.description)
                }
            }
        }
    }
}
