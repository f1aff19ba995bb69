import Foundation

/// Waits for a condition with a deadline (never a fixed sleep): polls every few milliseconds
/// and returns whether the condition became true in time.
public enum Eventually {
    @discardableResult
    public static func wait(timeout: Double, poll: Double = 0.01, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: poll)
        }
        return try condition()
    }

    public static func waitAsync(timeout: Double, poll: Double = 0.01, _ condition: () async throws -> Bool) async rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try await condition() { return true }
            try? await Task.sleep(for: .seconds(poll))
        }
        return try await condition()
    }
}
