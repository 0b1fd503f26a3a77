import Foundation
import JourneyModel
import ReplayEngine

/// Executions that ended, each with its stays, messages and handoffs, and conversions: what the
/// engine's thread hands the writer's, one transaction per batch.
struct RunBatch: Sendable {
    var executions: [EndedExecution] = []
    var conversions: [[SQLValue]] = []
    /// Rows the batch will write: each execution's own, its stays', messages' and handoffs'.
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
    var messages: [RecordedMessage]
    var handoffs: [HandoffRecord]
}

/// What `stay_rows` needs of a stay, kept small while its execution runs (a million-lead
/// replay holds the stays of every execution in flight): times in whole epoch seconds,
/// `RecordedStay.none` for none.
struct RecordedStay: Sendable {
    static let none = Int64.min
    var node: String
    var next: String?
    var outcome: String
    var entered: Int64
    var exited: Int64
    var visit: Int32
    /// At a decision, the verdicts of the leaves it looked at.
    var verdicts: [LeafVerdict]?

    init(_ stay: NodeStay, verdicts: [LeafVerdict]?) {
        node = stay.nodeID
        next = stay.nextNodeID
        outcome = stay.storedOutcome
        entered = EpochSeconds.seconds(stay.enteredAt)
        exited = stay.exitedAt.map(EpochSeconds.seconds) ?? Self.none
        visit = Int32(clamping: stay.visit)
        self.verdicts = verdicts
    }
}

/// What `message_rows` needs of a message, as small: times in whole epoch seconds,
/// `RecordedStay.none` for none.
struct RecordedMessage: Sendable {
    var node: String
    var template: String
    var channel: Channel
    var status: MessageStatus
    var reason: SuppressionReason?
    var requested: Int64
    var sent: Int64
    var opened: Int64
    var clicked: Int64
    var replied: Int64
    var unsubscribed: Int64

    init(_ m: MessageRecord) {
        func seconds(_ date: Date?) -> Int64 { date.map(EpochSeconds.seconds) ?? RecordedStay.none }
        node = m.nodeID
        template = m.template
        channel = m.channel
        status = m.status
        reason = m.reason
        requested = EpochSeconds.seconds(m.requestedAt)
        sent = seconds(m.sentAt)
        opened = seconds(m.responses.openedAt)
        clicked = seconds(m.responses.clickedAt)
        replied = seconds(m.responses.repliedAt)
        unsubscribed = seconds(m.responses.unsubscribedAt)
    }
}

extension SQLValue: @unchecked Sendable {}
