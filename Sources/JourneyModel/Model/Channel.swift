/// A messaging channel a lead can be reached on.
public enum Channel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case email, sms, chat

    /// The channel's place in `allCases`.
    public var ordinal: Int {
        switch self {
        case .email: 0
        case .sms: 1
        case .chat: 2
        }
    }

    public static func < (a: Channel, b: Channel) -> Bool { a.ordinal < b.ordinal }

    /// Hashes the ordinal: the default for a `String` raw value hashes the string, and sets and
    /// dictionaries of channels are asked at every send.
    public func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}

/// Where a send goes: a fixed channel, or `best`, learned per lead from its responses.
public enum ChannelChoice: Sendable, Hashable, CustomStringConvertible {
    case fixed(Channel)
    case best

    public init?(parsing text: String) {
        if text == "best" {
            self = .best
        } else if let channel = Channel(rawValue: text) {
            self = .fixed(channel)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .fixed(let channel): return channel.rawValue
        case .best: return "best"
        }
    }
}
