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
    /// Journey-level handoff rules watched after every step.
    public var handoffRules: [HandoffRule]

    public init(
        frequencyCap: FrequencyCap? = nil, channelCaps: [Channel: FrequencyCap] = [:],
        whenCapped: CapBehavior = .defer, quietHours: QuietHours? = nil, maxStepsPerLead: Int? = nil,
        handoffRules: [HandoffRule] = []
    ) {
        self.frequencyCap = frequencyCap
        self.channelCaps = channelCaps
        self.whenCapped = whenCapped
        self.quietHours = quietHours
        self.maxStepsPerLead = maxStepsPerLead
        self.handoffRules = handoffRules
    }

    public static let defaultMaxSteps = 200
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
