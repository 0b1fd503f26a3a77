import GRDB

/// Leads and events that come in live (`POST /api/records`, `cairn push`, webhooks) change a
/// cohort after it was stored: a lead's properties are updated, events are appended. Two
/// columns say when, so the live runtime (and anyone reading the file) can tell what changed
/// since a moment: both stay NULL for rows that were imported or synthesised.
enum LiveSchema {
    static func intake(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE leads ADD COLUMN updated_at INTEGER;
                ALTER TABLE lead_events ADD COLUMN received_at INTEGER;
                """)
    }
}
