import Foundation

/// The engine never waits on SQLite: it hands full batches to this writer, whose own thread
/// commits them one transaction each. The queue holds at most `capacity` batches; `submit`
/// blocks when it is full, so memory stays bounded however fast the engine runs.
public final class BackgroundRunWriter: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    private let writer: RunWriter
    private let capacity: Int
    private let condition = NSCondition()
    private var queue: [RunBatch] = []
    private var closed = false
    private var failure: WorkspaceError?
    private var thread: Thread?
    private var finishedThread = false

    public var runID: Int64 { writer.runID }

    public init(_ writer: RunWriter, capacity: Int = 4) {
        self.writer = writer
        self.capacity = max(1, capacity)
        let thread = Thread { [weak self] in self?.drain() }
        thread.name = "cairn-run-writer"
        self.thread = thread
        thread.start()
    }

    /// Queues a batch; blocks while the queue is full. Throws the writer's error, if it failed.
    public func submit(_ batch: RunBatch) throws(WorkspaceError) {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= capacity, failure == nil { condition.wait() }
        if let failure { throw failure }
        queue.append(batch)
        condition.broadcast()
    }

    /// Waits for every queued batch, then writes the summaries and the final status.
    public func finish(status: RunStatus, reason: String? = nil, summaries: RunSummaries)
        throws(WorkspaceError)
    {
        condition.lock()
        closed = true
        condition.broadcast()
        while !finishedThread { condition.wait() }
        let failure = failure
        condition.unlock()
        if let failure {
            try? writer.finish(
                status: .failed, reason: "writing results failed: \(failure)", summaries: RunSummaries())
            throw failure
        }
        try writer.finish(status: status, reason: reason, summaries: summaries)
    }

    private func drain() {
        while true {
            condition.lock()
            while queue.isEmpty, !closed { condition.wait() }
            if queue.isEmpty || failure != nil {
                finishedThread = true
                condition.broadcast()
                condition.unlock()
                return
            }
            let batch = queue.removeFirst()
            condition.broadcast()
            condition.unlock()
            do {
                try writer.write(batch)
            } catch {
                condition.lock()
                failure = error
                condition.broadcast()
                condition.unlock()
            }
        }
    }
}
