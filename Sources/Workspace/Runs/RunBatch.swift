import Foundation
import JourneyModel
import ReplayEngine

/// Executions that ended, each with its stays, messages and handoffs, and conversions: what the
/// engine's thread hands the writer's, one transaction per batch.
struct RunBatch: Sendable {
    var executions: [EndedExecution] = []
    /// The run's words so far: what the numbers in the executions' stays and messages stand for.
    var words: [String] = []
    /// Decision leaves not handed to the writer before.
    var leaves: [DecisionLeaves] = []
    var conversions: [[SQLValue]] = []
    /// Rows the batch will write: each execution's own, its stays', messages' and handoffs'.
    private(set) var rowCount = 0

    var isEmpty: Bool { rowCount == 0 && leaves.isEmpty }

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
/// replay holds the stays of every execution in flight): words as `RunWords` numbers, times in
/// whole epoch seconds, `RecordedStay.none` for none.
struct RecordedStay: Sendable {
    static let none = Int64.min
    /// The number of a word that is not there (no next node).
    static let noWord: Int32 = -1
    var node: Int32
    var next: Int32
    var outcome: Int32
    var visit: Int32
    var entered: Int64
    var exited: Int64
    /// At a decision, the verdicts of the leaves it looked at, as `stay_rows.verdicts` stores
    /// them (`verdictsText`).
    var verdicts: String?

    /// `node`: the stay's node's number when the caller knows it.
    init(_ stay: NodeStay, node: Int32? = nil, verdicts: String?, words: inout RunWords) {
        self.node = node ?? words.number(stay.nodeID)
        next = stay.nextNodeID.map { words.number($0) } ?? Self.noWord
        outcome = words.number(stay.storedOutcome)
        entered = EpochSeconds.seconds(stay.enteredAt)
        exited = stay.exitedAt.map(EpochSeconds.seconds) ?? Self.none
        visit = Int32(clamping: stay.visit)
        self.verdicts = verdicts
    }

    /// A decision's verdicts as `stay_rows.verdicts`: `1`/`0` per leaf, then the actual values
    /// as a JSON list (`01["0","43"]`); short enough, usually, to need no storage of its own.
    static func verdictsText(_ verdicts: [LeafVerdict]) -> String {
        var text = ""
        for verdict in verdicts { text += verdict.matched ? "1" : "0" }
        text += "["
        for (i, verdict) in verdicts.enumerated() {
            if i > 0 { text += "," }
            JSONText.writeString(verdict.actual, into: &text)
        }
        return text + "]"
    }
}

/// Leaves of a decision node for `decision_leaves`, from leaf number `first` on: handed to the
/// writer the first time a decision shows them.
struct DecisionLeaves: Sendable {
    var node: String
    var first: Int
    var verdicts: [LeafVerdict]
}

/// What `message_rows` needs of a message, as small: node and template as `RunWords` numbers,
/// times in whole epoch seconds, `RecordedStay.none` for none.
struct RecordedMessage: Sendable {
    var node: Int32
    var template: Int32
    var channel: Channel
    var status: MessageStatus
    var reason: SuppressionReason?
    var requested: Int64
    var sent: Int64
    var opened: Int64
    var clicked: Int64
    var replied: Int64
    var unsubscribed: Int64

    init(_ m: MessageRecord, words: inout RunWords) {
        func seconds(_ date: Date?) -> Int64 { date.map(EpochSeconds.seconds) ?? RecordedStay.none }
        node = words.number(m.nodeID)
        template = words.number(m.template)
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
