import Foundation
import JourneyModel

/// A lead handed to an agent (or waiting for one), with the context the agent receives.
public struct HandoffRecord: Sendable, Hashable {
    /// `LEAD/ROTATION/N`: the n-th handoff of that execution.
    public var id: String
    public var execution: ExecutionKey
    /// The agent that had the lead, if any.
    public var fromAgentID: String?
    /// The agent that took it; nil when none did.
    public var toAgentID: String?
    public var reason: String
    /// The action node that asked, for an explicit handoff.
    public var nodeID: String?
    /// The journey-level rule that fired, for a rule handoff.
    public var rule: String?
    public var requestedAt: Date
    public var assignedAt: Date?
    /// Seconds between request and assignment: 0 when an agent was free at once.
    public var queueWaitSeconds: Double?
    public var outcome: HandoffOutcome
    public var context: HandoffContext

    public init(
        id: String, execution: ExecutionKey, fromAgentID: String?, toAgentID: String?, reason: String,
        nodeID: String?, rule: String?, requestedAt: Date, assignedAt: Date?, queueWaitSeconds: Double?,
        outcome: HandoffOutcome, context: HandoffContext
    ) {
        self.id = id
        self.execution = execution
        self.fromAgentID = fromAgentID
        self.toAgentID = toAgentID
        self.reason = reason
        self.nodeID = nodeID
        self.rule = rule
        self.requestedAt = requestedAt
        self.assignedAt = assignedAt
        self.queueWaitSeconds = queueWaitSeconds
        self.outcome = outcome
        self.context = context
    }

    /// The queue wait to the nearest second, as `agent_handoffs.queue_wait_seconds` stores it.
    public var queueWaitWholeSeconds: Int64? { queueWaitSeconds.map { Int64($0.rounded()) } }
}

public enum HandoffOutcome: String, Sendable, Hashable, CaseIterable {
    /// An agent took the lead (at once, or after queueing).
    case assigned
    /// No agent on the roster matches the target at all.
    case noMatchingAgent = "no_matching_agent"
    /// The lead's execution ended while it queued.
    case abandoned
    /// Still queued when the run ended.
    case queued
}

/// What the receiving agent is told.
public struct HandoffContext: Sendable, Hashable {
    /// Messages sent to the lead and its responses, oldest first.
    public var conversation: [ConversationEntry]
    public var score: Double?
    /// Agents that had the lead before this handoff, oldest first, the current one last.
    public var previousAgents: [String]
    public var reason: String
    /// The journey, node or rule, rotation and target: for the agent's screen.
    public var metadata: [String: String]

    public init(
        conversation: [ConversationEntry], score: Double?, previousAgents: [String], reason: String,
        metadata: [String: String]
    ) {
        self.conversation = conversation
        self.score = score
        self.previousAgents = previousAgents
        self.reason = reason
        self.metadata = metadata
    }
}

/// One line of the conversation: a message out, or the lead's response.
public struct ConversationEntry: Sendable, Hashable, Codable {
    public var at: Date
    public var channel: Channel?
    /// `sent`, `opened`, `clicked`, `replied`, `unsubscribed`.
    public var type: String
    /// For a message out, its template.
    public var template: String?

    public init(at: Date, channel: Channel?, type: String, template: String?) {
        self.at = at
        self.channel = channel
        self.type = type
        self.template = template
    }
}
