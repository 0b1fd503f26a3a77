import Foundation
import JourneyModel

/// Something the journey asks the outside world to do, emitted on the wall clock at the step
/// that asks (a replay simulates these and emits none): the live runtime writes it to the
/// outbox in the step's transaction, keyed by execution, node and visit, and delivers it.
public struct OutwardAction: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A message to the lead on a channel.
        case send(channel: Channel, template: String)
        case notify(target: String, message: String)
        case webhook(url: String)
        /// A request for an agent: the handoff with its context (not yet routed), and whom it
        /// asks for.
        case handoff(HandoffRecord, target: HandoffTarget)
    }

    public var execution: ExecutionKey
    /// The action node, or `rule:NAME` for a journey-level handoff rule.
    public var nodeID: String
    /// Which visit of the node in this execution: with the execution and node, the action's
    /// identity, the same however often the step is repeated.
    public var visit: Int
    public var at: Date
    public var kind: Kind

    public init(execution: ExecutionKey, nodeID: String, visit: Int, at: Date, kind: Kind) {
        self.execution = execution
        self.nodeID = nodeID
        self.visit = visit
        self.at = at
        self.kind = kind
    }
}
