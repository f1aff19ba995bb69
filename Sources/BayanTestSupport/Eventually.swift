import Foundation

/// Waits for a condition with a deadline (never a fixed sleep): checks it every few
/// milliseconds, suspending in between so other tasks keep running, and returns whether it
/// became true in time.
public enum Eventually {
    @discardableResult
    public static func wait(timeout: Double, poll: Double = 0.01, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .seconds(poll))
        }
        return try await condition()
    }
}
