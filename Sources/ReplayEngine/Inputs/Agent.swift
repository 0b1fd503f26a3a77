import Foundation
import JourneyModel

/// An agent leads can be handed to: a bot on some channels, or a person with expertise, a
/// capacity of concurrent leads and working hours in their time zone. Lists keep the roster's
/// order (the workspace stores them as written).
public struct Agent: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var kind: AgentKind
    public var channels: [Channel]
    public var expertise: [String]
    /// Leads the agent can hold at once.
    public var capacity: Int
    /// The zone the working hours are in.
    public var timeZone: TimeZone
    /// Nil means always available (bots usually).
    public var workingHours: WorkingHours?

    public init(
        id: String, name: String, kind: AgentKind, channels: [Channel] = [], expertise: [String] = [],
        capacity: Int, timeZone: TimeZone = ISODate.utc, workingHours: WorkingHours? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.channels = channels
        self.expertise = expertise
        self.capacity = capacity
        self.timeZone = timeZone
        self.workingHours = workingHours
    }

    /// The first instant at or after `instant` inside the working hours.
    public func nextOpening(atOrAfter instant: Date) -> Date {
        guard let hours = workingHours else { return instant }
        return LocalTime.nextInstant(
            atOrAfter: instant, inWindow: hours.from, to: hours.to, days: Set(hours.days), zone: timeZone)
    }
}

/// When an agent takes leads: [from, to) of local time on some weekdays, in the agent's zone.
public struct WorkingHours: Sendable, Hashable {
    /// Empty means every day.
    public var days: [Weekday]
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(days: [Weekday] = [], from: TimeOfDay, to: TimeOfDay) {
        self.days = days
        self.from = from
        self.to = to
    }
}
