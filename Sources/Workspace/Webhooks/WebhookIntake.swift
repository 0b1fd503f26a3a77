import Foundation
import GRDB
import JourneyModel

/// Recording a verified webhook delivery as a lead event, in one transaction: the lead is
/// created or its mapped properties updated, a `webhook` event named after the webhook is
/// added, and the delivery is logged so the same signature is refused next time. The lead and
/// the event land in the webhook's own cohort and in the `live` cohort (once, when the
/// webhook's cohort is `live`), as any live record does (docs/live.md).
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
            let own = try event.record(db, cohortID: cohortID, cohortName: definition.cohort, now: now)
            var arrivals = own.writer.intake.arrivals
            let liveID = try Self.liveCohortID(db, author: Workspace.currentAuthor, now: now)
            if liveID != cohortID {
                arrivals = try event.record(db, cohortID: liveID, cohortName: LiveIntake.cohortName, now: now)
                    .writer.intake.arrivals
            }
            try Self.recordLiveArrivals(arrivals, in: db, at: Date().timeIntervalSince1970)
            try db.execute(
                sql: """
                    INSERT INTO webhook_deliveries (webhook, signature, signed_at, received_at, lead_id, event_id)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    definition.name, delivery.signature, delivery.signedAt, now, event.leadID, own.eventID,
                ])
            return WebhookReceipt(
                webhook: definition.name, cohort: definition.cohort, lead: event.leadID,
                leadCreated: own.writer.intake.leadsCreated > 0, eventID: own.eventID,
                occurredAt: event.occurredAt, properties: event.properties.keys.sorted(), arrivals: arrivals)
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

    /// Creates the lead in the cohort or merges the mapped properties into it (a live lead
    /// record giving only properties: created at the event's time, in `UTC`, without
    /// consents), then appends the `webhook` event, whose data is the mapped properties and the
    /// webhook's name; the cohort's counts follow.
    func record(_ db: Database, cohortID: Int64, cohortName: String, now: Int64) throws -> (
        writer: LiveLeadWriter, eventID: Int64
    ) {
        let writer = LiveLeadWriter(db: db, cohortID: cohortID, cohortName: cohortName, now: now)
        var lead = LeadRow(
            id: leadID, createdAt: occurredAt, timeZone: "UTC", consents: [],
            propertiesJSON: JSONText.encode(properties))
        lead.timeZoneGiven = false
        lead.consentsGiven = false
        try writer.upsert(lead)
        var data = properties
        data["name"] = .string(webhook)
        let eventID = try writer.append(
            EventRow(
                leadID: leadID, type: "webhook", channel: nil, occurredAt: occurredAt,
                dataJSON: JSONText.encode(data)))
        try writer.finish()
        return (writer, eventID)
    }
}
