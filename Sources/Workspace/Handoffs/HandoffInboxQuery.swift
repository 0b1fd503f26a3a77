import Foundation
import GRDB
import JourneyModel
import ReplayEngine

extension Workspace {
    /// What `agent` (its id) holds — assigned and accepted handoffs, oldest assignment first —
    /// and the queued handoffs whose target it matches, oldest first, whatever its load and
    /// hours (an inactive agent matches none).
    public func handoffInbox(agent id: String) throws(WorkspaceError) -> HandoffInbox {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM agents WHERE id = ?", arguments: [id])
            else {
                let names = try String.fetchAll(db, sql: "SELECT id FROM agents ORDER BY id")
                throw WorkspaceError.agentNotFound(id, suggestion: Suggestion.closest(to: id, among: names))
            }
            let agent = Self.agent(row)
            let active: Bool = row["active"]
            let open = try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM agent_handoffs WHERE to_agent_id = ? AND state IN ('assigned', 'accepted')
                    ORDER BY assigned_epoch, id
                    """, arguments: [id]
            ).map(Self.liveHandoff)
            let queued =
                active
                ? try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM agent_handoffs WHERE state = 'queued' ORDER BY requested_epoch, id"
                ).filter { LiveHandoffRouter.matches(agent, LiveHandoffTarget.target(json: $0["target"])) }
                    .map(Self.liveHandoff) : []
            return HandoffInbox(
                agent: id, active: active, capacity: agent.capacity, open: open, queued: queued)
        }
    }
}
