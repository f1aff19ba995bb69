import Foundation

/// Classifies every failure and decides the wait before the next attempt: capped exponential
/// backoff with full jitter, `Retry-After` honoured (seconds or HTTP date) and clamped.
public struct RetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int = 6
    public var baseDelay: Double = 0.5
    public var maxDelay: Double = 30
    /// A Retry-After beyond this is clamped to it.
    public var maxRetryAfter: Double = 120

    public init() {}

    /// The disposition of an HTTP answer that was not a success. `code` is the server's own
    /// error code when its body has one (OpenAI `insufficient_quota`, `context_length_exceeded`).
    public static func classify(
        status: Int, headers: [String: String], message: String, code: String? = nil, now: Date = Date()
    ) -> EngineFailure {
        switch code {
        case "insufficient_quota", "billing_hard_limit_reached":
            return EngineFailure(.hold, status: status, message: message)
        case "context_length_exceeded", "exceed_context_size_error", "string_above_max_length":
            return EngineFailure(.split, status: status, message: message)
        default:
            break
        }
        if status == 400, message.lowercased().contains("context length") || message.lowercased().contains("context size") {
            return EngineFailure(.split, status: status, message: message)
        }
        switch status {
        case 429, 529, 500...599:
            return EngineFailure(.retry(after: retryAfter(headers["retry-after"], now: now)), status: status, message: message)
        case 456:
            return EngineFailure(.hold, status: status, message: message)
        case 413:
            return EngineFailure(.split, status: status, message: message)
        case 408:
            return EngineFailure(.retry(after: nil), status: status, message: message)
        default:
            return EngineFailure(.fail, status: status, message: message)
        }
    }

    /// The disposition of a failure below HTTP.
    public static func classify(_ error: TransportError) -> EngineFailure {
        switch error.kind {
        case .connect, .timeout, .other: EngineFailure(.retry(after: nil), message: error.message)
        case .tooLarge, .tls, .cancelled: EngineFailure(.fail, message: error.message)
        }
    }

    /// Seconds to wait before attempt `attempt` (1 = the first retry).
    public func delay(attempt: Int, retryAfter: Double?, random: Double) -> Double {
        let exponential = min(maxDelay, baseDelay * pow(2, Double(max(0, attempt - 1))))
        let jittered = exponential * min(max(random, 0), 1)
        guard let retryAfter else { return jittered }
        return min(maxRetryAfter, max(retryAfter, jittered))
    }

    /// Parses `Retry-After` in both forms: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    public static func retryAfter(_ value: String?, now: Date = Date()) -> Double? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value) { return max(0, seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
