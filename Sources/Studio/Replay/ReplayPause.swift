import Foundation
import ReplayEngine

/// Holds a replay in flight where it reports progress, until resumed or cancelled: the demo's
/// Space pauses the animation mid-replay, and the engine waits rather than racing ahead.
final class ReplayPause: @unchecked Sendable {
    private let condition = NSCondition()
    private var paused = false

    var isPaused: Bool {
        condition.lock()
        defer { condition.unlock() }
        return paused
    }

    func set(_ value: Bool) {
        condition.lock()
        paused = value
        condition.broadcast()
        condition.unlock()
    }

    /// Returns at once when not paused; else when resumed or `cancellation` is cancelled
    /// (checked every tenth of a second, since a cancel does not signal this condition).
    func waitWhilePaused(_ cancellation: ReplayCancellation) {
        condition.lock()
        defer { condition.unlock() }
        while paused, !cancellation.isCancelled {
            _ = condition.wait(until: Date().addingTimeInterval(0.1))
        }
    }
}
