/// What lets a lead into a journey.
public enum Trigger: Sendable, Hashable {
    /// At each fire time of a schedule (cron or friendly form), for every lead in the audience.
    case time(Schedule)
    /// When the lead does or undergoes a named event: `lead.created`, `email.opened`, `visited`, ...
    case event(String)
    /// When the lead's properties come to meet the condition.
    case condition(Condition)
    /// When a named external webhook event arrives for the lead.
    case webhook(String)

    public var typeName: String {
        switch self {
        case .time: return "time"
        case .event: return "event"
        case .condition: return "condition"
        case .webhook: return "webhook"
        }
    }
}

/// Whether a lead that already went through may enter again; each entry is a new rotation.
public enum ReentryRule: Sendable, Hashable, CustomStringConvertible {
    case never
    case always
    /// Again once this long has passed since its previous entry.
    case after(JourneyDuration)

    public var description: String {
        switch self {
        case .never: return "never"
        case .always: return "always"
        case .after(let d): return "after \(d)"
        }
    }
}

/// The journey's way in.
public struct Entry: Sendable, Hashable {
    public var trigger: Trigger
    /// Only leads meeting this condition enter (checked when the trigger fires).
    public var audience: Condition?
    public var reentry: ReentryRule
    public var next: String

    public init(trigger: Trigger, audience: Condition? = nil, reentry: ReentryRule = .never, next: String) {
        self.trigger = trigger
        self.audience = audience
        self.reentry = reentry
        self.next = next
    }
}

/// The conversion criterion watched on every event; meeting it exits the lead as converted.
public struct JourneyGoal: Sendable, Hashable {
    public var name: String?
    public var when: Condition

    public init(name: String? = nil, when: Condition) {
        self.name = name
        self.when = when
    }
}
