import GRDB

/// Live delivery: the channels `cairn import channels` configured (secrets stay in the
/// environment; only the variable's name is kept) and the outbox, one row per outward action
/// (send, notify, handoff, webhook) written in the step's transaction, with an idempotency key
/// so a delivery repeated after a crash carries the same key.
enum DeliverySchema {
    static func delivery(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE delivery_channels (
                    name            TEXT PRIMARY KEY,
                    deliver         TEXT NOT NULL CHECK (deliver IN ('file', 'http')),
                    path            TEXT,
                    url             TEXT,
                    secret_env      TEXT,
                    timeout_seconds INTEGER NOT NULL,
                    retries         INTEGER NOT NULL,
                    backoff_seconds INTEGER NOT NULL,
                    source_file     TEXT NOT NULL,
                    imported_at     INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE outbox (
                    id              INTEGER PRIMARY KEY,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    journey         TEXT NOT NULL,
                    version         INTEGER NOT NULL,
                    node            TEXT NOT NULL,
                    lead_id         TEXT NOT NULL,
                    channel         TEXT NOT NULL,
                    recipient       TEXT,
                    template        TEXT,
                    payload         TEXT NOT NULL DEFAULT '{}',
                    requested_at    REAL NOT NULL,
                    due_at          REAL NOT NULL,
                    attempts        INTEGER NOT NULL DEFAULT 0,
                    state           TEXT NOT NULL DEFAULT 'pending'
                                    CHECK (state IN ('pending', 'delivered', 'dead')),
                    last_error      TEXT,
                    delivered_at    REAL,
                    updated_at      REAL NOT NULL
                ) STRICT;
                CREATE INDEX outbox_by_state_and_due ON outbox(state, due_at);
                """)
    }
}
