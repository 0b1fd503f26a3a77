import Workspace

/// Every figure of one run, as `cairn report` prints it and `--format json` writes it.
/// The structure is documented field by field in docs/analytics.md.
public struct RunReport: Sendable, Hashable, Codable {
    public var run: RunInfo
    public var funnel: Funnel
    public var dropoff: [DropoffRow]
    public var timeInStage: [StageTime]
    public var splits: [SplitReport]
    public var channels: [ChannelRow]
    public var handoffs: HandoffReport
    public var health: RunHealth
}

public struct Funnel: Sendable, Hashable, Codable {
    /// How the stages were chosen: `main path` (the edge most leads took, from the entry) or `given`.
    public var basis: String
    public var stages: [FunnelStage]
}

public struct FunnelStage: Sendable, Hashable, Codable {
    public var node: String
    /// Executions that reached this stage (after the previous ones, for given stages).
    public var leads: Int
    /// leads ÷ the previous stage's leads (the first stage: ÷ entries).
    public var rateFromPrevious: Double?
    /// leads ÷ entries.
    public var rateFromEntry: Double?
}

public struct DropoffRow: Sendable, Hashable, Codable {
    public var node: String
    /// exited, halted, failed, timed_out or waiting (still there at the horizon).
    public var reason: String
    public var leads: Int
    /// leads ÷ entries.
    public var shareOfEntries: Double?
}

public struct StageTime: Sendable, Hashable, Codable {
    public var node: String
    public var dwell: DwellSummary
    public var histogram: DurationHistogram
}

public struct SplitReport: Sendable, Hashable, Codable {
    public var node: String
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
    public var byReason: [Count]
    /// `from → to`, with `(none)` for a lead that had no agent before.
    public var byRoute: [Count]
    /// Handoffs per receiving agent.
    public var agentLoad: [Count]
    public var queueWaitMean: Double?
    public var queueWaitP50: Int?
    public var queueWaitP90: Int?
    /// Share of handoffs assigned within 30 seconds of being requested.
    public var within30Seconds: Double?
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
