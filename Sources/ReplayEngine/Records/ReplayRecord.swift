/// One fact of a replay, emitted in a deterministic order. Records are plain values, so a
/// recorder may copy them into a batch and hand the batch to another thread.
public enum ReplayRecord: Sendable, Hashable {
    case executionStarted(ExecutionStarted)
    case executionEnded(ExecutionEnded)
    case nodeStay(NodeStay)
    case decision(DecisionRecord)
    case splitAssignment(SplitAssignment)
    case message(MessageRecord)
    case handoff(HandoffRecord)
    case webhookAttempt(WebhookAttempt)
    case notification(NotificationRecord)
    case propertyChange(PropertyChange)
    case conversion(ConversionRecord)
}

/// Which execution a record belongs to: a lead's n-th entry into the journey.
public struct ExecutionKey: Sendable, Hashable, Comparable, CustomStringConvertible {
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
