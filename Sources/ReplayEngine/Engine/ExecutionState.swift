import Foundation
import JourneyModel

/// One rotation of a lead through the journey: where it is, what it waits for, and the
/// counters the safety limits watch. A reference, like the lead state that owns it: it is
/// updated at every step, and copying its tables each time was a measurable share of a run.
final class ExecutionState {
    // Stored properties are laid out in declaration order: what every wake-up reads comes
    // first, so that one or two cache lines serve it (the tables follow).
    let key: ExecutionKey
    /// What the lead waits for at `nodeID`; nil while it is being processed.
    var pending: PendingStep?
    /// `nodeID`'s index in the engine's `NodeTable`.
    var nodeIndex: Int
    var nodeID: String
    var nodeEnteredAt: Date
    /// Which visit of `nodeID` this is, in this rotation.
    var visit = 1
    var steps = 0
    let startedAt: Date
    /// Loop detection: the nodes (indexes) visited at the current virtual instant, in order.
    var loopInstant: Date
    /// Visits so far by node index (grown on demand).
    var visits = ShortList<16, Int>(filler: 0)
    var nodesAtInstant = ShortList<8, Int>(filler: 0)
    /// Times of recent actions, for the action rate limit.
    var actionTimes = ShortList<4, Date>(filler: .distantPast)
    var splitPaths: [SplitChoice] = []
    var firedHandoffRules: Set<String> = []
    var handoffCount = 0

    init(key: ExecutionKey, startedAt: Date, firstNode: String, index: Int) {
        self.key = key
        self.startedAt = startedAt
        self.nodeID = firstNode
        self.nodeIndex = index
        self.nodeEnteredAt = startedAt
        self.loopInstant = startedAt
    }

    /// Counts a visit of the node at `index`; returns which visit it is.
    func countVisit(_ index: Int) -> Int {
        visits.increment(at: index)
    }

    /// When the pending step wakes the lead, if it does at a known time.
    var pendingTime: Date? {
        switch pending {
        case .waitUntil(let time), .waitForEvent(_, let time), .retrySend(let time, _, _),
            .retryWebhook(let time, _):
            return time
        case nil:
            return nil
        }
    }
}

/// Why a lead sits at its node.
enum PendingStep: Codable {
    /// A duration or time-window wait: moves on at that time.
    case waitUntil(Date)
    /// An event wait: moves on when the event comes, or takes the timeout edge at that time.
    case waitForEvent(field: String, timeoutAt: Date)
    /// A deferred send, retried at that time on the channel already chosen.
    case retrySend(at: Date, channel: Channel, chosenAsBest: Bool)
    /// A failed webhook call, retried at that time.
    case retryWebhook(at: Date, attempt: Int)
}
