import BayanCore
import Foundation
import Logging

/// Translates a document's sentences through one engine: batches by the engine's limits, sends
/// them concurrently (the transport bounds requests in flight), retries by `RetryPolicy`, splits
/// batches the server finds too large, and never returns a misaligned answer.
public struct Translator: Sendable {
    public let engine: any TranslationEngine
    public let policy: RetryPolicy
    private let logger: Logger

    public init(engine: any TranslationEngine, policy: RetryPolicy = RetryPolicy(), logger: Logger) {
        self.engine = engine
        self.policy = policy
        self.logger = logger
    }

    /// One English string per item, in order.
    public func translate(_ items: [TranslationItem]) async throws -> [String] {
        let batches = BatchPlanner.batches(items, limits: engine.limits)
        return try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask { (index, try await self.send(batch)) }
            }
            var results = [[String]](repeating: [], count: batches.count)
            for try await (index, texts) in group { results[index] = texts }
            return results.flatMap { $0 }
        }
    }

    private func send(_ batch: [TranslationItem]) async throws -> [String] {
        var attempt = 0
        while true {
            try Task.checkCancellation()
            attempt += 1
            do {
                let texts = try await engine.translate(batch)
                guard texts.count == batch.count else {
                    throw EngineFailure(.retry(after: nil), message: "the engine returned \(texts.count) translations for \(batch.count) sentences")
                }
                return texts
            } catch let failure as EngineFailure {
                switch failure.disposition {
                case .retry(let after):
                    guard attempt < policy.maxAttempts else {
                        throw BayanError(
                            .engineTransient,
                            "\(engine.info.kind) failed \(attempt) times in a row; the document stays queued and is tried again later",
                            cause: failure.description)
                    }
                    let wait = policy.delay(attempt: attempt, retryAfter: after, random: Double.random(in: 0...1))
                    logger.warning(
                        "engine request failed; retrying",
                        metadata: ["engine": "\(engine.info.kind)", "attempt": "\(attempt)", "wait_s": "\(String(format: "%.2f", wait))", "error": "\(failure)"])
                    try await Task.sleep(for: .seconds(wait))
                case .split:
                    guard batch.count > 1 else {
                        throw BayanError(.engineRejected, "a single sentence is too large for \(engine.info.kind)", cause: failure.description)
                    }
                    let half = batch.count / 2
                    async let first = send(Array(batch[..<half]))
                    async let second = send(Array(batch[half...]))
                    return try await first + second
                case .hold:
                    throw BayanError(.engineQuota, "\(engine.info.kind) quota is spent; documents wait until the operator acts", cause: failure.description)
                case .fail where [401, 403, 404, 407].contains(failure.status ?? 0):
                    throw BayanError(.engineConfig, "\(engine.info.kind) refused the key or the endpoint; check engine.url and the API key", cause: failure.description)
                case .fail:
                    throw BayanError(.engineRejected, "\(engine.info.kind) refused the request", cause: failure.description)
                }
            }
        }
    }
}
