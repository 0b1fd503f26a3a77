import Foundation
import JourneyModel

/// What a live execution's step asks when it hands its lead to an agent: the plan's
/// `agent_handoffs` row to create, with the context the agent receives, and how to route it.
public struct LiveHandoffRequest: Sendable, Hashable {
    /// The handoff's id (a UUID); asking again with the same id changes nothing.
    public var id: String
    /// The live run and its execution; nil outside a run (tools, tests).
    public var runID: Int64?
    public var executionID: String?
    public var leadID: String
    /// The journey (slug) and version that ran, for the outbox row.
    public var journey: String
    public var version: Int
    /// The handoff action node, or nil for a journey-level rule (then `rule` names it).
    public var node: String?
    public var rule: String?
    /// The agent that had the lead, if any.
    public var fromAgentID: String?
    public var target: HandoffTarget
    public var reason: String
    /// A JSON object: conversation so far, score, previous agents, reason, metadata.
    public var context: JSON
    /// The outbox key of the handoff's delivery (`EXECUTION:NODE:VISIT`); the n-th assignment
    /// after releases gets `KEY#n`.
    public var idempotencyKey: String
    /// When the step asked, epoch seconds with fractions: where handoff time starts.
    public var requestedAt: Double

    public init(
        id: String, runID: Int64? = nil, executionID: String? = nil, leadID: String, journey: String,
        version: Int, node: String? = nil, rule: String? = nil, fromAgentID: String? = nil,
        target: HandoffTarget, reason: String, context: JSON = .object([:]), idempotencyKey: String,
        requestedAt: Double
    ) {
        self.id = id
        self.runID = runID
        self.executionID = executionID
        self.leadID = leadID
        self.journey = journey
        self.version = version
        self.node = node
        self.rule = rule
        self.fromAgentID = fromAgentID
        self.target = target
        self.reason = reason
        self.context = context
        self.idempotencyKey = idempotencyKey
        self.requestedAt = requestedAt
    }
}

/// Where a live handoff went when it was asked for.
public enum LiveHandoffOutcome: Sendable, Hashable {
    /// An agent took it at once (a bot has also accepted it).
    case assigned(agentID: String)
    /// Matching agents exist but none can take it now (capacity, working hours): it waits.
    case queued
    /// No active agent matches the target at all: closed as `no_agent`.
    case noMatchingAgent
}

/// Where a live handoff stands (`agent_handoffs.state`).
public enum LiveHandoffState: String, Sendable, Hashable, CaseIterable, Encodable {
    case queued, assigned, accepted, completed
    case noAgent = "no_agent"

    /// Holds one unit of the agent's capacity.
    public var isOpen: Bool { self == .assigned || self == .accepted }
}

/// A live handoff as `cairn agent inbox` and the API show it.
public struct LiveHandoff: Sendable, Hashable, Encodable {
    public var id: String
    public var leadID: String
    public var journey: String?
    public var version: Int?
    public var node: String?
    public var rule: String?
    public var reason: String
    public var state: LiveHandoffState
    /// The agent it is assigned to (nil while queued).
    public var agentID: String?
    public var fromAgentID: String?
    public var context: JSON
    public var requestedAt: Double
    public var assignedAt: Double?
    public var acceptedAt: Double?
    public var closedAt: Double?
    /// Handoff time: `assignedAt - requestedAt`, from the real timestamps.
    public var handoffSeconds: Double?
}

/// An agent's work: what it holds and what waits that it could take.
public struct HandoffInbox: Sendable, Hashable, Encodable {
    public var agent: String
    public var active: Bool
    public var capacity: Int
    /// Assigned and accepted handoffs, oldest assignment first.
    public var open: [LiveHandoff]
    /// Queued handoffs whose target this agent matches, oldest first.
    public var queued: [LiveHandoff]
}
