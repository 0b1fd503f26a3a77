import Foundation

/// A flag another thread sets to stop a replay; the engine checks it between steps and
/// returns a summary marked cancelled. Safe to share: the flag is guarded by a lock.
public final class ReplayCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }
}
