import JourneyModel

/// An agent a lead can be handed to: a bot on some channels, or a person with expertise,
/// a capacity (leads at once) and working hours in their time zone.
public struct Agent: Sendable, Hashable {
    public var id: String
    public var name: String
    public var kind: AgentKind
    public var channels: [Channel]
    public var expertise: [String]
    public var capacity: Int
    public var timeZone: String
    /// Nil means always available (bots usually).
    public var workingHours: WorkingHours?
    public var active: Bool

    public init(
        id: String, name: String, kind: AgentKind, channels: [Channel], expertise: [String] = [],
        capacity: Int,
        timeZone: String = "UTC", workingHours: WorkingHours? = nil, active: Bool = true
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.channels = channels
        self.expertise = expertise
        self.capacity = capacity
        self.timeZone = timeZone
        self.workingHours = workingHours
        self.active = active
    }
}

/// Days and a daily window, in the agent's time zone.
public struct WorkingHours: Sendable, Hashable, Codable {
    public var days: [Weekday]
    public var from: TimeOfDay
    public var to: TimeOfDay

    public init(days: [Weekday], from: TimeOfDay, to: TimeOfDay) {
        self.days = days
        self.from = from
        self.to = to
    }

    enum CodingKeys: String, CodingKey { case days, from, to }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let dayNames = try container.decode([String].self, forKey: .days)
        days = dayNames.compactMap(Weekday.init(parsing:))
        guard let from = TimeOfDay(parsing: try container.decode(String.self, forKey: .from)),
            let to = TimeOfDay(parsing: try container.decode(String.self, forKey: .to))
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .from, in: container, debugDescription: "not HH:MM")
        }
        self.from = from
        self.to = to
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days.map(\.rawValue), forKey: .days)
        try container.encode(from.description, forKey: .from)
        try container.encode(to.description, forKey: .to)
    }
}
