import Foundation

/// How a lead's execution (one rotation) ended, or `active` when the run ended first.
public enum ExecutionStatus: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Reached an exit node, or the end of a path.
    case completed
    /// Reached a goal node, or met the journey's goal anywhere.
    case converted
    /// Left without finishing: held out as a split's control group.
    case exited
    /// Stopped by a safety limit (steps, action rate, loop).
    case halted
    /// Something it needed failed: a webhook out of retries, a node that does not exist.
    case failed
    /// Still in flight at the horizon (or when the run was cancelled).
    case active

    public static func < (a: ExecutionStatus, b: ExecutionStatus) -> Bool {
        allCases.firstIndex(of: a) ?? 0 < allCases.firstIndex(of: b) ?? 0
    }
}

/// A lead entered the journey.
public struct ExecutionStarted: Sendable, Hashable {
    public var execution: ExecutionKey
    public var at: Date
    /// What let it in: `event lead.created`, `time`, `condition`, `webhook form`.
    public var trigger: String

    public init(execution: ExecutionKey, at: Date, trigger: String) {
        self.execution = execution
        self.at = at
        self.trigger = trigger
    }
}

/// A lead's execution ended. Every started execution gets exactly one of these, `active`
/// ones included, so a writer may insert the whole row here.
public struct ExecutionEnded: Sendable, Hashable {
    public var execution: ExecutionKey
    public var status: ExecutionStatus
    /// Why, in words: the exit's reason, the goal's name, the limit that halted it.
    public var reason: String?
    public var startedAt: Date
    /// When it ended; for `active`, the horizon (or the virtual time the run stopped at).
    public var endedAt: Date
    /// The node it was at when it ended.
    public var nodeID: String?
    /// Nodes visited in this rotation.
    public var steps: Int

    public init(
        execution: ExecutionKey, status: ExecutionStatus, reason: String?, startedAt: Date, endedAt: Date,
        nodeID: String?, steps: Int
    ) {
        self.execution = execution
        self.status = status
        self.reason = reason
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.nodeID = nodeID
        self.steps = steps
    }
}
