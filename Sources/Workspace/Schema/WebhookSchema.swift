import GRDB

/// Webhooks that feed lead events into a cohort: each with its own signing secret and the
/// mapping from payload fields to the lead, and the deliveries already taken, so a replayed
/// delivery (the same signature again) is refused.
enum WebhookSchema {
    static func webhooks(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE webhooks (
                    name          TEXT PRIMARY KEY,
                    secret        TEXT NOT NULL,
                    cohort_id     INTEGER NOT NULL REFERENCES cohorts(id),
                    lead_id_field TEXT NOT NULL,
                    time_field    TEXT,
                    property_map  TEXT NOT NULL DEFAULT '{}',
                    created_at    INTEGER NOT NULL,
                    updated_at    INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE webhook_deliveries (
                    webhook     TEXT NOT NULL REFERENCES webhooks(name) ON DELETE CASCADE,
                    signature   TEXT NOT NULL,
                    signed_at   INTEGER NOT NULL,
                    received_at INTEGER NOT NULL,
                    lead_id     TEXT NOT NULL,
                    event_id    INTEGER NOT NULL REFERENCES lead_events(id) ON DELETE CASCADE,
                    PRIMARY KEY (webhook, signature)
                ) STRICT;
                -- Deliveries older than the signature window are pruned by signing time.
                CREATE INDEX webhook_deliveries_by_signing_time ON webhook_deliveries(signed_at);
                """)
    }
}
