import Foundation
import JourneyModel

/// Everything the engine holds about one lead, as a value that can be stored and read back:
/// the live runtime writes it in the transaction of the step that changed it, and a restarted
/// engine resumes from it. Opaque to everyone but the engine; `Codable` for storage.
public struct LeadSnapshot: Sendable, Codable {
    /// Bumped when the fields change meaning; a snapshot of another version is not read.
    public static let format = 1

    var format = LeadSnapshot.format
    var lead: Lead
    var recorded: [LeadEvent]
    var recordedCursor: Int
    var history: [LeadEvent]
    var creationHandled: Bool
    var propertiesChangedAt: Date?
    var nextTriggerFire: Date?
    var conditionTriggerHeld: Bool
    var rotations: Int
    var lastEntryAt: Date?
    var execution: Execution?
    var conversionWatch: ConversionWatch?
    var openMessages: [MessageRecord]
    var lastSentChannel: Channel?
    var messageOrdinal: Int
    var webhookOrdinal: Int
    var previousAgents: [String]
    var conversation: [ConversationEntry]

    /// The lead's execution, where it is, and the counters the safety limits watch.
    struct Execution: Sendable, Codable {
        var key: ExecutionKey
        var startedAt: Date
        var nodeID: String
        var nodeEnteredAt: Date
        var visit: Int
        var visits: [String: Int]
        var steps: Int
        var loopInstant: Date
        var nodesAtInstant: [String]
        var actionTimes: [Date]
        var pending: PendingStep?
        var splitPaths: [SplitChoice]
        var firedHandoffRules: [String]
        var handoffCount: Int
    }

    public var leadID: String { lead.id }

    /// The execution in flight, if any.
    public var executionKey: ExecutionKey? { execution?.key }

    /// Where the execution is: its node and which visit of it.
    public var position: (node: String, visit: Int)? { execution.map { ($0.nodeID, $0.visit) } }

    /// What the execution waits for at its node: the event's field and the deadline, or the
    /// time it moves on.
    public var waiting: (event: String?, until: Date?)? {
        switch execution?.pending {
        case .waitForEvent(let field, let timeoutAt): return (field, timeoutAt)
        case .waitUntil(let time), .retrySend(let time, _, _), .retryWebhook(let time, _): return (nil, time)
        case nil: return nil
        }
    }
}

extension LeadState {
    convenience init(slot: Int, snapshot: LeadSnapshot, behavior: LeadBehavior, table: NodeTable) {
        self.init(
            slot: slot, member: CohortLead(lead: snapshot.lead, events: []), behavior: behavior,
            respondsAsRecorded: true)
        recorded = snapshot.recorded
        recordedCursor = snapshot.recordedCursor
        history = snapshot.history
        creationHandled = snapshot.creationHandled
        propertiesChangedAt = snapshot.propertiesChangedAt
        nextTriggerFire = snapshot.nextTriggerFire
        conditionTriggerHeld = snapshot.conditionTriggerHeld
        rotations = snapshot.rotations
        lastEntryAt = snapshot.lastEntryAt
        execution = snapshot.execution.map { ExecutionState(snapshot: $0, table: table) }
        conversionWatch = snapshot.conversionWatch
        for message in snapshot.openMessages { openMessages[message.channel] = message }
        lastSentChannel = snapshot.lastSentChannel
        messageOrdinal = snapshot.messageOrdinal
        webhookOrdinal = snapshot.webhookOrdinal
        previousAgents = snapshot.previousAgents
        conversation = snapshot.conversation
    }

    func snapshot(_ table: NodeTable) -> LeadSnapshot {
        LeadSnapshot(
            lead: lead, recorded: recorded, recordedCursor: recordedCursor, history: history,
            creationHandled: creationHandled, propertiesChangedAt: propertiesChangedAt,
            nextTriggerFire: nextTriggerFire, conditionTriggerHeld: conditionTriggerHeld,
            rotations: rotations,
            lastEntryAt: lastEntryAt, execution: execution?.snapshot(table), conversionWatch: conversionWatch,
            openMessages: openMessages.all,
            lastSentChannel: lastSentChannel, messageOrdinal: messageOrdinal, webhookOrdinal: webhookOrdinal,
            previousAgents: previousAgents, conversation: conversation)
    }
}

extension ExecutionState {
    /// Visits of ids the journey no longer names are dropped: no edge leads back to them.
    convenience init(snapshot: LeadSnapshot.Execution, table: NodeTable) {
        self.init(
            key: snapshot.key, startedAt: snapshot.startedAt, firstNode: snapshot.nodeID,
            index: table.index(of: snapshot.nodeID))
        nodeEnteredAt = snapshot.nodeEnteredAt
        visit = snapshot.visit
        for (id, count) in snapshot.visits where table.names(id) {
            _ = countVisit(table.index(of: id))
            visits[table.index(of: id)] = count
        }
        steps = snapshot.steps
        loopInstant = snapshot.loopInstant
        for id in snapshot.nodesAtInstant { nodesAtInstant.append(table.index(of: id)) }
        for time in snapshot.actionTimes { actionTimes.append(time) }
        pending = snapshot.pending
        splitPaths = snapshot.splitPaths
        firedHandoffRules = Set(snapshot.firedHandoffRules)
        handoffCount = snapshot.handoffCount
    }

    func snapshot(_ table: NodeTable) -> LeadSnapshot.Execution {
        var visitsByID: [String: Int] = [:]
        for (index, count) in visits.elements.enumerated() where count > 0 && table.names(index) {
            visitsByID[table.ids[index]] = count
        }
        if !table.names(nodeIndex) { visitsByID[nodeID] = visit }
        return LeadSnapshot.Execution(
            key: key, startedAt: startedAt, nodeID: nodeID, nodeEnteredAt: nodeEnteredAt, visit: visit,
            visits: visitsByID, steps: steps, loopInstant: loopInstant,
            nodesAtInstant: nodesAtInstant.elements.map { table.names($0) ? table.ids[$0] : nodeID },
            actionTimes: actionTimes.elements, pending: pending, splitPaths: splitPaths,
            firedHandoffRules: firedHandoffRules.sorted(), handoffCount: handoffCount)
    }
}
