import BayanCore
import Foundation
import Logging

/// Sends one batch through the engine and turns every failure into a per-item result, in one
/// place: retries with backoff (RetryPolicy), the circuit breaker and quota hold (EngineHealth),
/// splits on 413 / context length, and isolates a refused item so that one document's bad
/// sentence never fails the other documents sharing the request.
struct BatchSender: Sendable {
    let engine: any TranslationEngine
    let policy: RetryPolicy
    let health: EngineHealth
    let stats: TranslatorStats
    let logger: Logger

    /// One item of a batch and the document (ticket) it belongs to.
    struct Entry: Sendable {
        let ticket: UInt64
        let index: Int
        let item: TranslationItem
    }

    nonisolated(nonsending) func send(_ entries: [Entry]) async -> [Result<String, BayanError>] {
        let kind = engine.info.kind
        var attempt = 0
        while true {
            if Task.isCancelled { return all(entries, BayanError(.engineTransient, "the request to \(kind) was cancelled")) }
            attempt += 1
            let admission = health.admit()
            switch admission {
            case .held(let reason):
                return all(entries, quota(reason))
            case .wait:
                return all(entries, BayanError(
                    .engineTransient, "\(kind) failed repeatedly, so requests are paused for a cool-down (circuit breaker open); the document stays queued",
                    cause: health.snapshot.lastError))
            case .go, .probe:
                break
            }
            let probe = admission == .probe
            do {
                stats.sent(entries.map(\.item))
                let texts = try await engine.translate(entries.map(\.item))
                guard texts.count == entries.count else {
                    throw EngineFailure(.retry(after: nil), message: "\(kind) returned \(texts.count) translations for \(entries.count) sentences")
                }
                stats.ended("ok", translated: texts.count)
                health.succeeded()
                return texts.map { .success($0) }
            } catch let failure as EngineFailure {
                switch failure.disposition {
                case .retry(let after):
                    stats.ended("retryable")
                    let opened = health.failed(failure.description)
                    if opened {
                        logger.error("engine failed repeatedly; pausing requests (circuit breaker open)", metadata: ["engine": "\(kind)", "error": "\(failure)"])
                    }
                    guard attempt < policy.maxAttempts, !opened else {
                        return all(entries, BayanError(
                            .engineTransient,
                            "\(kind) failed \(attempt) time(s) in a row; the document stays queued and is tried again later",
                            cause: failure.description))
                    }
                    let wait = policy.delay(attempt: attempt, retryAfter: after, random: Double.random(in: 0...1))
                    logger.warning(
                        "engine request failed; retrying",
                        metadata: ["engine": "\(kind)", "attempt": "\(attempt)", "wait_s": "\(String(format: "%.2f", wait))", "error": "\(failure)"])
                    stats.retried()
                    try? await Task.sleep(for: .seconds(wait))
                case .split:
                    stats.ended("too_large")
                    health.noted(failure.description, probe: probe)
                    guard entries.count > 1 else {
                        return all(entries, BayanError(.engineRejected, "a single sentence is too large for \(kind); split it in the source", cause: failure.description))
                    }
                    let half = entries.count / 2
                    let first = await send(Array(entries[..<half]))
                    let second = await send(Array(entries[half...]))
                    return first + second
                case .hold:
                    stats.ended("quota")
                    health.hold(failure.description)
                    logger.error("engine quota spent; holding every document until an operator resumes (SIGHUP or bayan engine resume)", metadata: ["engine": "\(kind)", "error": "\(failure)"])
                    return all(entries, quota(failure.description))
                case .fail where [401, 403, 404, 407].contains(failure.status ?? 0):
                    stats.ended("refused")
                    health.noted(failure.description, probe: probe)
                    return all(entries, BayanError(
                        .engineConfig, "\(kind) refused the key or the endpoint; check engine.url, engine.kind and the API key", cause: failure.description))
                case .fail:
                    stats.ended("refused")
                    health.noted(failure.description, probe: probe)
                    // Several documents share this request: find whose sentence was refused.
                    let tickets = Set(entries.map(\.ticket))
                    if tickets.count > 1 {
                        var results = [Result<String, BayanError>?](repeating: nil, count: entries.count)
                        for ticket in tickets.sorted() {
                            let positions = entries.indices.filter { entries[$0].ticket == ticket }
                            let answer = await send(positions.map { entries[$0] })
                            for (p, r) in zip(positions, answer) { results[p] = r }
                        }
                        return results.map { $0 ?? .failure(BayanError(.internal, "a sentence lost its answer")) }
                    }
                    return all(entries, BayanError(.engineRejected, "\(kind) refused the request", cause: failure.description))
                }
            } catch {
                stats.ended("transport")
                health.probeAbandoned()
                return all(entries, BayanError(.engineTransient, "the request to \(kind) failed: \(error)"))
            }
        }
    }

    private func quota(_ reason: String) -> BayanError {
        BayanError(
            .engineQuota,
            "\(engine.info.kind) quota is spent; documents wait until the operator resumes the engine (bayan engine resume, SIGHUP, or a configuration change)",
            cause: reason)
    }

    private func all(_ entries: [Entry], _ error: BayanError) -> [Result<String, BayanError>] {
        entries.map { _ in .failure(error) }
    }
}
