import Foundation
import JourneyModel

/// Builds the summary from the records as they are emitted: one place derives every tally,
/// so the summary always agrees with the records a writer stored. The engine keeps one for the
/// summary it hands its recorder (and so to the run's summary tables); the studio keeps another
/// over the same records for the canvas's live counts, so live and stored counts agree.
public struct SummaryAggregator: Sendable {
    /// The tally of every record absorbed so far.
    public var summary: ReplaySummary {
        var summary = tally
        for (ordinal, channel) in zip(channels.indices, Channel.allCases) {
            if let counted = channels[ordinal] { summary.channels[channel] = counted }
        }
        return stays.ids.isEmpty ? summary : stays.folded(into: summary, entryID: Journey.entryID)
    }
    private var tally = ReplaySummary()
    /// `summary.records`, without folding the tallies kept by index.
    var records: Int { tally.records }
    /// Stays the engine counts by node index (`absorb(_:at:next:)`), folded in when read.
    private var stays = StayTallies(ids: [])
    /// `summary.channels` by `Channel.ordinal` (nil for a channel nothing counted yet), folded
    /// in when read: a message's tally is found by index, not by hashing its channel.
    private var channels = [ChannelTally?](repeating: nil, count: Channel.allCases.count)
    private let splitWeights: [String: [String: (weight: Int, isHoldout: Bool)]]
    private let entryNext: String

    public init(journey: Journey) {
        entryNext = journey.entry.next
        var weights: [String: [String: (Int, Bool)]] = [:]
        for node in journey.nodes {
            guard case .split(let split) = node.body else { continue }
            var paths: [String: (Int, Bool)] = [:]
            for path in split.paths { paths[path.name] = (path.weight, false) }
            if let holdout = split.holdout { paths[SplitAssignment.holdoutPath] = (holdout, true) }
            weights[node.id] = paths
        }
        splitWeights = weights
        tally.entry = EntryTally(leaves: AudienceLeafTally.leaves(of: journey.entry.audience))
    }

    /// An aggregator the engine feeds stays by index in `table` (`absorb(_:at:next:)`).
    init(journey: Journey, table: NodeTable) {
        self.init(journey: journey)
        stays = StayTallies(ids: table.ids)
    }

    /// Whether stays at the node at `index` of the engine's table are counted by index
    /// (`absorbStay`): every node's but the index of ids the journey does not name.
    func countsStays(at index: Int) -> Bool { index < stays.ids.count - 1 }

    /// A stay at the node at `index` of the engine's table (`countsStays(at:)`), moving on to
    /// `next` along `label`: what `absorb(.nodeStay(stay))` counts, told the stay's facts, so
    /// the engine builds the stay once, for its recorder.
    mutating func absorbStay(
        at index: Int, next: Int?, visit: Int, enteredAt: Date, exitedAt: Date?, label: String?
    ) {
        tally.records += 1
        stays.add(
            at: index, next: next, visit: visit, dwell: NodeStay.dwell(from: enteredAt, to: exitedAt),
            label: label)
        note(enteredAt)
    }

    /// An execution started, entering at the node at `index` of the engine's table.
    mutating func absorbStart(_ started: ExecutionStarted, at index: Int) {
        guard !stays.ids.isEmpty else { return absorb(.executionStarted(started)) }
        tally.records += 1
        tally.entries += 1
        note(started.at)
        stays.addEdge(from: stays.entryIndex, to: index, label: "")
    }

    mutating func triggerFired() { tally.entry.triggerFired() }

    mutating func leadHeldBack() { tally.entry.leadHeldBack() }

    /// See `EntryTally.audienceRefused`.
    mutating func audienceRefused(_ verdicts: [LeafExplanation], seen: UInt64) -> UInt64 {
        tally.entry.audienceRefused(verdicts, seen: seen)
    }

    mutating func leadAdmitted() {
        tally.leadsAdmitted += 1
    }

    mutating func markCancelled() {
        tally.cancelled = true
    }

    public mutating func absorb(_ record: ReplayRecord) {
        tally.records += 1
        switch record {
        case .executionStarted(let started):
            tally.entries += 1
            note(started.at)
            tally.edges[EdgeKey(from: Journey.entryID, to: entryNext, label: ""), default: 0] += 1
        case .executionEnded(let ended):
            tally.statusCounts[ended.status, default: 0] += 1
            tally.endings[
                EndingKey(nodeID: ended.nodeID ?? Journey.entryID, status: ended.status), default: 0] +=
                1
            if ended.status != .active { note(ended.endedAt) }
        case .nodeStay(let stay):
            absorb(stay)
        case .decision, .outward:
            break
        case .notification:
            tally.notifications += 1
        case .splitAssignment(let assignment):
            let fallback = (weight: 0, isHoldout: assignment.isHoldout)
            let known = splitWeights[assignment.nodeID]?[assignment.path] ?? fallback
            tally.splits[assignment.nodeID, default: [:]][
                assignment.path, default: SplitPathTally(weight: known.weight, isHoldout: known.isHoldout)
            ].leads += 1
        case .message(let message):
            absorb(message)
        case .handoff(let handoff):
            absorb(handoff)
        case .webhookAttempt(let attempt):
            tally.webhookAttempts += 1
            if !attempt.succeeded { tally.webhookFailures += 1 }
            note(attempt.at)
        case .propertyChange:
            tally.propertyChanges += 1
        case .conversion(let conversion):
            if conversion.afterExit { tally.conversionsAfterExit += 1 }
            if let node = conversion.nodeID { tally.nodes[node, default: NodeTally()].converted += 1 }
            for choice in conversion.splitPaths {
                tally.splits[choice.nodeID]?[choice.path]?.conversions += 1
            }
            if let channel = conversion.lastChannel {
                channels[channel.ordinal, default: ChannelTally()].converted += 1
            }
            note(conversion.at)
        }
    }

