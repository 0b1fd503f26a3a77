/// One fact of a replay, emitted in a deterministic order. Records are plain values, so a
/// recorder may copy them into a batch and hand the batch to another thread.
///
/// Every record of an execution comes before its `executionEnded`, but for a conversion
/// `afterExit` (a finished or held-out lead still watched for the goal). Every record is final
/// when emitted — nothing is updated later — so a writer only inserts:
///
/// - `executionStarted` / `executionEnded` → `workflow_executions`: every started execution
///   gets exactly one end (status `active` when the run stopped first), and the end carries
///   the start time too, so a writer may insert the row at the end alone. Its id is
///   `ExecutionKey.description` (`LEAD/ROTATION`), unique per run.
/// - `nodeStay` → `node_stays` (unique on lead, rotation, node, visit); emitted when the lead
///   leaves the node, or at the end of the run with `exitedAt` nil and outcome `waiting`.
/// - `decision` → the decision's stay's `explanation` (the leaves as JSON).
/// - `message` → `messages`: one record per attempt. A deferral is its own record; a sent
///   message is emitted when its responses are settled (the next send on its channel, or the
///   end of the execution), with every response time already in it.
/// - `handoff` → `agent_handoffs`, emitted when assigned, abandoned or (at the end) still
///   queued, with the queue wait and the full context.
/// - `conversion` → `conversions`: every conversion, during an execution or after it ended.
/// - `splitAssignment`, `webhookAttempt`, `notification`, `propertyChange` → the summary counts
///   them; a writer may keep or drop them (a split's path is also its stay's edge label).
/// - `outward` (on the wall clock only) → the outbox: what to deliver, asked at this step.
public enum ReplayRecord: Sendable, Hashable {
    case executionStarted(ExecutionStarted)
    case executionEnded(ExecutionEnded)
    case nodeStay(NodeStay)
    case decision(DecisionRecord)
    case splitAssignment(SplitAssignment)
    case message(MessageRecord)
    /// Boxed, as `outward`: the largest records, and rare, so every other record (the enum is
    /// as large as its largest case) copies fewer bytes.
    indirect case handoff(HandoffRecord)
    case webhookAttempt(WebhookAttempt)
    case notification(NotificationRecord)
    case propertyChange(PropertyChange)
    case conversion(ConversionRecord)
    indirect case outward(OutwardAction)

    /// The execution the record belongs to.
    public var execution: ExecutionKey {
        switch self {
        case .executionStarted(let record): return record.execution
        case .executionEnded(let record): return record.execution
        case .nodeStay(let record): return record.execution
        case .decision(let record): return record.execution
        case .splitAssignment(let record): return record.execution
        case .message(let record): return record.execution
        case .handoff(let record): return record.execution
        case .webhookAttempt(let record): return record.execution
        case .notification(let record): return record.execution
        case .propertyChange(let record): return record.execution
        case .conversion(let record): return record.execution
        case .outward(let record): return record.execution
        }
    }
}

/// Which execution a record belongs to: a lead's n-th entry into the journey.
public struct ExecutionKey: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var leadID: String
    /// 1 for the first entry, 2 for a re-entry, ...
    public var rotation: Int

    public init(leadID: String, rotation: Int) {
        self.leadID = leadID
        self.rotation = rotation
    }

    /// `LEAD/ROTATION`: unique, since the rotation after the last slash is always a number.
    public var description: String { "\(leadID)/\(rotation)" }

    public static func < (a: ExecutionKey, b: ExecutionKey) -> Bool {
        a.leadID != b.leadID ? a.leadID < b.leadID : a.rotation < b.rotation
    }
}
