import JourneyModel

/// One member of a cohort: the lead, what it did (its recorded events), and for simulated
/// replays the latent traits the behaviour model answers with.
public struct CohortLead: Sendable, Hashable {
    public var lead: Lead
    /// Recorded events in time order (sorted here, stably, so equal times keep their order).
    public var events: [LeadEvent]
    /// Latent behaviour for simulated mode; the configuration's default when absent.
    public var behaviour: LeadBehaviour?

    public init(lead: Lead, events: [LeadEvent] = [], behaviour: LeadBehaviour? = nil) {
        self.lead = lead
        let ordered = events.enumerated().sorted {
            $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }
        self.events = ordered.map(\.element)
        self.behaviour = behaviour
    }
}
