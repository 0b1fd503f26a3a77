import Foundation
import JourneyModel
import ReplayEngine

/// A cohort as the engine reads it: a sequence pulled lazily, lead by lead. The workspace's
/// `forEachLead` streams on a producer thread into a small bounded queue, so memory stays at
/// a few thousand leads whatever the cohort's size, and the engine stops reading at its horizon.
/// Leads cross between the threads a chunk at a time: one lock per chunk rather than per lead
/// (a full queue woken lead by lead costs the engine's thread a system call per lead). A full
/// queue wakes the producer only once the engine has taken half of it, so the producer reads
/// eight chunks at a go: woken chunk by chunk, on two cores busy with the engine and the run's
/// writer, it was often not back in time, and the engine waited 1.3 s for leads in a
/// million-lead replay (0.1 s now). Call `close()` when the replay is done: it stops the
/// producer and reports its failure.
public final class ReplayCohort: Sequence, @unchecked Sendable {
    private let condition = NSCondition()
    /// Chunks the producer finished and the engine has not taken yet.
    private var chunks: [[CohortLead]] = []
    static let chunkSize = 256
    static let chunkCapacity = 16
    private var producerDone = false
    private var closed = false
    private var failure: WorkspaceError?

    struct Stopped: Error {}

    init(workspace: Workspace, cohort: String) {
        let thread = Thread { [self] in
            var chunk: [CohortLead] = []
            chunk.reserveCapacity(Self.chunkSize)
            do throws(WorkspaceError) {
                try workspace.forEachLead(inCohort: cohort) { lead in
                    chunk.append(lead)
                    guard chunk.count == Self.chunkSize else { return }
                    try self.put(chunk)
                    chunk = []
                    chunk.reserveCapacity(Self.chunkSize)
                }
                if !chunk.isEmpty { try? self.put(chunk) }
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

    private func put(_ chunk: [CohortLead]) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= Self.chunkCapacity, !closed { condition.wait() }
        if closed { throw Stopped() }
        chunks.append(chunk)
        condition.broadcast()
    }

    /// The next chunk, or an empty one once the cohort is read (or the replay closed it).
    private func takeChunk() -> [CohortLead] {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty, !producerDone, !closed { condition.wait() }
        guard !chunks.isEmpty, !closed else { return [] }
        // The producer waits while the queue is full; it is woken at half (see above).
        if chunks.count == Self.chunkCapacity / 2 { condition.broadcast() }
        return chunks.removeFirst()
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
        var chunk: [CohortLead] = []
        var position = 0

        public mutating func next() -> CohortLead? {
            if position == chunk.count {
                chunk = cohort.takeChunk()
                position = 0
                guard !chunk.isEmpty else { return nil }
            }
            defer { position += 1 }
            return chunk[position]
        }
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
