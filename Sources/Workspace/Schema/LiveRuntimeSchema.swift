import GRDB

/// What the live runtime keeps: the lease that lets one automation process per workspace
/// schedule, each journey's operator or guard state, the live run of each journey version, the
/// durable position of every lead in flight, and the ordered inbox of arrivals the runtime
/// consumes by cursor. Also widens two CHECKs: `runs.mode` takes `live` and `outbox.state` takes
/// `skipped_stale`. A STRICT table's CHECK cannot be altered, so `runs` and `outbox` are
/// rebuilt the SQLite way (new table, copy, drop, rename, indexes again); GRDB runs a migration
/// with foreign keys off and checks them before committing.
enum LiveRuntimeSchema {
    static func runtime(_ db: Database) throws {
        try rebuildRuns(db)
        try rebuildOutbox(db)
        try createTables(db)
    }

    // Long on purpose: the table as docs/schema.md lists it, with one CHECK widened.
    static func rebuildRuns(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE runs_v5 (
                    id                  INTEGER PRIMARY KEY,
                    workflow_id         TEXT NOT NULL REFERENCES workflows(id),
                    journey_version     INTEGER NOT NULL,
                    cohort_id           INTEGER NOT NULL REFERENCES cohorts(id),
                    seed                INTEGER NOT NULL,
                    mode                TEXT NOT NULL CHECK (mode IN ('recorded', 'simulated', 'mixed', 'live')),
                    engine_version      TEXT NOT NULL,
                    status              TEXT NOT NULL
                        CHECK (status IN ('running', 'completed', 'cancelled', 'interrupted', 'failed')),
                    status_reason       TEXT,
                    options             TEXT NOT NULL DEFAULT '{}',
                    horizon_at          INTEGER,
                    started_at          INTEGER NOT NULL,
                    finished_at         INTEGER,
                    writer_pid          INTEGER,
                    writer_host         TEXT,
                    leads               INTEGER NOT NULL DEFAULT 0,
                    entries             INTEGER NOT NULL DEFAULT 0,
                    conversions         INTEGER NOT NULL DEFAULT 0,
                    executions_failed   INTEGER NOT NULL DEFAULT 0,
                    executions_halted   INTEGER NOT NULL DEFAULT 0,
                    messages_sent       INTEGER NOT NULL DEFAULT 0,
                    messages_suppressed INTEGER NOT NULL DEFAULT 0,
                    handoffs            INTEGER NOT NULL DEFAULT 0,
                    FOREIGN KEY (workflow_id, journey_version) REFERENCES journey_versions(workflow_id, version)
                ) STRICT;
                INSERT INTO runs_v5 SELECT * FROM runs;
                DROP TABLE runs;
                ALTER TABLE runs_v5 RENAME TO runs;
                CREATE INDEX runs_by_workflow ON runs(workflow_id, id);
                CREATE INDEX runs_by_status ON runs(status);
                """)
    }

    static func rebuildOutbox(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outbox_v5 (
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
                                    CHECK (state IN ('pending', 'delivered', 'dead', 'skipped_stale')),
                    last_error      TEXT,
                    delivered_at    REAL,
                    updated_at      REAL NOT NULL
                ) STRICT;
                INSERT INTO outbox_v5 SELECT * FROM outbox;
                DROP TABLE outbox;
                ALTER TABLE outbox_v5 RENAME TO outbox;
                CREATE INDEX outbox_by_state_and_due ON outbox(state, due_at);
                """)
    }

    // Long on purpose: one migration's tables, declared as one SQL script as docs/schema.md lists them.
    static func createTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE automation_lease (
                    id           INTEGER PRIMARY KEY CHECK (id = 1),
                    holder       TEXT NOT NULL,
                    pid          INTEGER NOT NULL,
                    host         TEXT NOT NULL,
                    acquired_at  REAL NOT NULL,
                    heartbeat_at REAL NOT NULL
                ) STRICT;

                CREATE TABLE live_journeys (
                    workflow_id TEXT PRIMARY KEY REFERENCES workflows(id),
                    state       TEXT NOT NULL CHECK (state IN ('running', 'paused')),
                    reason      TEXT,
                    changed_at  REAL NOT NULL
                ) STRICT;

                CREATE TABLE live_runs (
                    run_id         INTEGER PRIMARY KEY REFERENCES runs(id),
                    workflow_id    TEXT NOT NULL,
                    version        INTEGER NOT NULL,
                    arrival_cursor INTEGER NOT NULL DEFAULT 0,
                    started_at     REAL NOT NULL,
                    UNIQUE (workflow_id, version)
                ) STRICT;

                CREATE TABLE live_leads (
                    run_id       INTEGER NOT NULL REFERENCES runs(id),
                    lead_id      TEXT NOT NULL,
                    execution_id TEXT,
                    node_id      TEXT,
                    visit        INTEGER,
                    due_at       REAL,
                    waits_for    TEXT,
                    deadline_at  REAL,
                    state        TEXT NOT NULL,
                    updated_at   REAL NOT NULL,
                    PRIMARY KEY (run_id, lead_id)
                ) STRICT;
                CREATE INDEX live_leads_by_due ON live_leads(due_at) WHERE due_at IS NOT NULL;

                CREATE TABLE live_arrivals (
                    id          INTEGER PRIMARY KEY,
                    kind        TEXT NOT NULL
                        CHECK (kind IN ('lead_created', 'lead_changed', 'event', 'delivery_dead')),
                    lead_id     TEXT NOT NULL,
                    event_id    INTEGER,
                    detail      TEXT,
                    received_at REAL NOT NULL
                ) STRICT;
                """)
    }
}
