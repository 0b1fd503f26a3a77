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
        let payload = delivery.payload
        guard case .object = payload else {
            throw .invalidWebhookPayload("the payload must be a JSON object, found \(payload.kindName)")
        }
        guard let leadID = WebhookPayload.leadID(at: definition.leadIDField, in: payload) else {
            throw .invalidWebhookPayload(
                "the payload has no lead id at '\(definition.leadIDField)' (text or a whole number)")
        }
        var occurredAt = delivery.signedAt
        if let timeField = definition.timeField {
            switch WebhookPayload.instant(at: timeField, in: payload) {
            case .absent: break
            case .instant(let seconds): occurredAt = seconds
            case .unreadable:
                throw .invalidWebhookPayload(
                    "'\(timeField)' is not a time (ISO-8601 like 2026-11-02T09:30:00Z, or epoch seconds)")
            }
        }
        var mapped: [String: Value] = [:]
        for (path, property) in definition.propertyMap {
            guard let json = WebhookPayload.value(at: path, in: payload) else { continue }
            guard let value = json.propertyValue else {
                throw .invalidWebhookPayload(
                    "'\(path)' is an object; a lead property takes text, numbers, booleans or lists")
            }
            mapped[property] = value
        }
        var eventData = mapped
        eventData["name"] = .string(definition.name)
        let eventJSON = JSONText.encode(eventData)
        let now = EpochSeconds.now()
        let properties = mapped
        let eventTime = occurredAt
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
            let existing = try String.fetchOne(
                db, sql: "SELECT properties FROM leads WHERE cohort_id = ? AND lead_id = ?",
                arguments: [cohortID, leadID])
            if let existing {
                if !properties.isEmpty {
                    let merged = JSON.properties(fromText: existing).merging(properties) { _, new in new }
                    try db.execute(
                        sql: "UPDATE leads SET properties = ? WHERE cohort_id = ? AND lead_id = ?",
                        arguments: [JSONText.encode(merged), cohortID, leadID])
                }
            } else {
                try db.execute(
                    sql: """
                        INSERT INTO leads (cohort_id, lead_id, created_at, time_zone, consent_email, consent_sms,
                            consent_chat, properties)
                        VALUES (?, ?, ?, 'UTC', 0, 0, 0, ?)
                        """, arguments: [cohortID, leadID, eventTime, JSONText.encode(properties)])
            }
            try db.execute(
                sql: """
                    INSERT INTO lead_events (cohort_id, lead_id, type, channel, occurred_at, data)
                    VALUES (?, ?, 'webhook', NULL, ?, ?)
                    """, arguments: [cohortID, leadID, eventTime, eventJSON])
            let eventID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    UPDATE cohorts SET lead_count = lead_count + ?, event_count = event_count + 1 WHERE id = ?
                    """, arguments: [existing == nil ? 1 : 0, cohortID])
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (webhook, signature, signed_at, received_at, lead_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [definition.name, delivery.signature, delivery.signedAt, now, leadID, eventID])
            return WebhookReceipt(
                webhook: definition.name, cohort: definition.cohort, lead: leadID,
                leadCreated: existing == nil,
                eventID: eventID, occurredAt: eventTime, properties: properties.keys.sorted())
        }
    }
}
