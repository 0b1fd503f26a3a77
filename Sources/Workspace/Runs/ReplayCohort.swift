import Foundation
import JourneyModel
import ReplayEngine

/// A cohort as the engine reads it: a sequence pulled lazily, lead by lead. The workspace's
/// `forEachLead` streams on a producer thread into a small bounded queue, so memory stays at
/// a few hundred leads whatever the cohort's size, and the engine stops reading at its horizon.
/// Call `close()` when the replay is done: it stops the producer and reports its failure.
public final class ReplayCohort: Sequence, @unchecked Sendable {
    private let condition = NSCondition()
    private var queue: [CohortLead] = []
    private var head = 0
    private let capacity = 512
    private var producerDone = false
    private var closed = false
    private var failure: WorkspaceError?

    struct Stopped: Error {}

    init(workspace: Workspace, cohort: String) {
        let thread = Thread { [self] in
            do throws(WorkspaceError) {
                try workspace.forEachLead(inCohort: cohort) { lead in
                    try self.put(lead)
                }
            } catch {
                // Once closed, the error is the stop this side asked for.
                condition.lock()
                if !closed { failure = error }
                condition.unlock()
            }
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = "cairn-cohort-reader"
        thread.start()
    }

    private func put(_ lead: CohortLead) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count - head >= capacity, !closed { condition.wait() }
        if closed { throw Stopped() }
        queue.append(lead)
        condition.broadcast()
    }

    private func take() -> CohortLead? {
        condition.lock()
        defer { condition.unlock() }
        while head == queue.count, !producerDone, !closed { condition.wait() }
        guard head < queue.count else { return nil }
        let lead = queue[head]
        head += 1
        if head >= capacity {
            queue.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return lead
    }

    /// Stops reading (if the engine stopped early) and waits for the reader to finish.
    public func close() throws(WorkspaceError) {
        condition.lock()
        closed = true
        condition.broadcast()
        while !producerDone { condition.wait() }
        let failure = self.failure
        condition.unlock()
        if let failure { throw failure }
    }

    public struct Iterator: IteratorProtocol {
        let cohort: ReplayCohort
        public mutating func next() -> CohortLead? { cohort.take() }
    }

    public func makeIterator() -> Iterator { Iterator(cohort: self) }
}

extension Workspace {
    /// The cohort's leads, in entry order, with their recorded events and — for a synthetic
    /// cohort — the behavior its profile gave them.
    public func replayCohort(named name: String) throws(WorkspaceError) -> ReplayCohort {
        // Refuse an unknown cohort before any thread starts.
        _ = try cohort(named: name)
        return ReplayCohort(workspace: self, cohort: name)
    }
}
