import Foundation
import GRDB
import JourneyModel

/// Recording a verified webhook delivery as a lead event, in one transaction: the lead is
/// created or its mapped properties updated, a `webhook` event named after the webhook is
/// added, and the delivery is logged so the same signature is refused next time.
extension Workspace {
    /// Records `delivery`. Deliveries signed more than `window` seconds ago are pruned from the
    /// log first: the receiver refuses timestamps that old, so the log needs no more.
    @discardableResult
    public func recordWebhookDelivery(_ delivery: WebhookDelivery, window: Int64 = 300)
        throws(WorkspaceError) -> WebhookReceipt
    {
        let definition = try webhook(named: delivery.webhook)
        let event = try WebhookEvent(delivery, definition: definition)
        let now = EpochSeconds.now()
        return try write { db in
            try db.execute(
                sql: "DELETE FROM webhook_deliveries WHERE signed_at < ?", arguments: [now - window])
            let seen = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM webhook_deliveries WHERE webhook = ? AND signature = ?",
                arguments: [definition.name, delivery.signature])
            if seen == true { throw WorkspaceError.webhookReplayed(definition.name) }
            guard
                let cohortID = try Int64.fetchOne(
                    db, sql: "SELECT cohort_id FROM webhooks WHERE name = ?", arguments: [definition.name])
            else { throw WorkspaceError.webhookNotFound(definition.name, suggestion: nil) }
            let created = try event.upsertLead(db, cohortID: cohortID)
            let eventID = try event.insert(db, cohortID: cohortID, leadCreated: created)
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (webhook, signature, signed_at, received_at, lead_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    definition.name, delivery.signature, delivery.signedAt, now, event.leadID, eventID,
                ])
            return WebhookReceipt(
                webhook: definition.name, cohort: definition.cohort, lead: event.leadID, leadCreated: created,
                eventID: eventID, occurredAt: event.occurredAt, properties: event.properties.keys.sorted())
        }
    }
}

/// What a delivery says, read through its webhook's definition: whose event, when, and the
/// lead properties it maps.
private struct WebhookEvent: Sendable {
    var webhook: String
    var leadID: String
    var occurredAt: Int64
    var properties: [String: Value]

    init(_ delivery: WebhookDelivery, definition: WebhookDefinition) throws(WorkspaceError) {
        let payload = delivery.payload
        guard case .object = payload else {
            throw .invalidWebhookPayload("the payload must be a JSON object, found \(payload.kindName)")
        }
        guard let leadID = WebhookPayload.leadID(at: definition.leadIDField, in: payload) else {
            throw .invalidWebhookPayload(
                "the payload has no lead id at '\(definition.leadIDField)' (text or a whole number)")
        }
        webhook = definition.name
        self.leadID = leadID
        occurredAt = try Self.occurredAt(delivery, timeField: definition.timeField)
        properties = try Self.properties(payload, map: definition.propertyMap)
    }

    /// The payload's time field when the definition names one and it is there, else the signing time.
    private static func occurredAt(_ delivery: WebhookDelivery, timeField: String?) throws(WorkspaceError)
        -> Int64
    {
        guard let timeField else { return delivery.signedAt }
        switch WebhookPayload.instant(at: timeField, in: delivery.payload) {
        case .absent: return delivery.signedAt
        case .instant(let seconds): return seconds
        case .unreadable:
            throw .invalidWebhookPayload(
                "'\(timeField)' is not a time (ISO-8601 like 2026-11-02T09:30:00Z, or epoch seconds)")
        }
    }

    private static func properties(_ payload: JSON, map: [String: String]) throws(WorkspaceError)
        -> [String: Value]
    {
        var mapped: [String: Value] = [:]
        for (path, property) in map {
            guard let json = WebhookPayload.value(at: path, in: payload) else { continue }
            guard let value = json.propertyValue else {
                throw .invalidWebhookPayload(
                    "'\(path)' is an object; a lead property takes text, numbers, booleans or lists")
            }
            mapped[property] = value
        }
        return mapped
    }

    /// Creates the lead, or merges the mapped properties into it; true when it was created.
    func upsertLead(_ db: Database, cohortID: Int64) throws -> Bool {
        let existing = try String.fetchOne(
            db, sql: "SELECT properties FROM leads WHERE cohort_id = ? AND lead_id = ?",
            arguments: [cohortID, leadID])
        guard let existing else {
            try db.execute(
                sql: """
                    INSERT INTO leads (cohort_id, lead_id, created_at, time_zone, consent_email, consent_sms,
                        consent_chat, properties)
                    VALUES (?, ?, ?, 'UTC', 0, 0, 0, ?)
                    """, arguments: [cohortID, leadID, occurredAt, JSONText.encode(properties)])
            return true
        }
        if !properties.isEmpty {
            let merged = JSON.properties(fromText: existing).merging(properties) { _, new in new }
            try db.execute(
                sql: "UPDATE leads SET properties = ? WHERE cohort_id = ? AND lead_id = ?",
                arguments: [JSONText.encode(merged), cohortID, leadID])
        }
        return false
    }

    /// Adds the `webhook` event (its data: the mapped properties and the webhook's name) and
    /// counts it and any new lead on the cohort; returns the event's id.
    func insert(_ db: Database, cohortID: Int64, leadCreated: Bool) throws -> Int64 {
        var data = properties
        data["name"] = .string(webhook)
        try db.execute(
            sql: """
                INSERT INTO lead_events (cohort_id, lead_id, type, channel, occurred_at, data)
                VALUES (?, ?, 'webhook', NULL, ?, ?)
                """, arguments: [cohortID, leadID, occurredAt, JSONText.encode(data)])
        let eventID = db.lastInsertedRowID
        try db.execute(
            sql: """
                UPDATE cohorts SET lead_count = lead_count + ?, event_count = event_count + 1 WHERE id = ?
                """, arguments: [leadCreated ? 1 : 0, cohortID])
        return eventID
    }
}
