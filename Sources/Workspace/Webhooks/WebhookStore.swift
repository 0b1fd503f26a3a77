import Foundation
import GRDB
import JourneyModel

/// Webhook configurations: added or replaced whole, listed without their secrets, removed.
extension Workspace {
    /// Adds `definition`, or replaces the webhook of that name (its deliveries are kept). The
    /// cohort is created, empty, when there is none of that name yet.
    public func saveWebhook(_ definition: WebhookDefinition, author: String = Workspace.currentAuthor)
        throws(WorkspaceError)
    {
        guard WebhookDefinition.isValidName(definition.name) else {
            throw .invalidWebhook(
                "webhook name '\(definition.name)' must be 1 to 64 letters, digits, '-', '_' or '.'")
        }
        guard !definition.secret.isEmpty else {
            throw .invalidWebhook("webhook '\(definition.name)' needs a non-empty secret")
        }
        let paths =
            [definition.leadIDField] + (definition.timeField.map { [$0] } ?? [])
            + Array(definition.propertyMap.keys)
        for path in paths where !WebhookPayload.isValidPath(path) {
            throw .invalidWebhook("'\(path)' is not a payload field path (names separated by dots)")
        }
        for property in definition.propertyMap.values where property.isEmpty {
            throw .invalidWebhook("a mapped lead property needs a name")
        }
        try Self.checkCohortName(definition.cohort)
        let now = EpochSeconds.now()
        try write { db in
            let cohortID = try Self.webhookCohortID(db, name: definition.cohort, author: author, now: now)
            try db.execute(
                sql: """
                    INSERT INTO webhooks (name, secret, cohort_id, lead_id_field, time_field, property_map,
                        created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET secret = excluded.secret, cohort_id = excluded.cohort_id,
                        lead_id_field = excluded.lead_id_field, time_field = excluded.time_field,
                        property_map = excluded.property_map, updated_at = excluded.updated_at
                    """,
                arguments: [
                    definition.name, definition.secret, cohortID, definition.leadIDField,
                    definition.timeField,
                    JSONText.encode(.object(definition.propertyMap.mapValues(JSON.string))), now, now,
                ])
        }
    }

    /// The cohort a webhook writes into, created when missing. Its origin is `jsonl` (records
    /// arriving as JSON) and its sources say `webhook`.
    static func webhookCohortID(_ db: Database, name: String, author: String, now: Int64) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM cohorts WHERE name = ?", arguments: [name]) {
            return id
        }
        try db.execute(
            sql: """
                INSERT INTO cohorts (name, origin, sources, author, created_at)
                VALUES (?, 'jsonl', '["webhook"]', ?, ?)
                """, arguments: [name, author, now])
        return db.lastInsertedRowID
    }

    /// Every webhook, by name, without secrets.
    public func webhooks() throws(WorkspaceError) -> [WebhookSummary] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT w.*, c.name AS cohort,
                        (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook = w.name) AS deliveries
                    FROM webhooks w JOIN cohorts c ON c.id = w.cohort_id ORDER BY w.name
                    """
            ).map { row in
                WebhookSummary(
                    name: row["name"], cohort: row["cohort"], leadIDField: row["lead_id_field"],
                    timeField: row["time_field"], propertyMap: Self.propertyMap(row["property_map"]),
                    deliveries: row["deliveries"], createdAt: row["created_at"], updatedAt: row["updated_at"])
            }
        }
    }

    /// One webhook with its secret, for the receiver that checks signatures.
    public func webhook(named name: String) throws(WorkspaceError) -> WebhookDefinition {
        let found = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT w.*, c.name AS cohort FROM webhooks w JOIN cohorts c ON c.id = w.cohort_id
                    WHERE w.name = ?
                    """, arguments: [name]
            ).map { row in
                WebhookDefinition(
                    name: row["name"], secret: row["secret"], cohort: row["cohort"],
                    leadIDField: row["lead_id_field"], timeField: row["time_field"],
                    propertyMap: Self.propertyMap(row["property_map"]))
            }
        }
        guard let found else {
            let names = try webhooks().map(\.name)
            throw .webhookNotFound(name, suggestion: Suggestion.closest(to: name, among: names))
        }
        return found
    }

    /// Removes a webhook and its delivery log; the events it recorded stay in their cohort.
    public func removeWebhook(named name: String) throws(WorkspaceError) {
        _ = try webhook(named: name)
        try write { db in
            try db.execute(sql: "DELETE FROM webhooks WHERE name = ?", arguments: [name])
        }
    }

    static func propertyMap(_ text: String) -> [String: String] {
        guard case .object(let fields)? = try? JSON.parse(text) else { return [:] }
        return fields.compactMapValues(\.string)
    }
}
