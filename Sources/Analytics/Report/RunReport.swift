import Workspace

/// Every figure of one run, as `cairn report` prints it and `--format json` writes it.
/// The structure is documented field by field in docs/analytics.md.
public struct RunReport: Sendable, Hashable, Codable {
    public var run: RunInfo
    /// The run in a few plain sentences, built from the figures below (`RunSummary`).
    public var summary: [String]
    /// Whether the journey measures conversions (a journey goal or a goal node); without one,
    /// "0 conversions" would mislead, so the report says it has none.
    public var hasGoal: Bool
    public var funnel: Funnel
    public var dropoff: [DropoffRow]
    public var timeInStage: [StageTime]
    public var splits: [SplitReport]
    /// A sentence per split of the journey that no lead reached, saying why (`UnreachedSplits`):
    /// the A/B section never says "no splits" of a journey that has one.
    public var unreachedSplits: [String] = []
    public var channels: [ChannelRow]
    public var handoffs: HandoffReport
    public var health: RunHealth
    /// The span the run covered and what the trigger's fires came to (`EntryReport`).
    public var entry: EntryReport? = nil
}

public struct Funnel: Sendable, Hashable, Codable {
    /// How the stages were chosen: `main path` (the edge most leads took, from the entry) or `given`.
    public var basis: String
    /// What the stages count, in a sentence the panel and the text report show.
    public var counts: String
    public var stages: [FunnelStage]
    /// Every node reached, by any path, in flow order: first arrivals, with the share of entries.
    public var allPaths: [FunnelStage]
}

extension Funnel {
    static let mainPathCounts =
        "leads that came along the main path (at each node, the way most leads took); "
        + "leads on other branches are not counted here — all paths counts every node"
    static let givenCounts = "leads that reached the given stages in this order"
}

public struct FunnelStage: Sendable, Hashable, Codable {
    public var node: String
    /// The node's label in the journey (its id when it has none).
    public var label: String
    /// Executions that reached this stage (after the previous ones, for given stages).
    public var leads: Int
    /// leads ÷ the previous stage's leads (the first stage: ÷ entries).
    public var rateFromPrevious: Double?
    /// leads ÷ entries.
    public var rateFromEntry: Double?
}

public struct DropoffRow: Sendable, Hashable, Codable {
    public var node: String
    /// The node's label in the journey (its id when it has none).
    public var label: String
    /// exited, halted, failed, timed_out or waiting (still there at the horizon).
    public var reason: String
    public var leads: Int
    /// leads ÷ entries.
    public var shareOfEntries: Double?
}

public struct StageTime: Sendable, Hashable, Codable {
    public var node: String
    /// The node's label in the journey (its id when it has none).
    public var label: String
    public var dwell: DwellSummary
    public var histogram: DurationHistogram
}

public struct SplitReport: Sendable, Hashable, Codable {
    public var node: String
    /// The node's label in the journey (its id when it has none).
    public var label: String
    /// The path the others are compared with: the holdout when there is one, else the first path.
    public var baseline: String
    public var paths: [SplitPathRow]
    public var sampleRatio: SampleRatioCheck
}

public struct SplitPathRow: Sendable, Hashable, Codable {
    public var path: String
    public var isHoldout: Bool
    public var weight: Double
    public var leads: Int
    public var conversions: Int
    public var rate: Double?
    /// Against the baseline; nil for the baseline itself.
    public var comparison: TwoProportionTest?
    public var verdict: String?
}

public struct ChannelRow: Sendable, Hashable, Codable {
    public var channel: String
    public var sent: Int
    public var deferred: Int
    /// consent, frequency_cap, quiet_hours, unsubscribed → count.
    public var suppressed: [String: Int]
    public var opened: Int
    public var clicked: Int
    public var replied: Int
    public var converted: Int
    public var unsubscribed: Int

    /// Per message sent; nil when nothing was sent.
    public func rate(_ count: Int) -> Double? { sent == 0 ? nil : Double(count) / Double(sent) }
}

public struct HandoffReport: Sendable, Hashable, Codable {
    public struct Count: Sendable, Hashable, Codable {
        public var key: String
        public var handoffs: Int
    }

    public var total: Int
    /// Handoffs an agent took (`queue_wait_seconds` set).
    public var assigned: Int
    /// Handoffs no agent took before the run ended: still queued, or never routed.
    public var unassigned: Int
    public var byReason: [Count]
    /// `from → to`, with `(none)` for a lead that had no agent before.
    public var byRoute: [Count]
    /// Handoffs per receiving agent.
    public var agentLoad: [Count]
    public var queueWaitMean: Double?
    public var queueWaitP50: Int?
    public var queueWaitP90: Int?
    /// Share of all handoffs assigned within 30 seconds of being requested (the plan's target):
    /// a handoff never assigned counts as not within 30 s.
    public var within30Seconds: Double?
    /// Share of the assigned handoffs that were assigned within 30 seconds.
    public var within30SecondsOfAssigned: Double?
    /// Set when handoffs were never assigned: the queue had not drained when the run ended.
    public var warning: String?
}

public struct RunHealth: Sendable, Hashable, Codable {
    public struct Reason: Sendable, Hashable, Codable {
        public var status: String
        public var reason: String
        public var executions: Int
    }

    public var executions: Int
    /// completed, converted, exited, halted, failed, active → count.
    public var byStatus: [String: Int]
    /// (executions − failed − halted) ÷ finished executions (active ones excluded).
    public var successRate: Double?
    public var haltedAndFailed: [Reason]
    public var active: Int
}
