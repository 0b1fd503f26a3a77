import Foundation

/// What a step asks to deliver: one outward action (a send, notify, handoff or webhook call),
/// written to the outbox in the step's transaction and delivered afterwards, at least once.
public struct OutboxRequest: Sendable, Hashable {
    /// The same for every attempt and every repeat after a crash (see `OutboxKey.make`).
    public var idempotencyKey: String
    public var journey: String
    public var version: Int
    public var node: String
    public var leadID: String
    /// The configured channel that delivers it: `email`, `sms`, `chat` for sends; `notify`,
    /// `handoff` or `webhook` for those actions.
    public var channel: String
    /// Who or what it goes to when that is not the lead: a notify target, a handoff's agent, a
    /// webhook action's URL.
    public var recipient: String?
    public var template: String?
    /// Anything else the receiver needs (a JSON object): the message, the lead's context, ...
    public var payload: JSON
    /// When the step asked, epoch seconds with fractions.
    public var requestedAt: Double
    /// When to deliver it (usually `requestedAt`).
    public var dueAt: Double

    public init(
        idempotencyKey: String, journey: String, version: Int, node: String, leadID: String, channel: String,
        recipient: String? = nil, template: String? = nil, payload: JSON = .object([:]), requestedAt: Double,
        dueAt: Double? = nil
    ) {
        self.idempotencyKey = idempotencyKey
        self.journey = journey
        self.version = version
        self.node = node
        self.leadID = leadID
        self.channel = channel
        self.recipient = recipient
        self.template = template
        self.payload = payload
        self.requestedAt = requestedAt
        self.dueAt = dueAt ?? requestedAt
    }
}

/// The idempotency key of an outward action: `EXECUTION:NODE:VISIT`, one per visit of an action
/// node in an execution, so repeating a step (after a crash) yields the same key.
public enum OutboxKey {
    public static func make(execution: String, node: String, visit: Int) -> String {
        "\(execution):\(node):\(visit)"
    }
}

public enum OutboxState: String, Sendable, Hashable, CaseIterable {
    /// Waiting for its due time, or for a retry.
    case pending
    case delivered
    /// Given up: refused by the receiver (4xx) or out of retries; `last_error` says why.
    case dead
    /// Not delivered because it fell due while automation was not running and was older than
    /// the journey's `policy.stale_after` by the time it could go (the runtime decides).
    case skippedStale = "skipped_stale"
}

/// An outbox row: the request and how its delivery stands.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var request: OutboxRequest
    /// Attempts made so far; the next one is `attempts + 1`.
    public var attempts: Int
    public var state: OutboxState
    public var lastError: String?
    public var deliveredAt: Double?

    public init(
        id: Int64, request: OutboxRequest, attempts: Int, state: OutboxState, lastError: String?,
        deliveredAt: Double?
    ) {
        self.id = id
        self.request = request
        self.attempts = attempts
        self.state = state
        self.lastError = lastError
        self.deliveredAt = deliveredAt
    }
}

/// How one delivery attempt ended, as the outbox records it.
public enum OutboxOutcome: Sendable, Hashable {
    case delivered
    /// Failed for now: try again at `at` (epoch seconds).
    case retry(at: Double, reason: String)
    case dead(reason: String)
    /// Not attempted (its channel just failed for another row): wait until `until` without
    /// counting an attempt.
    case postponed(until: Double, reason: String)
}
