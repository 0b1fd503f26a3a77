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

    init(_ stay: NodeStay, verdicts: String?, words: inout RunWords) {
        node = words.node(stay.nodeID, numbered: stay.nodeNumber)
        next = stay.nextNodeID.map { words.node($0, numbered: stay.nextNodeNumber) } ?? Self.noWord
        outcome = words.outcome(of: stay)
        entered = EpochSeconds.seconds(stay.enteredAt)
        exited = stay.exitedAt.map(EpochSeconds.seconds) ?? Self.none
        visit = Int32(clamping: stay.visit)
        self.verdicts = verdicts
    }

    /// A decision's verdicts as `stay_rows.verdicts`: `1`/`0` per leaf, then the actual values
    /// as a JSON list (`01["0","43"]`); short enough, usually, to need no storage of its own.
    static func verdictsText(_ verdicts: [LeafVerdict]) -> String {
        // One decision in ten steps records this, on the engine's thread: written in one
        // buffer, each value escaped as JSON (a quote or backslash as `\"`, `\\`), unless a
        // value holds a control character, which the careful path below escapes.
        let count = verdicts.count
        guard count > 0 else { return "[]" }
        return withUnsafeTemporaryAllocation(of: String.self, capacity: count) { actuals in
            let values = actuals.baseAddress!
            var length = 2 * count + 1
            var plain = true
            for index in 0..<count {
                // By index: a verdict holds its whole leaf, too big to copy out for one field.
                let actual = verdicts[index].actual
                (values + index).initialize(to: actual)
                length += actual.utf8.count + 2
                for byte in actual.utf8 {
                    if byte < 0x20 { plain = false } else if byte == 0x22 || byte == 0x5C { length += 1 }
                }
            }
            defer { values.deinitialize(count: count) }
            guard plain else { return carefulVerdictsText(verdicts) }
            return String(unsafeUninitializedCapacity: length) { out in
                var at = 0
                func put(_ byte: UInt8) {
                    out[at] = byte
                    at += 1
                }
                for index in 0..<count { put(verdicts[index].matched ? 0x31 : 0x30) }
                put(0x5B)
                for index in 0..<count {
                    if index > 0 { put(0x2C) }
                    put(0x22)
                    for byte in values[index].utf8 {
                        if byte == 0x22 || byte == 0x5C { put(0x5C) }
                        put(byte)
                    }
                    put(0x22)
                }
                put(0x5D)
                return at
            }
        }
    }

    /// `verdictsText` through `JSONText.writeString`, for values with control characters.
    static func carefulVerdictsText(_ verdicts: [LeafVerdict]) -> String {
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
        node = words.node(m.nodeID, numbered: m.nodeNumber)
        template = words.template(m.template, atNode: m.nodeNumber)
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
