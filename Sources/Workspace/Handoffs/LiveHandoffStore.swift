import Foundation
import GRDB
import JourneyModel
import ReplayEngine

extension Workspace {
    /// Creates the handoff's `agent_handoffs` row inside the caller's write transaction (the
    /// step's) and routes it: to a free matching agent at once (an outbox row on channel
    /// `handoff` tells the agent; a bot accepts at once), else into the queue, else — no active
    /// agent matches at all — closed as `no_agent`. Older queued handoffs are served first. A
    /// request whose id is already stored changes nothing and answers where that one stands.
    static func requestLiveHandoff(_ request: LiveHandoffRequest, in db: Database, now: Double) throws
        -> LiveHandoffOutcome
    {
        if let state = try String.fetchOne(
            db, sql: "SELECT state FROM agent_handoffs WHERE id = ?", arguments: [request.id])
        {
            return try outcome(of: request.id, state: state, in: db)
        }
        let router = try LiveHandoffRouter.load(in: db)
        let matched = !router.candidates(for: request.target).isEmpty
        try insertLiveHandoff(request, state: matched ? .queued : .noAgent, in: db)
        guard matched else { return .noMatchingAgent }
        try assignQueuedHandoffs(in: db, now: now)
        let state = try String.fetchOne(
            db, sql: "SELECT state FROM agent_handoffs WHERE id = ?", arguments: [request.id])
        return try outcome(of: request.id, state: state ?? "queued", in: db)
    }

    /// The same in a transaction of its own, for tools and tests.
    @discardableResult
    public func requestLiveHandoff(_ request: LiveHandoffRequest, now: Double) throws(WorkspaceError)
        -> LiveHandoffOutcome
    {
        try write { db in try Self.requestLiveHandoff(request, in: db, now: now) }
    }

    /// Assigns queued handoffs, oldest first, while free agents can take them; returns how many.
    /// Working hours begin and capacity frees up without a request: the live runtime calls this
    /// now and then, and accepting, completing and releasing call it too.
    @discardableResult
    public func assignQueuedHandoffs(now: Double) throws(WorkspaceError) -> Int {
        try write { db in try Self.assignQueuedHandoffs(in: db, now: now) }
    }

    /// The same inside the caller's transaction. `released` is a handoff just released and
    /// the agent that released it, which does not get it back in the same breath.
    @discardableResult
    static func assignQueuedHandoffs(
        in db: Database, now: Double, released: (handoff: String, agent: String)? = nil
    ) throws -> Int {
        var router = try LiveHandoffRouter.load(in: db)
        // Most calls find every agent busy or off duty: say so without reading the queue.
        guard router.agents.contains(where: { router.isFree($0, at: now) }) else { return 0 }
        var assigned = 0
        let queued = try Row.fetchAll(
            db, sql: "SELECT * FROM agent_handoffs WHERE state = 'queued' ORDER BY requested_epoch, id")
        for row in queued {
            let target = LiveHandoffTarget.target(json: row["target"])
            guard
                let agent = router.available(for: target, at: now, excluding: excluded(row, released, router))
            else { continue }
            try assign(row, to: agent, at: now, in: db)
            router.take(agent.id)
            assigned += 1
        }
        return assigned
    }

    /// Who may not take a queued handoff: the agent that released it — always in the release
    /// itself, afterwards only while another active agent matches its target.
    private static func excluded(
        _ row: Row, _ released: (handoff: String, agent: String)?, _ router: LiveHandoffRouter
    ) -> String? {
        let id: String = row["id"]
        if let released, released.handoff == id { return released.agent }
        guard let releasedBy: String = row["released_by"] else { return nil }
        let target = LiveHandoffTarget.target(json: row["target"])
        return router.candidates(for: target).contains { $0.id != releasedBy } ? releasedBy : nil
    }

    private static func outcome(of id: String, state: String, in db: Database) throws -> LiveHandoffOutcome {
        switch LiveHandoffState(rawValue: state) {
        case .assigned?, .accepted?, .completed?:
            let agent = try String.fetchOne(
                db, sql: "SELECT to_agent_id FROM agent_handoffs WHERE id = ?", arguments: [id])
            return agent.map { .assigned(agentID: $0) } ?? .queued
        case .noAgent?: return .noMatchingAgent
        case .queued?, nil: return .queued
        }
    }
}
