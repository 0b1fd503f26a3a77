import ReplayEngine
import Workspace

/// A test replay's records as lead timelines — the same structure `cairn lead --format json`
/// writes for a stored run, built by the same builder from the same steps — so a journey's path
/// for each sample lead reads the same whether it was replayed for real or only tried. `run` is
/// 0: a test replay stores no run.
extension LeadTimeline {
    public static func timelines(fromTrial records: [ReplayRecord]) -> [LeadTimeline] {
        var steps: [String: [LeadStep]] = [:]
        var order: [String] = []
        var decisions: [ExecutionKey: [String: [Leaf]]] = [:]
        for record in records {
            let key = record.execution
            if steps[key.leadID] == nil { order.append(key.leadID) }
            if case .decision(let decision) = record {
                decisions[key, default: [:]][decision.nodeID] = decision.explanation.map(Leaf.init)
            }
            var explanation: [Leaf] = []
            if case .nodeStay(let stay) = record {
                explanation = decisions[key]?.removeValue(forKey: stay.nodeID) ?? []
            }
            steps[key.leadID, default: []] +=
                LeadStep.from(record, explanation: explanation).map { [$0] } ?? []
        }
        return order.map { LeadTimeline(run: 0, lead: $0, steps: steps[$0] ?? []) }
    }
}

extension LeadStep {
    /// The step a record stands for, as its row reads back from the step log; nil for records
    /// the timeline does not show. `explanation` is a stay's decision, which comes before it.
    static func from(_ record: ReplayRecord, explanation: [LeadTimeline.Leaf]) -> LeadStep? {
        let rotation = record.execution.rotation
        switch record {
        case .executionEnded(let end):
            return .execution(
                LeadTimeline.Execution(
                    rotation: rotation, status: end.status.rawValue, reason: end.reason,
                    startedAt: EpochSeconds.seconds(end.startedAt),
                    completedAt: end.status == .active ? nil : EpochSeconds.seconds(end.endedAt),
                    stays: [], messages: [], handoffs: []))
        case .nodeStay(let stay):
            return .stay(
                rotation: rotation,
                LeadTimeline.Stay(
                    node: stay.nodeID, visit: stay.visit, enteredAt: EpochSeconds.seconds(stay.enteredAt),
                    exitedAt: stay.exitedAt.map(EpochSeconds.seconds), outcome: stay.storedOutcome,
                    next: stay.nextNodeID, explanation: explanation))
        case .message(let message):
            return .message(rotation: rotation, LeadTimeline.Message(message))
        case .handoff(let handoff):
            return .handoff(
                rotation: rotation,
                LeadTimeline.Handoff(
                    from: handoff.fromAgentID, to: handoff.toAgentID, reason: handoff.reason,
                    createdAt: EpochSeconds.seconds(handoff.requestedAt),
                    queueWaitSeconds: handoff.queueWaitWholeSeconds, context: RunRecorder.contextJSON(handoff)
                ))
        case .executionStarted, .decision, .splitAssignment, .webhookAttempt, .notification, .propertyChange,
            .outward,
            .conversion:
            return nil
        }
    }
}

extension LeadTimeline.Leaf {
    init(_ verdict: LeafVerdict) {
        self.init(
            field: verdict.field, op: verdict.op, expected: verdict.expected, actual: verdict.actual,
            matched: verdict.matched)
    }
}

extension LeadTimeline.Message {
    init(_ message: MessageRecord) {
        self.init(
            node: message.nodeID, channel: message.channel.rawValue, template: message.template,
            status: message.status.rawValue, reason: message.reason?.rawValue,
            requestedAt: EpochSeconds.seconds(message.requestedAt),
            sentAt: message.sentAt.map(EpochSeconds.seconds),
            openedAt: message.responses.openedAt.map(EpochSeconds.seconds),
            clickedAt: message.responses.clickedAt.map(EpochSeconds.seconds),
            repliedAt: message.responses.repliedAt.map(EpochSeconds.seconds),
            unsubscribedAt: message.responses.unsubscribedAt.map(EpochSeconds.seconds))
    }
}