    // The tallies are updated in place (through `inout` on the dictionary's entry): copying
    // one out and back would copy its histogram at every record.

    private mutating func absorb(_ stay: NodeStay) {
        Self.count(stay, into: &tally.nodes[stay.nodeID, default: NodeTally()])
        if let next = stay.nextNodeID {
            tally.edges[EdgeKey(from: stay.nodeID, to: next, label: stay.edgeLabel ?? ""), default: 0] += 1
        }
        note(stay.enteredAt)
    }

    static func count(_ stay: NodeStay, into tally: inout NodeTally) {
        countStay(visit: stay.visit, dwell: stay.dwellSeconds, into: &tally)
    }

    static func countStay(visit: Int, dwell: Int64?, into tally: inout NodeTally) {
        if visit == 1 { tally.entered += 1 }
        if let dwell {
            tally.exited += 1
            tally.dwell.add(dwell)
        } else {
            tally.waiting += 1
        }
    }

    private mutating func absorb(_ message: MessageRecord) {
        Self.count(message, into: &channels[message.channel.ordinal, default: ChannelTally()])
        note(message.requestedAt)
    }

    private static func count(_ message: MessageRecord, into tally: inout ChannelTally) {
        switch message.status {
        case .sent:
            tally.sent += 1
            if message.chosenAsBest { tally.chosenAsBest += 1 }
            let responses = message.responses
            if responses.openedAt != nil { tally.opened += 1 }
            if responses.clickedAt != nil { tally.clicked += 1 }
            if responses.repliedAt != nil { tally.replied += 1 }
            if responses.unsubscribedAt != nil { tally.unsubscribed += 1 }
            if responses.engaged { tally.engaged += 1 }
        case .deferred:
            tally.deferred += 1
        case .suppressed:
            if let reason = message.reason { tally.suppressed[reason, default: 0] += 1 }
        }
    }

    private mutating func absorb(_ handoff: HandoffRecord) {
        Self.count(handoff, into: &tally.handoffs)
        note(handoff.requestedAt)
    }

    private static func count(_ handoff: HandoffRecord, into tally: inout HandoffTally) {
        tally.requested += 1
        if (handoff.queueWaitSeconds ?? 1) > 0 && handoff.outcome != .noMatchingAgent { tally.queued += 1 }
        switch handoff.outcome {
        case .assigned:
            tally.assigned += 1
            tally.queueWait.add(handoff.queueWaitWholeSeconds ?? 0)
        case .noMatchingAgent: tally.noMatchingAgent += 1
        case .abandoned: tally.abandoned += 1
        case .queued: tally.stillQueued += 1
        }
        let route = HandoffRoute(
            fromAgentID: handoff.fromAgentID ?? "", toAgentID: handoff.toAgentID ?? "", reason: handoff.reason
        )
        count(handoff, into: &tally.byRoute[route, default: RouteTally()])
    }

    private static func count(_ handoff: HandoffRecord, into tally: inout RouteTally) {
        tally.handoffs += 1
        if handoff.outcome != .assigned || (handoff.queueWaitSeconds ?? 0) > 0 {
            tally.notAssignedAtOnce += 1
        }
        if let wait = handoff.queueWaitWholeSeconds, handoff.outcome == .assigned { tally.waits.add(wait) }
    }

    private mutating func note(_ date: Date) {
        if tally.firstActivityAt.map({ date < $0 }) ?? true { tally.firstActivityAt = date }
        if tally.lastActivityAt.map({ date > $0 }) ?? true { tally.lastActivityAt = date }
    }
}

extension Array {
    /// The optional element at `index`, created from `defaultValue` when nil: updated in place.
    fileprivate subscript<Wrapped>(index: Int, default defaultValue: @autoclosure () -> Wrapped) -> Wrapped
    where Element == Wrapped? {
        get { self[index] ?? defaultValue() }
        _modify {
            if case .none = self[index] { self[index] = defaultValue() }
            yield &self[index]!
        }
    }
}
