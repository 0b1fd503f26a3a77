/// Where a lead's responses to messages come from.
public enum ReplayMode: String, Sendable, Hashable, CaseIterable {
    /// A lead responds only as its recorded events say: an open recorded after a send counts for
    /// that send, and a lead with no recorded response never responds.
    case recorded
    /// The behavior model answers every message (rates, delays, channel preference, fatigue).
    case simulated
    /// Recorded for a lead that has recorded events, simulated for one that has none.
    case mixed
}
