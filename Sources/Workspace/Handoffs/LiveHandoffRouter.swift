import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// Routes live handoffs by the replay's rule (ReplayEngine's `HandoffRouter`): an active agent
/// matching the target (id or name, channel, kind, every expertise tag), inside its working
/// hours at the wall-clock `now`, under capacity, least loaded first, roster order (by id, as
/// `Workspace.agents()` hands the roster to a replay) breaking ties. Unlike a replay, load is
/// the agent's open assignments (assigned or accepted) across all journeys, read from
/// `agent_handoffs`: an assignment ends when it is completed or released, not with the execution.
struct LiveHandoffRouter {
    let agents: [Agent]
    private(set) var load: [String: Int]

    /// The active roster and its open assignments, inside the caller's transaction.
    static func load(in db: Database) throws -> LiveHandoffRouter {
        let agents = try Row.fetchAll(db, sql: "SELECT * FROM agents WHERE active = 1 ORDER BY id")
            .map(Workspace.agent)
        var load: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT to_agent_id, COUNT(*) AS n FROM agent_handoffs
                WHERE state IN ('assigned', 'accepted') GROUP BY to_agent_id
                """)
        {
            if let agent: String = row["to_agent_id"] { load[agent] = row["n"] }
        }
        return LiveHandoffRouter(agents: agents, load: load)
    }

    /// Whether `agent` matches `target`, whatever its load and hours.
    static func matches(_ agent: Agent, _ target: HandoffTarget) -> Bool {
        if let name = target.agent, name != agent.id, name != agent.name { return false }
        if let channel = target.channel, !agent.channels.contains(channel) { return false }
        if let kind = target.kind, kind != agent.kind { return false }
        return target.expertise.allSatisfy(agent.expertise.contains)
    }

    func candidates(for target: HandoffTarget) -> [Agent] {
        agents.filter { Self.matches($0, target) }
    }

    /// Whether `agent` can take one more handoff at `now`.
    func isFree(_ agent: Agent, at now: Double) -> Bool {
        let instant = Date(timeIntervalSince1970: now)
        return (load[agent.id] ?? 0) < agent.capacity && agent.nextOpening(atOrAfter: instant) == instant
    }

    /// The least-loaded free candidate, skipping `excluded` (the agent that just released it).
    func available(for target: HandoffTarget, at now: Double, excluding excluded: String? = nil) -> Agent? {
        var best: Agent?
        var bestLoad = Int.max
        for agent in candidates(for: target) where agent.id != excluded && isFree(agent, at: now) {
            let current = load[agent.id] ?? 0
            guard current < bestLoad else { continue }
            best = agent
            bestLoad = current
        }
        return best
    }

    mutating func take(_ agentID: String) {
        load[agentID, default: 0] += 1
    }
}
