import Foundation
import JourneyModel

/// A lead assigned to a split's path (or its holdout).
public struct SplitAssignment: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    /// The path's name, or `holdout`.
    public var path: String
    public var isHoldout: Bool
    public var at: Date

    public init(execution: ExecutionKey, nodeID: String, path: String, isHoldout: Bool, at: Date) {
        self.execution = execution
        self.nodeID = nodeID
        self.path = path
        self.isHoldout = isHoldout
        self.at = at
    }

    /// The name a split's holdout goes by in records and summaries.
    public static let holdoutPath = "holdout"
}

/// One simulated call of a webhook action.
public struct WebhookAttempt: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    public var url: String
    /// 1 for the first call, 2 for the first retry, ...
    public var attempt: Int
    public var at: Date
    public var succeeded: Bool
    /// When the next retry happens, after a failure that has retries left.
    public var retryAt: Date?

    public init(
        execution: ExecutionKey, nodeID: String, url: String, attempt: Int, at: Date, succeeded: Bool,
        retryAt: Date?
    ) {
        self.execution = execution
        self.nodeID = nodeID
        self.url = url
        self.attempt = attempt
        self.at = at
        self.succeeded = succeeded
        self.retryAt = retryAt
    }
}

/// A notify action: someone (not the lead) was told something.
public struct NotificationRecord: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    public var target: String
    public var message: String
    public var at: Date

    public init(execution: ExecutionKey, nodeID: String, target: String, message: String, at: Date) {
        self.execution = execution
        self.nodeID = nodeID
        self.target = target
        self.message = message
        self.at = at
    }
}

/// An update or score action changed a lead property.
public struct PropertyChange: Sendable, Hashable {
    public var execution: ExecutionKey
    public var nodeID: String
    public var field: String
    public var oldValue: Value?
    public var newValue: Value
    public var at: Date

    public init(
        execution: ExecutionKey, nodeID: String, field: String, oldValue: Value?, newValue: Value, at: Date
    ) {
        self.execution = execution
        self.nodeID = nodeID
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.at = at
    }
}

/// A lead converted. During an execution this comes with the execution's `converted` end; after
/// it (a holdout or a finished lead still watched for the goal, so splits can measure lift) it
/// is the only trace.
public struct ConversionRecord: Sendable, Hashable {
    public var execution: ExecutionKey
    public var at: Date
    /// Where the lead was: the node, or nil once its execution had ended.
    public var nodeID: String?
    /// True when the conversion came after the execution ended (control groups, finished leads).
    public var afterExit: Bool
    /// The split paths the lead took in that rotation, `node: path`, in order.
    public var splitPaths: [SplitChoice]
    /// The goal's name, or the goal node's.
    public var goal: String?
    /// The channel of the last message sent before it, for channel attribution.
    public var lastChannel: Channel?

    public init(
        execution: ExecutionKey, at: Date, nodeID: String?, afterExit: Bool, splitPaths: [SplitChoice],
        goal: String?, lastChannel: Channel?
    ) {
        self.execution = execution
        self.at = at
        self.nodeID = nodeID
        self.afterExit = afterExit
        self.splitPaths = splitPaths
        self.goal = goal
        self.lastChannel = lastChannel
    }
}

/// A split node and the path a lead took there.
public struct SplitChoice: Sendable, Hashable, Codable {
    public var nodeID: String
    public var path: String

    public init(nodeID: String, path: String) {
        self.nodeID = nodeID
        self.path = path
    }
}
