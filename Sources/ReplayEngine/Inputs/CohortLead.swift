import JourneyModel

/// One member of a cohort: the lead, what it did (its recorded events), and for simulated
/// replays the latent traits the behavior model answers with.
public struct CohortLead: Sendable, Hashable {
    public var lead: Lead
    /// Recorded events in time order (sorted here, stably, so equal times keep their order).
    public var events: [LeadEvent]
    /// Latent behavior for simulated mode; the configuration's default when absent.
    public var behavior: LeadBehavior?

    public init(lead: Lead, events: [LeadEvent] = [], behavior: LeadBehavior? = nil) {
        self.lead = lead
        let ordered = events.enumerated().sorted {
            $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }
        self.events = ordered.map(\.element)
        self.behavior = behavior
    }
}
