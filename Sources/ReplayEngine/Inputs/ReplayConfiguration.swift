import Foundation
import JourneyModel

/// How one replay runs: the seed and mode that make it reproducible, where it ends, and the
/// safety limits that stop a runaway lead without stopping the run.
public struct ReplayConfiguration: Sendable, Hashable {
    /// Every random draw derives from this seed and the draw's own coordinates.
    public var seed: UInt64
    public var mode: ReplayMode
    /// The run ends here: nothing after it happens, and leads still in flight end `active`.
    /// Without a horizon the run ends when every lead is done.
    public var horizon: Date?
    /// Steps (node visits) one lead may take in one rotation; the journey's `max_steps` wins.
    public var maxStepsPerLead: Int
    /// Actions one lead may take within a span of virtual time before it is halted.
    public var actionRateLimit: ActionRateLimit
    /// Visits to one node, in one rotation, at one virtual instant, before the lead is halted
    /// as looping: a loop that never waits would otherwise spin until the step limit.
    public var loopVisitLimit: Int
    /// Cohort-level priors for `best` channel choice, before a lead's own responses are known.
    public var channelPriors: ChannelPriors
    /// The behavior used in simulated mode for a lead whose cohort row carries none.
    public var defaultBehavior: LeadBehavior
    /// Without a horizon, a time trigger fires for this long after each lead's creation, so a
    /// run over a daily schedule still ends.
    public var openEndedTriggerSpan: JourneyDuration
    /// Virtual time for a replay, the wall clock for live automation (see `EngineClock`).
    public var clock: EngineClock

    public init(
        seed: UInt64 = 1, mode: ReplayMode = .recorded, horizon: Date? = nil,
        maxStepsPerLead: Int = Policy.defaultMaxSteps, actionRateLimit: ActionRateLimit = .standard,
        loopVisitLimit: Int = 10, channelPriors: ChannelPriors = .uniform,
        defaultBehavior: LeadBehavior = .typical, openEndedTriggerSpan: JourneyDuration = .days(90),
        clock: EngineClock = .virtual
    ) {
        self.seed = seed
        self.mode = mode
        self.horizon = horizon
        self.maxStepsPerLead = maxStepsPerLead
        self.actionRateLimit = actionRateLimit
        self.loopVisitLimit = loopVisitLimit
        self.channelPriors = channelPriors
        self.defaultBehavior = defaultBehavior
        self.openEndedTriggerSpan = openEndedTriggerSpan
        self.clock = clock
    }

    /// How live automation runs a journey: recorded responses (the events that come back), no
    /// horizon, time triggers firing for as long as the journey is active.
    public static func live(seed: UInt64 = 1) -> ReplayConfiguration {
        ReplayConfiguration(
            seed: seed, mode: .recorded, horizon: nil, openEndedTriggerSpan: .days(36_500), clock: .wall)
    }
}

/// At most `maxActions` actions by one lead within any `window` of virtual time.
public struct ActionRateLimit: Sendable, Hashable {
    public var maxActions: Int
    public var window: JourneyDuration

    public init(maxActions: Int, window: JourneyDuration) {
        self.maxActions = maxActions
        self.window = window
    }

    /// Generous for real journeys (the fast track takes five actions in one instant), tight
    /// enough to stop a loop that waits a minute between sends.
    public static let standard = ActionRateLimit(maxActions: 30, window: .hours(1))
}
