import Foundation
import ReplayEngine

/// What one advance of a live journey produced, to be written in one transaction: the engine's
/// records (rows of the live run, outbox requests), the state of every lead that changed (with
/// when it next wakes), how far the arrivals were consumed, and a guard's pause, if one tripped.
public struct LiveStep: Sendable {
    public var run: LiveRun
    public var records: [ReplayRecord]
    public var leads: [LiveLeadState]
    public var arrivalCursor: Int64
    /// A send asked before this time is overdue beyond the journey's `stale_after`: its outbox
    /// row is written `skipped_stale` and never delivered.
    public var staleBefore: Date
    /// The runaway guard paused the journey: the reason. Outward actions past the ceiling are
    /// left out of `records` by the runtime.
    public var pauseReason: String?
    /// Executions that had already ended when a delivery they asked for was refused for good
    /// (by execution id, with the reason): they are counted failed.
    public var failedAfterEnd: [String: String] = [:]

    public init(
        run: LiveRun, records: [ReplayRecord], leads: [LiveLeadState], arrivalCursor: Int64,
        staleBefore: Date,
        pauseReason: String? = nil
    ) {
        self.run = run
        self.records = records
        self.leads = leads
        self.arrivalCursor = arrivalCursor
        self.staleBefore = staleBefore
        self.pauseReason = pauseReason
    }
}

/// A lead's engine state and its next wake-up, as `live_leads` keeps them.
public struct LiveLeadState: Sendable {
    public var snapshot: LeadSnapshot
    public var wakesAt: Date?

    public init(snapshot: LeadSnapshot, wakesAt: Date?) {
        self.snapshot = snapshot
        self.wakesAt = wakesAt
    }
}

/// A live execution's id (`workflow_executions.id`): a UUID of version 8 made from the run,
/// the lead and the rotation, so the same execution gets the same id after any restart, and
/// the outbox keys made from it (`EXECUTION:NODE:VISIT`) repeat exactly.
public enum LiveExecutionID {
    public static func make(run: Int64, execution: ExecutionKey) -> String {
        let hex = Array(ContentHash.sha256Hex(of: "live/\(run)/\(execution.leadID)/\(execution.rotation)"))
        let time = String(hex[0..<8]) + "-" + String(hex[8..<12])
        return time + "-8" + String(hex[13..<16]) + "-8" + String(hex[17..<20]) + "-" + String(hex[20..<32])
    }
}
