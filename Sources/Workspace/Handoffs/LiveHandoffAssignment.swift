import Foundation
import GRDB
import JourneyModel
import ReplayEngine

extension Workspace {
    /// The row of a new live handoff: the plan's columns, filled as a replay fills them, and
    /// the lifecycle's (docs/schema.md, `agent_handoffs`).
    static func insertLiveHandoff(_ request: LiveHandoffRequest, state: LiveHandoffState, in db: Database)
        throws
    {
        try db.execute(
            sql: """
                INSERT INTO agent_handoffs (id, run_id, execution_id, lead_id, from_agent_id, handoff_reason, context,
                    created_at, node_id, rule, state, target, journey, journey_version, outbox_key, assignments,
                    requested_epoch, closed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
                """,
            arguments: [
                request.id, request.runID, request.executionID, request.leadID, request.fromAgentID,
                request.reason, JSONText.encode(request.context),
                EpochSeconds.seconds(Date(timeIntervalSince1970: request.requestedAt)), request.node,
                request.rule,
                state.rawValue, LiveHandoffTarget.json(request.target), request.journey, request.version,
                request.idempotencyKey, request.requestedAt, state == .noAgent ? request.requestedAt : nil,
            ])
    }

    /// Gives a queued handoff to `agent` at `now`: handoff time is measured from the request to
    /// this moment; the agent is told through the outbox (channel `handoff`), the n-th
    /// assignment under `KEY#n`; a bot accepts at once.
    static func assign(_ row: Row, to agent: Agent, at now: Double, in db: Database) throws {
        let id: String = row["id"]
        let requested: Double = row["requested_epoch"]
        let count = ((row["assignments"] as Int?) ?? 0) + 1
        let bot = agent.kind == .bot
        try db.execute(
            sql: """
                UPDATE agent_handoffs SET state = ?, to_agent_id = ?, assignments = ?, assigned_epoch = ?,
                    assigned_at = ?, queue_wait_seconds = ?, accepted_at = ?
                WHERE id = ?
                """,
            arguments: [
                (bot ? LiveHandoffState.accepted : .assigned).rawValue, agent.id, count, now,
                EpochSeconds.seconds(Date(timeIntervalSince1970: now)),
                Int64(max(0, now - requested).rounded()), bot ? now : nil, id,
            ])
        try enqueue(handoffDelivery(row, to: agent.id, assignment: count, at: now), in: db)
    }

    /// The outbox row telling the agent: the handoff's context with its id.
    static func handoffDelivery(_ row: Row, to agent: String, assignment: Int, at now: Double)
        -> OutboxRequest
    {
        let key: String = row["outbox_key"]
        let contextText: String = row["context"]
        var payload: [String: JSON] = [:]
        if case .object(let fields)? = try? JSON.parse(contextText) { payload = fields }
        payload["handoff_id"] = .string(row["id"])
        let node: String? = row["node_id"]
        let rule: String? = row["rule"]
        return OutboxRequest(
            idempotencyKey: assignment == 1 ? key : "\(key)#\(assignment)", journey: row["journey"],
            version: row["journey_version"], node: node ?? rule.map { "rule:\($0)" } ?? "handoff",
            leadID: row["lead_id"], channel: "handoff", recipient: agent, payload: .object(payload),
            requestedAt: now)
    }
}
