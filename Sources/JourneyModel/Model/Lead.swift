import Foundation

/// A lead as a journey sees it: properties, where it lives, what it agreed to.
public struct Lead: Sendable, Hashable, Identifiable, Codable {
    public var id: String
    public var properties: [String: Value]
    public var timeZone: TimeZone
    public var consents: Set<Channel>
    public var createdAt: Date

    public init(
        id: String, properties: [String: Value] = [:], timeZone: TimeZone = TimeZone(identifier: "UTC")!,
        consents: Set<Channel> = Set(Channel.allCases), createdAt: Date
    ) {
        self.id = id
        self.properties = properties
        self.timeZone = timeZone
        self.consents = consents
        self.createdAt = createdAt
    }
}

/// Something a lead did or underwent: `opened` on email, `visited`, `webhook` named `form`, ...
public struct LeadEvent: Sendable, Hashable, Codable {
    public var leadID: String
    public var type: String
    public var channel: Channel?
    public var time: Date
    public var data: [String: Value]

    public init(
        leadID: String, type: String, channel: Channel? = nil, time: Date, data: [String: Value] = [:]
    ) {
        self.leadID = leadID
        self.type = type
        self.channel = channel
        self.time = time
        self.data = data
    }

    /// The behavior-field name of this event: `email.opened`, or `visited` without a channel.
    public var field: String {
        channel.map { "\($0.rawValue).\(type)" } ?? type
    }
}

/// Event types with a meaning the engine and the validator know about.
public enum KnownEvent {
    public static let responses: Set<String> = ["opened", "clicked", "replied"]
    public static let all: [String] = [
        "created", "sent", "delivered", "opened", "clicked", "replied", "visited", "unsubscribed",
        "converted", "webhook",
    ]
}
