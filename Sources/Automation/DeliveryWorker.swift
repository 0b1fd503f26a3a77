import Foundation
import Logging
import Workspace

/// Delivers the outbox on a thread of its own: a pass over the due rows, then sleep until the
/// next row falls due, `wake()` is called (the runtime just wrote rows) or `idleCheck` passes
/// (rows or channels written by another process). Never a busy loop; `stop()` ends it.
///
/// `cairn serve` runs one per workspace as `LeaderWork` of its `AutomationService`, so it
/// delivers only while the process holds the automation lease; it can be stopped and started
/// again. `DeliveryWorker.start(workspace:)` makes one and starts it at once.
public final class DeliveryWorker: LeaderWork, @unchecked Sendable {
    public let pass: DeliveryPass
    /// The longest sleep without a wake-up: how soon rows written elsewhere are seen.
    public let idleCheck: TimeInterval
    let logger: Logger
    private let condition = NSCondition()
    private var stopping = false
    private var woken = false
    private var finished = true

    init(pass: DeliveryPass, idleCheck: TimeInterval, logger: Logger) {
        self.pass = pass
        self.idleCheck = idleCheck
        self.logger = logger
    }

    /// A worker for `workspace`'s outbox, not yet started.
    public convenience init(
        workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment,
        batchSize: Int = 200, idleCheck: TimeInterval = 5, logger: Logger = Logger(label: "cairn.delivery")
    ) {
        self.init(
            pass: DeliveryPass(workspace: workspace, environment: environment, batchSize: batchSize),
            idleCheck: idleCheck, logger: logger)
    }

    /// Starts delivering `workspace`'s outbox on a new thread.
    public static func start(
        workspace: Workspace, environment: [String: String] = ProcessInfo.processInfo.environment,
        batchSize: Int = 200, idleCheck: TimeInterval = 5, logger: Logger = Logger(label: "cairn.delivery")
    ) -> DeliveryWorker {
        let worker = DeliveryWorker(
            workspace: workspace, environment: environment, batchSize: batchSize, idleCheck: idleCheck,
            logger: logger)
        worker.start()
        return worker
    }

    /// Starts delivering on a new thread; does nothing while it is already running.
    public func start() {
        let starting = condition.withLock {
            guard finished else { return false }
            (stopping, woken, finished) = (false, false, false)
            return true
        }
        guard starting else { return }
        let thread = Thread { self.loop() }
        thread.name = "cairn-delivery"
        thread.start()
    }

    /// Rows were written: look now rather than at the next planned time.
    public func wake() {
        condition.withLock {
            woken = true
            condition.signal()
        }
    }

    /// Asks the worker to stop and waits until its current pass has ended.
    public func stop() {
        condition.withLock {
            stopping = true
            condition.broadcast()
            while !finished { condition.wait() }
        }
    }

    func loop() {
        while !condition.withLock({ stopping }) {
            do {
                let taken = try pass.run(now: Date().timeIntervalSince1970) {
                    condition.withLock { stopping }
                }
                if taken < pass.batchSize { sleep(until: plannedWake()) }
            } catch {
                // The workspace is busy or failing: try again later, not at once.
                logger.error("delivery pass failed: \(error)")
                sleep(until: Date().addingTimeInterval(idleCheck))
            }
        }
        condition.withLock {
            finished = true
            condition.broadcast()
        }
    }

    /// The next row's due time, but no later than `idleCheck` from now.
    func plannedWake() -> Date {
        let latest = Date().addingTimeInterval(idleCheck)
        guard let due = try? pass.nextDue() else { return latest }
        return min(Date(timeIntervalSince1970: due), latest)
    }

    func sleep(until date: Date) {
        condition.withLock {
            while !stopping, !woken, date > Date() {
                _ = condition.wait(until: date)
            }
            woken = false
        }
    }
}
