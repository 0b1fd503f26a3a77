/// Which clock drives the engine. The node semantics are the same under both; what differs is
/// what the engine can know ahead of time and who carries out what it asks.
public enum EngineClock: String, Sendable, Hashable {
    /// A replay in virtual time: the cohort and its recorded events are known in advance (or a
    /// behavior model answers), the journey's outward actions are simulated, and handoffs are
    /// routed to the roster in memory.
    case virtual
    /// The wall clock: leads and events arrive as they happen (`admit`, `receive`, `update`),
    /// nothing is known ahead, responses are the events that come back, and every outward
    /// action (send, notify, webhook, handoff) is returned as an `OutwardAction` record for the
    /// runtime to write to its outbox and deliver. Handoffs are requested, not routed: the
    /// runtime routes them against the agents' real load.
    case wall
}
