import Foundation
import GRDB

/// Owns the run's writes on a thread of its own: the engine hands it full batches through a
/// small bounded queue and blocks when the queue is full — the back-pressure that keeps memory
/// bounded however fast the engine runs. Each batch is one transaction, so a killed process
/// leaves whole batches and a run that the next open marks `interrupted`.
final class RunWriter: @unchecked Sendable {
    private let pool: DatabasePool
    private let condition = NSCondition()
    private var queue: [RunBatch] = []
    private let capacity: Int
    private var closed = false
    private var finished = false
    private var failure: (any Error)?
    private var thread: Thread?
    private let rows: CompactStepWriter

    init(pool: DatabasePool, rows: CompactStepWriter, capacity: Int) {
        self.pool = pool
        self.rows = rows
        self.capacity = max(1, capacity)
        let thread = Thread { [unowned self] in self.drain() }
        thread.name = "cairn-run-writer"
        self.thread = thread
        thread.start()
    }

    /// Queues a batch, waiting while the queue is full. After a failure batches are dropped.
    func submit(_ batch: RunBatch) {
        condition.lock()
        while queue.count >= capacity, failure == nil { condition.wait() }
        if failure == nil { queue.append(batch) }
        condition.broadcast()
        condition.unlock()
    }

    /// Writes what is queued, stops the thread and reports the first failure, if any.
    func close() -> (any Error)? {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finished { condition.wait() }
        let failure = self.failure
        condition.unlock()
        return failure
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty, !closed { condition.wait() }
            if queue.isEmpty, closed {
                finished = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            condition.broadcast()
            let failed = failure != nil
            condition.unlock()
            guard !failed else { continue }
            do {
                try write(batch)
            } catch {
                condition.lock()
                failure = error
                queue.removeAll()
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    private func write(_ batch: RunBatch) throws {
        try pool.write { db in try Workspace.withStreamCache(db) { try rows.write(batch, db) } }
    }
}
