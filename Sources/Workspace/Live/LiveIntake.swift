/// What one batch of live records stored in the `live` cohort: counts for the person or
/// client that sent them, and the arrivals, in the order stored, for whatever acts on them
/// (the automation runtime starts `lead.created` journeys on created leads, re-checks
/// condition triggers on changed ones, and wakes the executions waiting for an event).
public struct LiveIntake: Sendable, Hashable, Codable {
    /// The cohort live leads and events are kept in.
    public static let cohortName = "live"

    public var cohort: String
    /// Leads new to the cohort.
    public var leadsCreated: Int
    /// Leads already there whose properties, consents or time zone changed.
    public var leadsUpdated: Int
    /// Leads sent again with nothing new.
    public var leadsUnchanged: Int
    /// Events appended.
    public var events: Int
    /// What changed, in the order stored. Not part of the JSON summary.
    public var arrivals: [LiveArrival] = []

    enum CodingKeys: String, CodingKey {
        case cohort, leadsCreated, leadsUpdated, leadsUnchanged, events
    }

    public init(cohort: String = LiveIntake.cohortName) {
        self.cohort = cohort
        leadsCreated = 0
        leadsUpdated = 0
        leadsUnchanged = 0
        events = 0
    }
}

/// One change a live record made.
public enum LiveArrival: Sendable, Hashable {
    /// A lead new to the cohort.
    case leadCreated(lead: String)
    /// A stored lead that changed: the properties whose value changed (added, changed or
    /// removed), and whether its consents or time zone did.
    case leadChanged(lead: String, properties: [String], consents: Bool, timeZone: Bool)
    /// An event appended: its `lead_events` row.
    case event(id: Int64, lead: String, type: String)
}
