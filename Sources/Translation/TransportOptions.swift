/// Settings of the curl transport (config `engine.*`).
public struct TransportOptions: Sendable, Equatable {
    public var connectTimeout: Double = 10
    public var totalTimeout: Double = 120
    /// Abort when fewer than `lowSpeedBytes` per second arrive for `lowSpeedSeconds`.
    public var lowSpeedBytes: Int = 1
    public var lowSpeedSeconds: Int = 60
    public var maxResponseBytes: Int = 16 * 1024 * 1024
    /// Requests in flight at once, across every document (config `engine.concurrency`).
    public var concurrency: Int = 4
    public var caFile: String? = nil
    /// Turns TLS verification off; refused by config validation unless explicitly allowed.
    public var insecure: Bool = false
    public var userAgent: String = "bayan/\(BayanVersion.string)"

    public init() {}
}

public enum BayanVersion {
    public static let string = "0.1.0"
}
