import Foundation
import GRDB

extension Workspace {
    /// Writes `request` to the outbox inside the caller's write transaction (the step's), so
    /// the row exists exactly when the step does. A key already there is left alone: false.
    @discardableResult
    static func enqueue(_ request: OutboxRequest, in db: Database) throws -> Bool {
        try db.executeCached(
            sql: """
                INSERT INTO outbox (idempotency_key, journey, version, node, lead_id, channel, recipient, template,
                    payload, requested_at, due_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (idempotency_key) DO NOTHING
                """,
            arguments: [
                request.idempotencyKey, request.journey, request.version, request.node, request.leadID,
                request.channel, request.recipient, request.template, JSONText.encode(request.payload),
                request.requestedAt, request.dueAt, request.requestedAt,
            ])
        return db.changesCount > 0
    }

    /// Writes `requests` to the outbox in one transaction; returns how many were new.
    @discardableResult
    public func enqueue(_ requests: [OutboxRequest]) throws(WorkspaceError) -> Int {
        try write { db in
            try requests.reduce(0) { count, request in try Self.enqueue(request, in: db) ? count + 1 : count }
        }
    }

    /// Pending rows of `channels` due by `now`, oldest due first, at most `limit`.
    public func dueOutbox(at now: Double, channels: [String], limit: Int) throws(WorkspaceError)
        -> [OutboxEntry]
    {
        guard !channels.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: channels.count).joined(separator: ", ")
        return try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM outbox WHERE state = 'pending' AND due_at <= ? AND channel IN (\(marks))
                    ORDER BY due_at, id LIMIT ?
                    """,
                arguments: StatementArguments([now] + channels + [limit])
            ).map(Self.outboxEntry)
        }
    }

    /// The earliest due time of a pending row of `channels`, or nil when none waits.
    public func nextOutboxDue(channels: [String]) throws(WorkspaceError) -> Double? {
        guard !channels.isEmpty else { return nil }
        let marks = Array(repeating: "?", count: channels.count).joined(separator: ", ")
        return try read { db in
            try Double.fetchOne(
                db,
                sql: "SELECT MIN(due_at) FROM outbox WHERE state = 'pending' AND channel IN (\(marks))",
                arguments: StatementArguments(channels))
        }
    }

    /// Records attempts' outcomes in one transaction; each counts one attempt (a postponed row
    /// none). Rows no longer pending (marked by an earlier pass) are left as they are. A row
    /// marked dead also gets a `delivery_dead` arrival (`live_arrivals`) in the same transaction,
    /// so the runtime can count the execution that asked for it as failed.
    public func recordOutboxOutcomes(_ outcomes: [(id: Int64, outcome: OutboxOutcome)], at now: Double)
        throws(WorkspaceError)
    {
        try write { db in
            for (id, outcome) in outcomes {
                let (state, due, error, delivered) = Self.columns(outcome)
                let attempted: Int
                if case .postponed = outcome { attempted = 0 } else { attempted = 1 }
                try db.executeCached(
                    sql: """
                        UPDATE outbox SET state = ?, due_at = COALESCE(?, due_at), last_error = COALESCE(?, last_error),
                            delivered_at = ?, attempts = attempts + ?, updated_at = ?
                        WHERE id = ? AND state = 'pending'
                        """,
                    arguments: [state.rawValue, due, error, delivered ? now : nil, attempted, now, id])
                if case .dead(let reason) = outcome, db.changesCount > 0 {
                    try Self.recordDeadDelivery(outboxID: id, reason: reason, in: db, at: now)
                }
            }
        }
    }

    public func markOutboxDelivered(_ id: Int64, at now: Double) throws(WorkspaceError) {
        try recordOutboxOutcomes([(id, .delivered)], at: now)
    }

    public func retryOutboxLater(_ id: Int64, at due: Double, reason: String, now: Double)
        throws(WorkspaceError)
    {
        try recordOutboxOutcomes([(id, .retry(at: due, reason: reason))], at: now)
    }

    public func markOutboxDead(_ id: Int64, reason: String, at now: Double) throws(WorkspaceError) {
        try recordOutboxOutcomes([(id, .dead(reason: reason))], at: now)
    }

    static func columns(_ outcome: OutboxOutcome) -> (OutboxState, Double?, String?, Bool) {
        switch outcome {
        case .delivered: return (.delivered, nil, nil, true)
        case .retry(let due, let reason): return (.pending, due, reason, false)
        case .dead(let reason): return (.dead, nil, reason, false)
        case .postponed(let due, let reason): return (.pending, due, reason, false)
        }
    }

    /// The row with `key`, if any.
    public func outboxEntry(key: String) throws(WorkspaceError) -> OutboxEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM outbox WHERE idempotency_key = ?", arguments: [key])
                .map(Self.outboxEntry)
        }
    }

    /// Rows per channel and state: `[channel: [state: count]]`.
    public func outboxCounts() throws(WorkspaceError) -> [String: [OutboxState: Int]] {
        try read { db in
            var counts: [String: [OutboxState: Int]] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT channel, state, COUNT(*) AS n FROM outbox GROUP BY channel, state")
            {
                guard let state = OutboxState(rawValue: row["state"]) else { continue }
                counts[row["channel"], default: [:]][state] = row["n"]
            }
            return counts
        }
    }

    static func outboxEntry(_ row: Row) -> OutboxEntry {
        let payloadText: String = row["payload"]
        let request = OutboxRequest(
            idempotencyKey: row["idempotency_key"], journey: row["journey"], version: row["version"],
            node: row["node"], leadID: row["lead_id"], channel: row["channel"], recipient: row["recipient"],
            template: row["template"], payload: (try? JSON.parse(payloadText)) ?? .object([:]),
            requestedAt: row["requested_at"], dueAt: row["due_at"])
        return OutboxEntry(
            id: row["id"], request: request, attempts: row["attempts"],
            state: OutboxState(rawValue: row["state"]) ?? .pending, lastError: row["last_error"],
            deliveredAt: row["delivered_at"])
    }
}
