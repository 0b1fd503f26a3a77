/// A messaging channel a lead can be reached on.
public enum Channel: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case email, sms, chat

    public static func < (a: Channel, b: Channel) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
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
