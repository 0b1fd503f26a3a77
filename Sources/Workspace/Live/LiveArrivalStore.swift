import Foundation
import GRDB

/// One row of `live_arrivals`, the ordered inbox the live runtime consumes by cursor: a change
/// a live record or webhook made (in the transaction that stored it), or an outbox row marked
/// dead (in the transaction that marked it).
public struct LiveArrivalRow: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case leadCreated = "lead_created"
        case leadChanged = "lead_changed"
        case event
        case deliveryDead = "delivery_dead"
    }

    /// Increasing: the cursor to pass to `liveArrivals(after:limit:)` next.
    public var id: Int64
    public var kind: Kind
    public var leadID: String
    /// The `lead_events` row of an `event`, else nil.
    public var eventID: Int64?
    /// A JSON object (see docs/schema.md), or nil for `lead_created`.
    public var detail: JSON?
    /// When it arrived, epoch seconds with fractions.
    public var receivedAt: Double

    public init(id: Int64, kind: Kind, leadID: String, eventID: Int64?, detail: JSON?, receivedAt: Double) {
        self.id = id
        self.kind = kind
        self.leadID = leadID
        self.eventID = eventID
        self.detail = detail
        self.receivedAt = receivedAt
    }

    /// The change a live record made, for the three kinds the intake writes.
    public var arrival: LiveArrival? {
        switch kind {
        case .leadCreated: return .leadCreated(lead: leadID)
        case .leadChanged:
            let names: [String]
            if case .array(let items)? = detail?["properties"] {
                names = items.compactMap(\.string)
            } else {
                names = []
            }
            return .leadChanged(
                lead: leadID, properties: names, consents: detail?["consents"] == .bool(true),
                timeZone: detail?["time_zone"] == .bool(true))
        case .event:
            guard let eventID else { return nil }
            return .event(id: eventID, lead: leadID, type: detail?["type"]?.string ?? "")
        case .deliveryDead: return nil
        }
    }
}

extension Workspace {
    /// Arrivals with an id above `cursor`, in order, at most `limit`.
    public func liveArrivals(after cursor: Int64, limit: Int) throws(WorkspaceError) -> [LiveArrivalRow] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM live_arrivals WHERE id > ? ORDER BY id LIMIT ?",
                arguments: [cursor, limit]
            ).compactMap(Self.liveArrival)
        }
    }

    /// The id of the newest arrival, 0 when there is none.
    public func lastLiveArrivalID() throws(WorkspaceError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM live_arrivals") ?? 0 }
    }

    static func liveArrival(_ row: Row) -> LiveArrivalRow? {
        guard let kind = LiveArrivalRow.Kind(rawValue: row["kind"]) else { return nil }
        let detailText: String? = row["detail"]
        return LiveArrivalRow(
            id: row["id"], kind: kind, leadID: row["lead_id"], eventID: row["event_id"],
            detail: detailText.flatMap { try? JSON.parse($0) }, receivedAt: row["received_at"])
    }

    /// Writes one `live_arrivals` row per arrival, inside the caller's transaction (the one that
    /// stored them), so the runtime never sees a change that was rolled back nor misses one.
    static func recordLiveArrivals(_ arrivals: [LiveArrival], in db: Database, at now: Double) throws {
        let statement = try db.cachedStatement(
            sql:
                "INSERT INTO live_arrivals (kind, lead_id, event_id, detail, received_at) VALUES (?, ?, ?, ?, ?)"
        )
        for arrival in arrivals {
            switch arrival {
            case .leadCreated(let lead):
                try statement.execute(arguments: [
                    LiveArrivalRow.Kind.leadCreated.rawValue, lead, nil, nil, now,
                ])
            case .leadChanged(let lead, let properties, let consents, let timeZone):
                let detail = JSON.object([
                    "properties": .array(properties.map(JSON.string)), "consents": .bool(consents),
                    "time_zone": .bool(timeZone),
                ])
                try statement.execute(arguments: [
                    LiveArrivalRow.Kind.leadChanged.rawValue, lead, nil, JSONText.encode(detail), now,
                ])
            case .event(let id, let lead, let type):
                let detail = JSONText.encode(JSON.object(["type": .string(type)]))
                try statement.execute(arguments: [LiveArrivalRow.Kind.event.rawValue, lead, id, detail, now])
            }
        }
    }

    /// Writes a `delivery_dead` arrival for outbox row `id`, inside the transaction that marked
    /// it dead: detail `{"idempotency_key", "journey", "node", "reason", "version"}`.
    static func recordDeadDelivery(outboxID id: Int64, reason: String, in db: Database, at now: Double) throws
    {
        try db.execute(
            sql: """
                INSERT INTO live_arrivals (kind, lead_id, detail, received_at)
                SELECT 'delivery_dead', lead_id,
                    json_object('idempotency_key', idempotency_key, 'journey', journey, 'node', node,
                        'reason', ?, 'version', version), ?
                FROM outbox WHERE id = ?
                """, arguments: [reason, now, id])
    }
}
