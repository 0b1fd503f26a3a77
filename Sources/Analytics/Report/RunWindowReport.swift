import GRDB
import Workspace

/// A live run's figures over a time range (`cairn report --from --to`): a live run keeps
/// growing, so its figures are read from the step log rows whose time falls in the range,
/// `from` inclusive and `to` exclusive (docs/analytics.md, "A live run over a date range").
public struct RunWindowReport: Sendable, Hashable, Codable {
    public struct Channel: Sendable, Hashable, Codable {
        public var channel: String
        public var sent: Int
        public var suppressed: Int
        public var deferred: Int
        public var opened: Int
        public var clicked: Int
    }

    public var run: RunInfo
    public var from: Int64
    public var to: Int64
    public var hasGoal: Bool
    /// Executions that entered in the range.
    public var entries: Int
    /// Executions that converted in the range (they may have entered before it).
    public var conversions: Int
    /// Executions that ended in the range, by status.
    public var ended: [String: Int]
    /// (ended − halted − failed) ÷ ended.
    public var successRate: Double?
    /// First arrivals at each node in the range, in flow order.
    public var reached: [FunnelStage]
    public var channels: [Channel]
    public var handoffs: Int
    public var handoffsAssigned: Int
    /// Handoffs asked for in the range and assigned within 30 s, of all asked for in the range.
    public var handoffsWithin30Seconds: Double?
}
