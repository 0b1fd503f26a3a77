import Foundation

/// What a condition is evaluated against: the lead as it is now, everything it did (and
/// everything sent to it, as `sent` events), and the virtual clock.
public struct EvaluationContext: Sendable {
    public var lead: Lead
    /// The lead's events in time order; those after `now` are ignored.
    public var events: [LeadEvent]
    public var now: Date
    /// When the lead entered the journey (this rotation), for `days_since_entry`.
    public var enteredAt: Date?

    public init(lead: Lead, events: [LeadEvent], now: Date, enteredAt: Date? = nil) {
        self.lead = lead
        self.events = events
        self.now = now
        self.enteredAt = enteredAt
    }

    /// How many events up to now pass `include`, counted without copying them (evaluated after
    /// every step of every lead, so no array is built).
    func count(where include: (LeadEvent) -> Bool) -> Int {
        var count = 0
        for event in events where event.time <= now && include(event) { count += 1 }
        return count
    }
}

extension LeadEvent {
    /// Whether this event is what a behavior field names: `email.opened` matches an open on
    /// email; a bare `opened` matches an open on any channel; `visited` matches visits.
    public func matches(_ field: String) -> Bool {
        // A dotted name that is not channel-qualified (`lead.created`) is an event type of its own.
        if field == type { return true }
        guard let channel else { return false }
        // `field == self.field`, without building `channel.type`.
        let name = channel.rawValue.utf8
        let text = field.utf8
        guard text.count == name.count + 1 + type.utf8.count, text.starts(with: name) else { return false }
        let rest = text.dropFirst(name.count)
        return rest.first == UInt8(ascii: ".") && rest.dropFirst().elementsEqual(type.utf8)
    }
}
