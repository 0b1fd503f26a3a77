import Foundation
import JourneyModel

/// Routes handoffs to agents: an agent matching the target (name, channel, kind, every
/// expertise tag) with free capacity, inside its working hours, least loaded first (roster
/// order breaks ties). When none is free the handoff queues, first come first served, until
/// capacity frees up or working hours begin. An assignment holds one unit of the agent's
/// capacity until the lead's execution ends or it is handed on.
struct HandoffRouter {
    let agents: [Agent]
    private(set) var load: [String: Int] = [:]
    private(set) var queue: [QueuedHandoff] = []

    init(agents: [Agent]) {
        self.agents = agents
    }

    /// Indices of agents that match the target, whatever their load and hours.
    func candidates(for target: HandoffTarget) -> [Int] {
        agents.indices.filter { index in
            let agent = agents[index]
            if let name = target.agent, name != agent.id, name != agent.name { return false }
            if let channel = target.channel, !agent.channels.contains(channel) { return false }
            if let kind = target.kind, kind != agent.kind { return false }
            return target.expertise.allSatisfy(agent.expertise.contains)
        }
    }

    /// A matching agent free now, or nil.
    func available(for target: HandoffTarget, at now: Date) -> Agent? {
        var best: Agent?
        var bestLoad = Int.max
        for index in candidates(for: target) {
            let agent = agents[index]
            let current = load[agent.id] ?? 0
            guard current < agent.capacity, agent.nextOpening(atOrAfter: now) == now,
                current < bestLoad
            else { continue }
            best = agent
            bestLoad = current
        }
        return best
    }

    mutating func take(_ agentID: String) {
        load[agentID, default: 0] += 1
    }

    mutating func release(_ agentID: String) {
        let current = (load[agentID] ?? 0) - 1
        load[agentID] = current > 0 ? current : nil
    }

    mutating func enqueue(_ handoff: QueuedHandoff) {
        queue.append(handoff)
    }

    /// Takes the first queued handoff that an agent can serve now, with that agent.
    mutating func nextServable(at now: Date) -> (QueuedHandoff, Agent)? {
        // Most calls find every agent busy: say so without walking the queue.
        guard !queue.isEmpty,
            agents.contains(where: {
                (load[$0.id] ?? 0) < $0.capacity && $0.nextOpening(atOrAfter: now) == now
            })
        else { return nil }
        for (position, handoff) in queue.enumerated() {
            guard let agent = available(for: handoff.target, at: now) else { continue }
            queue.remove(at: position)
            return (handoff, agent)
        }
        return nil
    }

    /// Removes and returns the lead's queued handoffs (its execution ended).
    mutating func withdraw(slot: Int) -> [QueuedHandoff] {
        let withdrawn = queue.filter { $0.slot == slot }
        queue.removeAll { $0.slot == slot }
        return withdrawn
    }

    mutating func drain() -> [QueuedHandoff] {
        defer { queue = [] }
        return queue
    }

    /// When a queued handoff might next be served for a reason other than freed capacity: the
    /// earliest working-hours opening, after now, of a matching agent with room.
    func nextOpening(after now: Date) -> Date? {
        var earliest: Date?
        for handoff in queue {
            for index in candidates(for: handoff.target) {
                let agent = agents[index]
                guard (load[agent.id] ?? 0) < agent.capacity else { continue }
                let opening = agent.nextOpening(atOrAfter: now)
                guard opening > now else { continue }
                earliest = min(earliest ?? opening, opening)
            }
        }
        return earliest
    }
}

/// A handoff waiting for an agent: the record to complete once one is free.
struct QueuedHandoff {
    var slot: Int
    var target: HandoffTarget
    var record: HandoffRecord
}
