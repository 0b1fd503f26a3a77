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

    /// Events up to now, optionally only those matching a behavior field.
    func events(matching field: String?) -> [LeadEvent] {
        events.filter { $0.time <= now && (field.map($0.matches) ?? true) }
    }
}

extension LeadEvent {
    /// Whether this event is what a behavior field names: `email.opened` matches an open on
    /// email; a bare `opened` matches an open on any channel; `visited` matches visits.
    public func matches(_ field: String) -> Bool {
        // A dotted name that is not channel-qualified (`lead.created`) is an event type of its own.
        field == type || field == self.field
    }
}
