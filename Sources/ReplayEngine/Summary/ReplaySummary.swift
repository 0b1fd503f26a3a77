import Foundation
import JourneyModel

/// What a run adds up to, aggregated in memory while it runs so that dashboards read these
/// tallies instead of scanning the records. Deterministic: no wall-clock figures.
public struct ReplaySummary: Sendable, Hashable {
    /// The run stopped at a cancellation request before it was done.
    public var cancelled = false
    /// Leads read from the cohort and admitted (created before the horizon).
    public var leadsAdmitted = 0
    /// Executions started: entries into the journey, re-entries included.
    public var entries = 0
    /// How executions ended, by status.
    public var statusCounts: [ExecutionStatus: Int] = [:]
    /// Conversions of leads after their execution ended (control groups, finished leads).
    public var conversionsAfterExit = 0
    /// Virtual time of the first and last thing that happened.
    public var firstActivityAt: Date?
    public var lastActivityAt: Date?
    public var nodes: [String: NodeTally] = [:]
    public var edges: [EdgeKey: Int] = [:]
    /// Where executions ended, by node and status.
    public var endings: [EndingKey: Int] = [:]
    /// Split node → path name (or `holdout`) → tally.
    public var splits: [String: [String: SplitPathTally]] = [:]
    public var channels: [Channel: ChannelTally] = [:]
    public var handoffs = HandoffTally()
    public var webhookAttempts = 0
    public var webhookFailures = 0
    public var notifications = 0
    public var propertyChanges = 0
    /// Records emitted, for a writer to check it stored them all.
    public var records = 0
    /// What the trigger's fires came to: held back, refused by the audience (by leaf), or let in.
    public var entry = EntryTally()

    public init() {}

    public func count(_ status: ExecutionStatus) -> Int { statusCounts[status] ?? 0 }

    /// Executions that converted during the run.
    public var conversions: Int { count(.converted) }

    public var messagesSent: Int { channels.values.reduce(0) { $0 + $1.sent } }
    public var messagesSuppressed: Int { channels.values.reduce(0) { $0 + $1.suppressedTotal } }

    /// Opens, clicks and replies, over all channels: what "engagement" counts.
    public var engagements: Int { channels.values.reduce(0) { $0 + $1.opened + $1.clicked + $1.replied } }

    /// Messages that drew at least one open, click or reply.
    public var messagesEngaged: Int { channels.values.reduce(0) { $0 + $1.engaged } }

    /// Finished executions (not active) that did not halt or fail.
    public var executionSuccessRate: Double? {
        let finished = statusCounts.filter { $0.key != .active }.values.reduce(0, +)
        guard finished > 0 else { return nil }
        return Double(finished - count(.halted) - count(.failed)) / Double(finished)
    }
}

public struct NodeTally: Sendable, Hashable {
    /// Executions that arrived here: first visits only, however often a loop brought them back
    /// (`run_node_summary.entered`, the canvas's arrivals, live or stored).
    public var entered = 0
    /// Stays that ended (every visit).
    public var exited = 0
    /// Leads that converted while at this node (mid-wait, or at a goal node).
    public var converted = 0
    /// Stays still open at the end of the run.
    public var waiting = 0
    /// Dwell of the stays that ended, exact, in whole seconds as the step log stores them.
    public var dwell = DurationTally()

    public init() {}
}

public struct EdgeKey: Sendable, Hashable, Comparable {
    /// `entry` for the entry's edge.
    public var from: String
    public var to: String
    public var label: String

    public init(from: String, to: String, label: String) {
        self.from = from
        self.to = to
        self.label = label
    }

    public static func < (a: EdgeKey, b: EdgeKey) -> Bool {
        (a.from, a.to, a.label) < (b.from, b.to, b.label)
    }
}

public struct EndingKey: Sendable, Hashable, Comparable {
    public var nodeID: String
    public var status: ExecutionStatus

    public init(nodeID: String, status: ExecutionStatus) {
        self.nodeID = nodeID
        self.status = status
    }

    public static func < (a: EndingKey, b: EndingKey) -> Bool {
        a.nodeID != b.nodeID ? a.nodeID < b.nodeID : a.status < b.status
    }
}

public struct SplitPathTally: Sendable, Hashable {
    public var weight: Int
    public var isHoldout: Bool
    /// Leads assigned.
    public var leads = 0
    /// Of those, leads that converted in that rotation, during or after their execution.
    public var conversions = 0

    public init(weight: Int, isHoldout: Bool) {
        self.weight = weight
        self.isHoldout = isHoldout
    }

    public var conversionRate: Double? { leads == 0 ? nil : Double(conversions) / Double(leads) }
}

public struct ChannelTally: Sendable, Hashable {
    public var sent = 0
    /// Deferral records: one message may be deferred more than once.
    public var deferred = 0
    public var suppressed: [SuppressionReason: Int] = [:]
    public var opened = 0
    public var clicked = 0
    public var replied = 0
    public var unsubscribed = 0
    /// Messages opened, clicked or replied to.
    public var engaged = 0
    /// Conversions whose last message before them went out on this channel.
    public var converted = 0
    /// Sends chosen by `best`.
    public var chosenAsBest = 0

    public init() {}

    public var suppressedTotal: Int { suppressed.values.reduce(0, +) }
}

public struct HandoffTally: Sendable, Hashable {
    public var requested = 0
    public var assigned = 0
    /// Handoffs that had to queue (assigned later, abandoned or still queued).
    public var queued = 0
    public var noMatchingAgent = 0
    public var abandoned = 0
    public var stillQueued = 0
    /// Queue waits of assigned handoffs (0 for those served at once), to the second.
    public var queueWait = DurationTally()
    /// The same handoffs by route, as `run_handoff_summary` stores them.
    public var byRoute: [HandoffRoute: RouteTally] = [:]

    public init() {}

    public var meanQueueWaitSeconds: Double? { queueWait.mean }

    /// Assigned handoffs that waited 30 seconds or less.
    public var assignedWithinThirtySeconds: Int { queueWait.count(atMost: 30) }
}

/// Handoffs along one route (from, to, reason).
public struct RouteTally: Sendable, Hashable {
    public var handoffs = 0
    /// Handoffs not assigned at once: assigned after a wait, or never assigned (no matching
    /// agent included, unlike `HandoffTally.queued`; the stored summaries have always counted so).
    public var notAssignedAtOnce = 0
    /// Queue waits of the assigned ones, to the second.
    public var waits = DurationTally()

    public init() {}
}

public struct HandoffRoute: Sendable, Hashable, Comparable {
    public var fromAgentID: String
    public var toAgentID: String
    public var reason: String

    public init(fromAgentID: String, toAgentID: String, reason: String) {
        self.fromAgentID = fromAgentID
        self.toAgentID = toAgentID
        self.reason = reason
    }

    public static func < (a: HandoffRoute, b: HandoffRoute) -> Bool {
        (a.fromAgentID, a.toAgentID, a.reason) < (b.fromAgentID, b.toAgentID, b.reason)
    }
}
