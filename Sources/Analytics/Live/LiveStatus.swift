/// What `cairn live status` shows: how each journey version running live stands, and who holds
/// the automation lease. Every figure comes from one query of `LiveStatusQueries`.
public struct LiveStatus: Sendable, Hashable, Codable {
    /// When the figures were read, epoch seconds with fractions.
    public var generatedAt: Double
    /// The automation process scheduling this workspace, nil when none holds the lease.
    public var lease: Lease?
    public var journeys: [Journey]

    public struct Lease: Sendable, Hashable, Codable {
        public var holder: String
        public var pid: Int
        public var host: String
        public var acquiredAt: Double
        public var heartbeatAt: Double
        /// Seconds since the last heartbeat; past 8 a standby takes the lease over.
        public var heartbeatAgeSeconds: Double
    }

    /// One journey version with a live run.
    public struct Journey: Sendable, Hashable, Codable {
        public var journey: String
        public var version: Int
        public var run: Int64
        /// Whether this version is the journey's active one (an older version's run can still
        /// hold executions in flight after a new activation).
        public var active: Bool
        /// `running` or `paused` (`live_journeys`; no row is running).
        public var state: String
        public var reason: String?
        public var startedAt: Double
        /// Executions in flight by the node they are at.
        public var inFlight: [String: Int]
        public var inFlightTotal: Int
        public var waitingTimers: Int
        public var nextDueAt: Double?
        /// Outbox rows of this journey version by state (every state present).
        public var outbox: [String: Int]
        public var deliveredLastHour: Int
        public var failedLastHour: Int
        public var executionsEnded: Int
        public var executionsSucceeded: Int
        /// succeeded ÷ ended, rounded to 4 places; nil before any execution ended.
        public var successRate: Double?
        public var handoffsAssigned: Int
        /// Request → assigned, nearest rank; nil before any handoff was assigned.
        public var handoffP50Seconds: Double?
        public var handoffP90Seconds: Double?
    }
}
