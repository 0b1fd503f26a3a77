import Foundation

/// Where a replay's records go.
///
/// Threading: the engine calls a recorder only from the thread that called
/// `Replay.run`, one call at a time, in record order, and calls `finish` exactly once,
/// last. A recorder therefore needs no locking of its own against the engine. Records are
/// `Sendable` values: a recorder that writes on another thread (the workspace's batched SQLite
/// writer) appends them to a fixed-size batch and hands full batches to its writer thread
/// through a bounded queue — blocking in `record` when the queue is full is the back-pressure
/// that keeps memory bounded — and drains the queue in `finish`.
public protocol ReplayRecorder: AnyObject {
    func record(_ record: ReplayRecord)
    /// `record(_:)`, told which lead the record is about: the lead's slot, its admission number
    /// in the run. A lead has one execution at a time, so a recorder that keeps state per
    /// execution can find it by the slot without hashing the execution's key. By default,
    /// `record(_:)`.
    func record(_ record: ReplayRecord, lead slot: Int)
    /// A node stay of the lead in `slot`: the record the engine makes at every step, handed over
    /// as itself (wrapping it in a `ReplayRecord` copied it, and destroyed it twice). By
    /// default, `record(.nodeStay(stay), lead: slot)`.
    func record(stay: NodeStay, lead slot: Int)
    /// Called every `ReplayProgress.interval` leads admitted, for progress bars; optional.
    func progress(_ progress: ReplayProgress)
    /// The run is over (completed or cancelled); no record follows.
    func finish(_ summary: ReplaySummary)
}

extension ReplayRecorder {
    public func progress(_ progress: ReplayProgress) {}

    public func record(_ record: ReplayRecord, lead slot: Int) {
        self.record(record)
    }

    public func record(stay: NodeStay, lead slot: Int) {
        record(.nodeStay(stay), lead: slot)
    }
}

/// How far a run has got. Reported on a count of leads, never on a clock, so the calls are
/// the same in every run.
public struct ReplayProgress: Sendable, Hashable {
    /// Leads read from the cohort so far: with the cohort's size, the fraction done.
    public var leadsAdmitted: Int
    /// Leads held in memory: entered and not finished, or waiting for a trigger.
    public var leadsInFlight: Int
    public var recordsEmitted: Int
    /// The virtual time reached.
    public var virtualTime: Date

    public init(leadsAdmitted: Int, leadsInFlight: Int, recordsEmitted: Int, virtualTime: Date) {
        self.leadsAdmitted = leadsAdmitted
        self.leadsInFlight = leadsInFlight
        self.recordsEmitted = recordsEmitted
        self.virtualTime = virtualTime
    }

    public static let interval = 1_000
}

/// Keeps every record in memory: for tests, previews and small replays.
public final class CollectingRecorder: ReplayRecorder {
    public private(set) var records: [ReplayRecord] = []
    public private(set) var summary: ReplaySummary?

    public init() {}

    public func record(_ record: ReplayRecord) {
        records.append(record)
    }

    public func finish(_ summary: ReplaySummary) {
        self.summary = summary
    }

    public var executionsEnded: [ExecutionEnded] {
        records.compactMap { if case .executionEnded(let r) = $0 { return r } else { return nil } }
    }

    public var nodeStays: [NodeStay] {
        records.compactMap { if case .nodeStay(let r) = $0 { return r } else { return nil } }
    }

    public var decisions: [DecisionRecord] {
        records.compactMap { if case .decision(let r) = $0 { return r } else { return nil } }
    }

    public var messages: [MessageRecord] {
        records.compactMap { if case .message(let r) = $0 { return r } else { return nil } }
    }

    public var handoffs: [HandoffRecord] {
        records.compactMap { if case .handoff(let r) = $0 { return r } else { return nil } }
    }

    public var webhookAttempts: [WebhookAttempt] {
        records.compactMap { if case .webhookAttempt(let r) = $0 { return r } else { return nil } }
    }

    public var conversions: [ConversionRecord] {
        records.compactMap { if case .conversion(let r) = $0 { return r } else { return nil } }
    }

    /// The node ids one lead visited in one rotation, in order.
    public func path(of leadID: String, rotation: Int = 1) -> [String] {
        nodeStays.filter { $0.execution == ExecutionKey(leadID: leadID, rotation: rotation) }.map(\.nodeID)
    }

    /// How one lead's execution ended.
    public func ending(of leadID: String, rotation: Int = 1) -> ExecutionEnded? {
        executionsEnded.first { $0.execution == ExecutionKey(leadID: leadID, rotation: rotation) }
    }
}
