import GRDB

/// An index on event types, so the studio can list the distinct event names of every cohort
/// by skipping from one type to the next (a few lookups per type) instead of scanning events.
enum EventTypeSchema {
    static func index(_ db: Database) throws {
        try db.execute(sql: "CREATE INDEX lead_events_by_type ON lead_events(type, channel);")
    }
}
