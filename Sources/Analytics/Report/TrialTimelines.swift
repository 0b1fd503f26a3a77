import ReplayEngine
import Workspace

/// A test replay's records as lead timelines — the same structure `cairn lead --format json`
/// writes for a stored run — so a journey's path for each sample lead reads the same whether
/// it was replayed for real or only tried. `run` is 0: a test replay stores no run.
extension LeadTimeline {
    public static func timelines(fromTrial records: [ReplayRecord]) -> [LeadTimeline] {
        var ended: [ExecutionKey: ExecutionEnded] = [:]
        var stays: [ExecutionKey: [Stay]] = [:]
        var messages: [ExecutionKey: [Message]] = [:]
        var handoffs: [ExecutionKey: [Handoff]] = [:]
        var decisions: [ExecutionKey: [String: [Leaf]]] = [:]
        var order: [String] = []
        var seen: Set<String> = []
        for record in records {
            let key = record.execution
            if seen.insert(key.leadID).inserted { order.append(key.leadID) }
            switch record {
            case .executionEnded(let end): ended[key] = end
            case .decision(let decision):
                decisions[key, default: [:]][decision.nodeID] = decision.explanation.map {
                    Leaf(
                        field: $0.field, op: $0.op, expected: $0.expected, actual: $0.actual,
                        matched: $0.matched)
                }
            case .nodeStay(let stay):
                let explanation = decisions[key]?.removeValue(forKey: stay.nodeID) ?? []
                stays[key, default: []].append(
                    Stay(
                        node: stay.nodeID, visit: stay.visit, enteredAt: EpochSeconds.seconds(stay.enteredAt),
                        exitedAt: stay.exitedAt.map(EpochSeconds.seconds), outcome: stay.outcome.rawValue,
                        next: stay.nextNodeID, explanation: explanation))
            case .message(let message):
                messages[key, default: []].append(
                    Message(
                        node: message.nodeID, channel: message.channel.rawValue, template: message.template,
                        status: message.status.rawValue, reason: message.reason?.rawValue,
                        requestedAt: EpochSeconds.seconds(message.requestedAt),
                        sentAt: message.sentAt.map(EpochSeconds.seconds),
                        openedAt: message.responses.openedAt.map(EpochSeconds.seconds),
                        clickedAt: message.responses.clickedAt.map(EpochSeconds.seconds),
                        repliedAt: message.responses.repliedAt.map(EpochSeconds.seconds),
                        unsubscribedAt: message.responses.unsubscribedAt.map(EpochSeconds.seconds)))
            case .handoff(let handoff):
                handoffs[key, default: []].append(
                    Handoff(
                        from: handoff.fromAgentID, to: handoff.toAgentID, reason: handoff.reason,
                        createdAt: EpochSeconds.seconds(handoff.requestedAt),
                        queueWaitSeconds: handoff.queueWaitSeconds.map { Int64($0.rounded()) },
                        context: RunRecorder.contextJSON(handoff)))
            case .executionStarted, .splitAssignment, .webhookAttempt, .notification, .propertyChange,
                .conversion:
                break
            }
        }
        return order.map { lead in
            let executions = ended.values.filter { $0.execution.leadID == lead }
                .sorted { $0.execution.rotation < $1.execution.rotation }
                .map { end in
                    let key = end.execution
                    return Execution(
                        rotation: key.rotation, status: end.status.rawValue, reason: end.reason,
                        startedAt: EpochSeconds.seconds(end.startedAt),
                        completedAt: end.status == .active ? nil : EpochSeconds.seconds(end.endedAt),
                        stays: stays[key] ?? [], messages: messages[key] ?? [], handoffs: handoffs[key] ?? [])
                }
            return LeadTimeline(run: 0, lead: lead, executions: executions)
        }
    }
}
