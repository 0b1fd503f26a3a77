import JourneyModel

/// A lead's messages whose response record is still open, at most one per channel, kept by the
/// channel's ordinal: every send asks for its channel's, and an array index costs nothing where
/// a dictionary hashes the channel.
struct OpenMessages {
    /// By `Channel.ordinal`; empty until the lead's first send.
    private var slots: [MessageRecord?] = []

    subscript(channel: Channel) -> MessageRecord? {
        get { channel.ordinal < slots.count ? slots[channel.ordinal] : nil }
        set {
            if slots.isEmpty { slots = Self.none }
            slots[channel.ordinal] = newValue
        }
    }

    /// Puts `message` on its channel; returns the message it replaces there.
    mutating func replace(with message: MessageRecord) -> MessageRecord? {
        if slots.isEmpty { slots = Self.none }
        var previous: MessageRecord? = message
        swap(&previous, &slots[message.channel.ordinal])
        return previous
    }

    /// One empty slot per channel, shared until a lead's first send writes to its copy.
    private static let none = [MessageRecord?](repeating: nil, count: Channel.allCases.count)

    /// The open messages in channel order.
    var all: [MessageRecord] { slots.compactMap { $0 } }

    /// Takes every open message out, handing each to `body` in channel order.
    mutating func removeAll(_ body: (MessageRecord) -> Void) {
        guard !slots.isEmpty else { return }
        let taken = slots
        slots = []
        for case let message? in taken { body(message) }
    }
}
