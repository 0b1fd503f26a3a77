/// What a replay writes, row by row, in the shape of the run tables (docs/schema.md).
/// Instants are epoch seconds (UTC); JSON fields are canonical JSON text (`JSONText.encode`).
/// Rows are insert-only: write each one once, when it is final — an execution when it ends,
/// a stay when the lead leaves the node — and at the end of the run whatever is still open
/// (status `active`, `exited_at` nil).

public enum RunMode: String, Sendable, Hashable, Codable, CaseIterable {
    case recorded, simulated, mixed
}

public enum RunStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case running, completed, cancelled, interrupted, failed
}

public enum ExecutionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case active, completed, converted, exited, halted, failed
}

public enum MessageStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case sent, suppressed, deferred
}

public enum MessageReason: String, Sendable, Hashable, Codable, CaseIterable {
    case consent
    case frequencyCap = "frequency_cap"
    case quietHours = "quiet_hours"
    case unsubscribed
    case rateLimit = "rate_limit"
}

/// A row of `workflow_executions`: one lead's pass (rotation) through the journey.
public struct ExecutionRow: Sendable, Hashable {
    public var id: String
    public var leadID: String
    public var rotation: Int
    public var status: ExecutionStatus
    public var currentStep: String?
    public var contextJSON: String
    public var reason: String?
    public var startedAt: Int64
    public var completedAt: Int64?

    public init(
        id: String, leadID: String, rotation: Int, status: ExecutionStatus, currentStep: String?,
        contextJSON: String = "{}", reason: String? = nil, startedAt: Int64, completedAt: Int64?
    ) {
        self.id = id
        self.leadID = leadID
        self.rotation = rotation
        self.status = status
        self.currentStep = currentStep
        self.contextJSON = contextJSON
        self.reason = reason
        self.startedAt = startedAt
        self.completedAt = completedAt
    }
}

/// A row of `node_stays`: one visit of a lead to a node.
public struct NodeStayRow: Sendable, Hashable {
    public var leadID: String
    public var rotation: Int
    public var nodeID: String
    public var visit: Int
    public var enteredAt: Int64
    public var exitedAt: Int64?
    public var outcome: String?
    public var nextNodeID: String?
    public var explanationJSON: String?

    public init(
        leadID: String, rotation: Int, nodeID: String, visit: Int = 1, enteredAt: Int64, exitedAt: Int64?,
        outcome: String? = nil, nextNodeID: String? = nil, explanationJSON: String? = nil
    ) {
        self.leadID = leadID
        self.rotation = rotation
        self.nodeID = nodeID
        self.visit = visit
        self.enteredAt = enteredAt
        self.exitedAt = exitedAt
        self.outcome = outcome
        self.nextNodeID = nextNodeID
        self.explanationJSON = explanationJSON
    }
}

/// A row of `messages`.
public struct MessageRow: Sendable, Hashable {
    public var leadID: String
    public var rotation: Int
    public var nodeID: String
    public var channel: String
    public var template: String?
    public var status: MessageStatus
    public var reason: MessageReason?
    public var requestedAt: Int64
    public var sentAt: Int64?
    public var openedAt: Int64?
    public var clickedAt: Int64?
    public var repliedAt: Int64?
    public var unsubscribedAt: Int64?

    public init(
        leadID: String, rotation: Int, nodeID: String, channel: String, template: String?,
        status: MessageStatus,
        reason: MessageReason? = nil, requestedAt: Int64, sentAt: Int64? = nil, openedAt: Int64? = nil,
        clickedAt: Int64? = nil, repliedAt: Int64? = nil, unsubscribedAt: Int64? = nil
    ) {
        self.leadID = leadID
        self.rotation = rotation
        self.nodeID = nodeID
        self.channel = channel
        self.template = template
        self.status = status
        self.reason = reason
        self.requestedAt = requestedAt
        self.sentAt = sentAt
        self.openedAt = openedAt
        self.clickedAt = clickedAt
        self.repliedAt = repliedAt
        self.unsubscribedAt = unsubscribedAt
    }
}

/// A row of `agent_handoffs`.
public struct HandoffRow: Sendable, Hashable {
    public var id: String
    public var executionID: String?
    public var leadID: String
    public var fromAgentID: String?
    public var toAgentID: String?
    public var reason: String
    public var contextJSON: String
    public var createdAt: Int64
    public var assignedAt: Int64?
    public var nodeID: String?
    public var rule: String?

    public init(
        id: String, executionID: String?, leadID: String, fromAgentID: String?, toAgentID: String?,
        reason: String,
        contextJSON: String, createdAt: Int64, assignedAt: Int64?, nodeID: String?, rule: String?
    ) {
        self.id = id
        self.executionID = executionID
        self.leadID = leadID
        self.fromAgentID = fromAgentID
        self.toAgentID = toAgentID
        self.reason = reason
        self.contextJSON = contextJSON
        self.createdAt = createdAt
        self.assignedAt = assignedAt
        self.nodeID = nodeID
        self.rule = rule
    }
}

/// Rows written together, in one transaction.
public struct RunBatch: Sendable {
    public var executions: [ExecutionRow] = []
    public var stays: [NodeStayRow] = []
    public var messages: [MessageRow] = []
    public var handoffs: [HandoffRow] = []

    public init() {}

    public var rowCount: Int { executions.count + stays.count + messages.count + handoffs.count }
    public var isEmpty: Bool { rowCount == 0 }
}
