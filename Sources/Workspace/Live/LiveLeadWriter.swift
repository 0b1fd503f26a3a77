import GRDB
import JourneyModel

/// Writes live records into one cohort inside the caller's write transaction: a lead new to
/// the cohort is inserted, a stored one updated with what its record gives (properties merged,
/// `null` removing one; consents and time zone replaced when given; `created_at` kept), and
/// events appended. Stamps `leads.updated_at` and `lead_events.received_at` with `now` and
/// keeps the cohort's counts right on `finish`.
final class LiveLeadWriter {
    let db: Database
    let cohortID: Int64
    let now: Int64
    private(set) var intake: LiveIntake

    init(db: Database, cohortID: Int64, cohortName: String, now: Int64) {
        self.db = db
        self.cohortID = cohortID
        self.now = now
        intake = LiveIntake(cohort: cohortName)
    }

    func isStored(_ leadID: String) throws -> Bool {
        let statement = try db.cachedStatement(sql: "SELECT 1 FROM leads WHERE cohort_id = ? AND lead_id = ?")
        return try Bool.fetchOne(statement, arguments: [cohortID, leadID]) ?? false
    }

    /// Inserts the lead, or updates the stored one with what the record gives.
    func upsert(_ row: LeadRow) throws {
        let given = JSON.properties(fromText: row.propertiesJSON)
        let statement = try db.cachedStatement(
            sql: """
                SELECT time_zone, consent_email, consent_sms, consent_chat, properties FROM leads
                WHERE cohort_id = ? AND lead_id = ?
                """)
        guard let stored = try Row.fetchOne(statement, arguments: [cohortID, row.id]) else {
            try insert(row, properties: given.filter { $0.value != .null })
            return
        }
        let consents = LeadChunkReader.consents(in: stored, from: 1)
        try update(
            row, given: given,
            stored: (
                timeZone: stored[0], consents: consents, properties: JSON.properties(fromText: stored[4])
            ))
    }

    private func insert(_ row: LeadRow, properties: [String: Value]) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO leads (cohort_id, lead_id, created_at, time_zone, consent_email, consent_sms,
                    consent_chat, properties, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            cohortID, row.id, row.createdAt, row.timeZone, row.consents.contains(.email),
            row.consents.contains(.sms), row.consents.contains(.chat), JSONText.encode(properties), now,
        ])
        intake.leadsCreated += 1
        intake.arrivals.append(.leadCreated(lead: row.id))
    }

    private func update(
        _ row: LeadRow, given: [String: Value],
        stored: (timeZone: String, consents: Set<Channel>, properties: [String: Value])
    ) throws {
        var properties = stored.properties
        for (name, value) in given { properties[name] = value == .null ? nil : value }
        let changed = Set(stored.properties.keys).union(properties.keys)
            .filter { stored.properties[$0] != properties[$0] }.sorted()
        let consents = row.consentsGiven ? row.consents : stored.consents
        let timeZone = row.timeZoneGiven ? row.timeZone : stored.timeZone
        guard !changed.isEmpty || consents != stored.consents || timeZone != stored.timeZone else {
            intake.leadsUnchanged += 1
            return
        }
        let statement = try db.cachedStatement(
            sql: """
                UPDATE leads SET time_zone = ?, consent_email = ?, consent_sms = ?, consent_chat = ?,
                    properties = ?, updated_at = ?
                WHERE cohort_id = ? AND lead_id = ?
                """)
        try statement.execute(arguments: [
            timeZone, consents.contains(.email), consents.contains(.sms), consents.contains(.chat),
            JSONText.encode(properties), now, cohortID, row.id,
        ])
        intake.leadsUpdated += 1
        intake.arrivals.append(
            .leadChanged(
                lead: row.id, properties: changed, consents: consents != stored.consents,
                timeZone: timeZone != stored.timeZone))
    }

    /// Appends the event; its lead must be stored. Returns the `lead_events` row id.
    @discardableResult
    func append(_ row: EventRow) throws -> Int64 {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO lead_events (cohort_id, lead_id, type, channel, occurred_at, data, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
        try statement.execute(arguments: [
            cohortID, row.leadID, row.type, row.channel?.rawValue, row.occurredAt, row.dataJSON, now,
        ])
        let id = db.lastInsertedRowID
        intake.events += 1
        intake.arrivals.append(.event(id: id, lead: row.leadID, type: row.type))
        return id
    }

    /// Adds what was stored to the cohort's counts.
    func finish() throws {
        try db.execute(
            sql: "UPDATE cohorts SET lead_count = lead_count + ?, event_count = event_count + ? WHERE id = ?",
            arguments: [intake.leadsCreated, intake.events, cohortID])
    }
}
