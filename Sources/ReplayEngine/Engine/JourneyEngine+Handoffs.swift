import Foundation
import JourneyModel

/// Handoffs: explicit actions and journey-level rules, routed through the router.
extension JourneyEngine {
    /// Journey-level rules, checked after every step and event; each fires at most once per
    /// rotation, or a rule that keeps holding would hand the lead off again at every step.
    func applyHandoffRules(_ state: LeadState) {
        for rule in journey.policy.handoffRules {
            guard let execution = state.execution, !execution.firedHandoffRules.contains(rule.name) else {
                continue
            }
            guard ConditionEvaluator.holds(rule.when, in: state.context(at: now)) else { continue }
            state.execution?.firedHandoffRules.insert(rule.name)
            requestHandoff(state, to: rule.to, reason: rule.reason, nodeID: nil, rule: rule.name)
        }
    }

    func requestHandoff(
        _ state: LeadState, to target: HandoffTarget, reason: String, nodeID: String?, rule: String?
    ) {
        guard let execution = state.execution else { return }
        execution.handoffCount += 1
        var metadata = [
            "journey": journey.id, "rotation": String(execution.key.rotation),
            "node": nodeID ?? execution.nodeID,
            "target": Self.describe(target),
        ]
        if let rule { metadata["rule"] = rule }
        let context = HandoffContext(
            conversation: state.conversation, score: state.score,
            previousAgents: state.previousAgents + (state.heldAgentID.map { [$0] } ?? []),
            reason: reason, metadata: metadata)
        var record = HandoffRecord(
            id: "\(execution.key)/\(execution.handoffCount)", execution: execution.key,
            fromAgentID: state.heldAgentID, toAgentID: nil, reason: reason, nodeID: nodeID, rule: rule,
            requestedAt: now, assignedAt: nil, queueWaitSeconds: nil, outcome: .queued, context: context)
        if onWallClock {
            // Routed by the runtime against the agents' real load and hours.
            let node = nodeID ?? rule.map { "rule:\($0)" } ?? execution.nodeID
            emit(
                .outward(
                    OutwardAction(
                        execution: execution.key, nodeID: node, visit: execution.visit, at: now,
                        kind: .handoff(record, target: target))), of: state)
        } else if router.candidates(for: target).isEmpty {
            record.outcome = .noMatchingAgent
            emit(.handoff(record), of: state)
        } else if let agent = router.available(for: target, at: now) {
            if assign(record, to: agent, for: state) { serveHandoffQueue() }
        } else {
            router.enqueue(QueuedHandoff(slot: state.slot, target: target, record: record))
            state.queuedHandoffs += 1
            scheduleRouter()
        }
    }

    /// Gives the lead to the agent; true when the lead's previous agent was freed.
    @discardableResult
    private func assign(_ record: HandoffRecord, to agent: Agent, for state: LeadState) -> Bool {
        var record = record
        record.fromAgentID = state.heldAgentID
        record.toAgentID = agent.id
        record.assignedAt = now
        record.queueWaitSeconds = now.timeIntervalSince(record.requestedAt)
        record.outcome = .assigned
        router.take(agent.id)
        let released = releaseAgent(of: state)
        state.heldAgentID = agent.id
        emit(.handoff(record), of: state)
        return released
    }

    /// Frees the agent holding the lead; true if there was one.
    @discardableResult
    func releaseAgent(of state: LeadState) -> Bool {
        guard let held = state.heldAgentID else { return false }
        router.release(held)
        state.previousAgents.append(held)
        state.heldAgentID = nil
        return true
    }

    /// Assigns queued handoffs, first come first served, while agents are free.
    func serveHandoffQueue() {
        while let (queued, agent) = router.nextServable(at: now) {
            guard let state = leads[queued.slot], state.execution != nil else { continue }
            state.queuedHandoffs -= 1
            assign(queued.record, to: agent, for: state)
        }
        scheduleRouter()
    }

    func scheduleRouter() {
        routerTicket = (router.queue.isEmpty ? nil : router.nextOpening(after: now)).map {
            queue.add(.handoffRouter, at: $0)
        }
    }

    public static func describe(_ target: HandoffTarget) -> String {
        var parts: [String] = []
        if let agent = target.agent { parts.append("agent \(agent)") }
        if let channel = target.channel { parts.append("channel \(channel.rawValue)") }
        if let kind = target.kind { parts.append("kind \(kind.rawValue)") }
        if !target.expertise.isEmpty { parts.append("expertise \(target.expertise.joined(separator: ","))") }
        return parts.joined(separator: "; ")
    }
}
