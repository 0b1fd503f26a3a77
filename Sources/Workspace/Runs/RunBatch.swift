import ReplayEngine

/// Rows for the step-log tables, gathered on the engine's thread and written on the writer's,
/// one transaction per batch.
struct RunBatch: Sendable {
    var executions: [[SQLValue]] = []
    var stays: [[SQLValue]] = []
    var messages: [[SQLValue]] = []
    var handoffs: [[SQLValue]] = []
    var conversions: [[SQLValue]] = []

    var rowCount: Int { executions.count + stays.count + messages.count + handoffs.count + conversions.count }
    var isEmpty: Bool { rowCount == 0 }

    static let executionColumns = [
        "id", "run_id", "workflow_id", "lead_id", "rotation", "status", "current_step", "context", "reason",
        "started_at", "completed_at",
    ]
    static let stayColumns = [
        "run_id", "lead_id", "rotation", "node_id", "visit", "entered_at", "exited_at", "outcome",
        "next_node_id",
        "explanation",
    ]
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

extension SQLValue: @unchecked Sendable {}
