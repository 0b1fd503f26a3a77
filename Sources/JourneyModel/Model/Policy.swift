/// How a journey coordinates its messages with the lead's attention.
public struct Policy: Sendable, Hashable {
    /// Caps across all channels.
    public var frequencyCap: FrequencyCap?
    /// Caps per channel, on top of the global one.
    public var channelCaps: [Channel: FrequencyCap]
    /// What a capped message does: wait for the next allowed time, or be skipped.
    public var whenCapped: CapBehavior
    /// No messages in this local-time window (it may wrap midnight); messages are deferred.
    public var quietHours: QuietHours?
    /// Safety: a lead taking more steps than this in one rotation is halted.
    public var maxStepsPerLead: Int?
    /// Live only: a send more overdue than this when the automation gets to it (say after a
    /// stop) is recorded skipped as stale instead of delivered. Nil: `defaultStaleAfter`.
    public var staleAfter: JourneyDuration?
    /// Live only, the runaway guard: more sends than this in one minute pause the journey.
    public var maxSendsPerMinute: Int?
    /// Live only, the runaway guard: more steps than this in one minute pause the journey.
    public var maxStepsPerMinute: Int?
    /// Journey-level handoff rules watched after every step.
    public var handoffRules: [HandoffRule]

    public init(
        frequencyCap: FrequencyCap? = nil, channelCaps: [Channel: FrequencyCap] = [:],
        whenCapped: CapBehavior = .defer, quietHours: QuietHours? = nil, maxStepsPerLead: Int? = nil,
        staleAfter: JourneyDuration? = nil, maxSendsPerMinute: Int? = nil, maxStepsPerMinute: Int? = nil,
        handoffRules: [HandoffRule] = []
    ) {
        self.frequencyCap = frequencyCap
        self.channelCaps = channelCaps
        self.whenCapped = whenCapped
        self.quietHours = quietHours
        self.maxStepsPerLead = maxStepsPerLead
        self.staleAfter = staleAfter
        self.maxSendsPerMinute = maxSendsPerMinute
        self.maxStepsPerMinute = maxStepsPerMinute
        self.handoffRules = handoffRules
    }

    public static let defaultMaxSteps = 200
    /// The most `max_steps` may be: the step log numbers an execution's stays within 8,191
    /// places (docs/schema.md), and a lead taking thousands of steps is a runaway anyway.
    public static let maxStepsLimit = 4_000
    public static let defaultStaleAfter = JourneyDuration.hours(24)
    public static let defaultMaxSendsPerMinute = 600
    public static let defaultMaxStepsPerMinute = 6000
    /// The shortest `stale_after`: a send is never stale the moment it falls due. Journeys that
    /// want no staleness write a long one (`52w`).
    public static let minimumStaleAfter = JourneyDuration(seconds: 1)

    /// The stale limit the live runtime uses: the journey's, else the default.
    public var effectiveStaleAfter: JourneyDuration { staleAfter ?? Self.defaultStaleAfter }
    /// The sends per minute the live runtime allows before pausing the journey.
    public var effectiveMaxSendsPerMinute: Int { maxSendsPerMinute ?? Self.defaultMaxSendsPerMinute }
    /// The steps per minute the live runtime allows before pausing the journey.
    public var effectiveMaxStepsPerMinute: Int { maxStepsPerMinute ?? Self.defaultMaxStepsPerMinute }
}

public struct FrequencyCap: Sendable, Hashable {
    public var perDay: Int?
    public var perWeek: Int?

    public init(perDay: Int? = nil, perWeek: Int? = nil) {
        self.perDay = perDay
        self.perWeek = perWeek
    }
}

public enum CapBehavior: String, Sendable, Hashable, CaseIterable {
    case `defer`, skip
}

public struct QuietHours: Sendable, Hashable {
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(from: TimeOfDay, to: TimeOfDay) {
        self.from = from
        self.to = to
    }
}

/// "When this holds, hand the lead to that agent": e.g. no email reply in 3 days → SMS agent.
public struct HandoffRule: Sendable, Hashable {
    public var name: String
    public var when: Condition
    public var to: HandoffTarget
    public var reason: String

    public init(name: String, when: Condition, to: HandoffTarget, reason: String) {
        self.name = name
        self.when = when
        self.to = to
        self.reason = reason
    }
}
