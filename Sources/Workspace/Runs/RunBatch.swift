import ReplayEngine

/// Executions that ended, each with its stays, messages and handoffs, and conversions: what the
/// engine's thread hands the writer's, one transaction per batch.
struct RunBatch: Sendable {
    var executions: [EndedExecution] = []
    var conversions: [[SQLValue]] = []
    /// Rows the batch will write: an execution's own, its stays' and its messages'.
    private(set) var rowCount = 0

    var isEmpty: Bool { rowCount == 0 }

    mutating func append(_ execution: EndedExecution) {
        rowCount += 1 + execution.stays.count + execution.messages.count + execution.handoffs.count
        executions.append(execution)
    }

    mutating func append(conversion row: [SQLValue]) {
        rowCount += 1
        conversions.append(row)
    }

    /// The columns of `messages` (the view) in the order `RunRecorder.row(_:run:)` gives them.
    static let messageColumns = [
        "run_id", "lead_id", "rotation", "node_id", "channel", "template", "status", "reason", "requested_at",
        "sent_at", "opened_at", "clicked_at", "replied_at", "unsubscribed_at",
    ]
    static let handoffColumns = [
        "id", "run_id", "execution_id", "lead_id", "from_agent_id", "to_agent_id", "handoff_reason",
        "context",
        "created_at", "assigned_at", "queue_wait_seconds", "node_id", "rule",
    ]
    static let conversionColumns = ["run_id", "lead_id", "rotation", "converted_at", "after_exit", "channel"]

    /// A conversion as a `conversions` row of run `run`.
    static func row(_ c: ConversionRecord, run: Int64) -> [SQLValue] {
        [
            .integer(run), .text(c.execution.leadID), .integer(Int64(c.execution.rotation)),
            .integer(EpochSeconds.seconds(c.at)), .integer(c.afterExit ? 1 : 0),
            SQLValue(c.lastChannel?.rawValue),
        ]
    }
}

/// An execution as it ended, with everything it recorded, written together so that its stays
/// and messages sit side by side under its key.
struct EndedExecution: Sendable {
    var ended: ExecutionEnded
    var trigger: String
    var stays: [RecordedStay]
    var messages: [MessageRecord]
    var handoffs: [HandoffRecord]
}

/// A stay and, at a decision, the verdicts of the leaves it looked at.
struct RecordedStay: Sendable {
    var stay: NodeStay
    var verdicts: [LeafVerdict]?
}

extension SQLValue: @unchecked Sendable {}
