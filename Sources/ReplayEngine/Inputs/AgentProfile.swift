import Foundation
import JourneyModel

/// An agent leads can be handed to: a bot on some channels, or a person with expertise,
/// a capacity of concurrent leads and working hours.
public struct AgentProfile: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var kind: AgentKind
    public var channels: Set<Channel>
    public var expertise: Set<String>
    /// Leads the agent can hold at once.
    public var capacity: Int
    public var workingHours: WorkingHours

    public init(
        id: String, name: String, kind: AgentKind, channels: Set<Channel> = [], expertise: Set<String> = [],
        capacity: Int, workingHours: WorkingHours = .always
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.channels = channels
        self.expertise = expertise
        self.capacity = capacity
        self.workingHours = workingHours
    }
}

/// When an agent takes leads: [from, to) of local time on some weekdays, in the agent's zone.
public struct WorkingHours: Sendable, Hashable {
    public var from: TimeOfDay
    public var to: TimeOfDay
    /// Empty means every day.
    public var days: Set<Weekday>
    /// An IANA zone identifier; an unknown one is read as UTC.
    public var timeZoneIdentifier: String

    public init(from: TimeOfDay, to: TimeOfDay, days: Set<Weekday> = [], timeZoneIdentifier: String = "UTC") {
        self.from = from
        self.to = to
        self.days = days
        self.timeZoneIdentifier = timeZoneIdentifier
    }

    /// Around the clock, every day (bots).
    public static let always = WorkingHours(
        from: TimeOfDay(hour: 0, minute: 0), to: TimeOfDay(hour: 0, minute: 0))

    var timeZone: TimeZone {
        TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }

    /// The first instant at or after `instant` inside the hours.
    func nextOpening(atOrAfter instant: Date) -> Date {
        LocalTime.nextInstant(atOrAfter: instant, inWindow: from, to: to, days: days, zone: timeZone)
    }
}
