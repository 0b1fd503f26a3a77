import Foundation
import GRDB
import ReplayEngine

/// People working the queue: accept what they were assigned, complete it, or release it back
/// to the queue. Each step is one transaction that also assigns queued handoffs, since
/// completing and releasing free capacity.
extension Workspace {
    /// assigned → accepted.
    @discardableResult
    public func acceptHandoff(_ id: String, now: Double) throws(WorkspaceError) -> LiveHandoff {
        try write { db in
            try Self.checkState(id, action: "accept", allowed: [.assigned], in: db)
            try db.execute(
                sql: "UPDATE agent_handoffs SET state = 'accepted', accepted_at = ? WHERE id = ?",
                arguments: [now, id])
            try Self.assignQueuedHandoffs(in: db, now: now)
            return try Self.liveHandoff(id, in: db)
        }
    }

    /// assigned or accepted → completed: the agent's capacity frees up.
    @discardableResult
    public func completeHandoff(_ id: String, now: Double) throws(WorkspaceError) -> LiveHandoff {
        try write { db in
            try Self.checkState(id, action: "complete", allowed: [.assigned, .accepted], in: db)
            try db.execute(
                sql: "UPDATE agent_handoffs SET state = 'completed', closed_at = ? WHERE id = ?",
                arguments: [now, id])
            try Self.assignQueuedHandoffs(in: db, now: now)
            return try Self.liveHandoff(id, in: db)
        }
    }

    /// assigned or accepted → queued, routed again at once to another agent if one can take it
    /// (never straight back to the one releasing it). Handoff time then runs from the request
    /// to the next assignment.
    @discardableResult
    public func releaseHandoff(_ id: String, now: Double) throws(WorkspaceError) -> LiveHandoff {
        try write { db in
            try Self.checkState(id, action: "release", allowed: [.assigned, .accepted], in: db)
            let agent = try String.fetchOne(
                db, sql: "SELECT to_agent_id FROM agent_handoffs WHERE id = ?", arguments: [id])
            try db.execute(
                sql: """
                    UPDATE agent_handoffs SET state = 'queued', released_by = to_agent_id, to_agent_id = NULL,
                        assigned_epoch = NULL, assigned_at = NULL, queue_wait_seconds = NULL, accepted_at = NULL
                    WHERE id = ?
                    """, arguments: [id])
            try Self.assignQueuedHandoffs(in: db, now: now, released: agent.map { (id, $0) })
            return try Self.liveHandoff(id, in: db)
        }
    }

    /// One live handoff.
    public func liveHandoff(_ id: String) throws(WorkspaceError) -> LiveHandoff {
        try read { db in try Self.liveHandoff(id, in: db) }
    }

    static func checkState(_ id: String, action: String, allowed: [LiveHandoffState], in db: Database) throws
    {
        let state = try liveHandoff(id, in: db).state
        guard allowed.contains(state) else {
            throw WorkspaceError.handoffWrongState(
                id: id, state: state.rawValue, action: action, allowed: allowed.map(\.rawValue))
        }
    }

    /// A live handoff's row (replay rows, without a state, are not live handoffs).
    static func liveHandoff(_ id: String, in db: Database) throws -> LiveHandoff {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT * FROM agent_handoffs WHERE id = ? AND state IS NOT NULL", arguments: [id])
        else { throw WorkspaceError.handoffNotFound(id) }
        return liveHandoff(row)
    }

    static func liveHandoff(_ row: Row) -> LiveHandoff {
        let contextText: String = row["context"]
        let requested: Double = row["requested_epoch"]
        let assigned: Double? = row["assigned_epoch"]
        return LiveHandoff(
            id: row["id"], leadID: row["lead_id"], journey: row["journey"], version: row["journey_version"],
            node: row["node_id"], rule: row["rule"], reason: row["handoff_reason"],
            state: LiveHandoffState(rawValue: row["state"]) ?? .queued, agentID: row["to_agent_id"],
            fromAgentID: row["from_agent_id"], context: (try? JSON.parse(contextText)) ?? .object([:]),
            requestedAt: requested, assignedAt: assigned, acceptedAt: row["accepted_at"],
            closedAt: row["closed_at"], handoffSeconds: assigned.map { $0 - requested })
    }
}
