import Foundation

/// A named thread that runs a round, sleeps until the time the round returns, and runs it
/// again, until stopped: what the live runtime and the summary refresher share. `stop()` returns
/// once the round in hand has finished; `start()` after `stop()` starts again.
final class LoopThread: @unchecked Sendable {
    private let name: String
    private let condition = NSCondition()
    private var running = false
    private var thread: Thread?

    init(name: String) {
        self.name = name
    }

    /// Runs `round` on a thread of its own; it returns when to run next.
    func start(_ round: @escaping @Sendable () -> Date) {
        condition.lock()
        defer { condition.unlock() }
        guard !running else { return }
        running = true
        let thread = Thread { [unowned self] in self.run(round) }
        thread.name = name
        self.thread = thread
        thread.start()
    }

    func stop() {
        condition.lock()
        running = false
        condition.broadcast()
        while thread != nil { condition.wait() }
        condition.unlock()
    }

    private func run(_ round: () -> Date) {
        while isRunning {
            let next = round()
            condition.lock()
            while running, Date() < next { _ = condition.wait(until: next) }
            condition.unlock()
        }
        condition.lock()
        thread = nil
        condition.broadcast()
        condition.unlock()
    }

    private var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return running
    }
}
