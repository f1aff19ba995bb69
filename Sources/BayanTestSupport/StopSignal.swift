import Foundation
import Synchronization

/// A one-shot event threads can wait on, with or without a deadline.
final class StopSignal: Sendable {
    private let condition = NSConditionBox()

    func fire() { condition.fire() }

    func wait() { condition.waitForever() }

    /// Returns true when the signal fired before the pause ended.
    func wait(milliseconds: Int) -> Bool {
        condition.wait(until: Date().addingTimeInterval(Double(milliseconds) / 1000))
    }
}

private final class NSConditionBox: @unchecked Sendable {
    private let condition = NSCondition()
    private var fired = false

    func fire() {
        condition.lock()
        fired = true
        condition.broadcast()
        condition.unlock()
    }

    // NSCondition.wait(until: .distantFuture) traps on Linux (the deadline overflows timespec).
    func waitForever() {
        condition.lock()
        while !fired { condition.wait() }
        condition.unlock()
    }

    func wait(until deadline: Date) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while !fired {
            if !condition.wait(until: deadline) { return fired }
        }
        return true
    }
}
