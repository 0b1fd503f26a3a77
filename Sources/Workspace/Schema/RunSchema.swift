import GRDB

/// Tables a replay writes: the run, each lead's execution (the plan's `workflow_executions`),
/// its stays at nodes, messages, handoffs (the plan's `agent_handoffs`), and the summaries
/// written once at the end so dashboards never scan the step log.
enum RunSchema {
    // Long on purpose: one migration's tables, declared as one SQL script as docs/schema.md lists them.
    static func runs(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE runs (
                    id                  INTEGER PRIMARY KEY,
                    workflow_id         TEXT NOT NULL REFERENCES workflows(id),
                    journey_version     INTEGER NOT NULL,
                    cohort_id           INTEGER NOT NULL REFERENCES cohorts(id),
                    seed                INTEGER NOT NULL,
                    mode                TEXT NOT NULL CHECK (mode IN ('recorded', 'simulated', 'mixed')),
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
                CREATE INDEX runs_by_workflow ON runs(workflow_id, id);
                CREATE INDEX runs_by_status ON runs(status);

                CREATE TABLE workflow_executions (
                    id           TEXT PRIMARY KEY,
                    run_id       INTEGER NOT NULL REFERENCES runs(id),
                    workflow_id  TEXT NOT NULL REFERENCES workflows(id),
                    lead_id      TEXT NOT NULL,
                    rotation     INTEGER NOT NULL CHECK (rotation >= 1),
                    status       TEXT NOT NULL
                        CHECK (status IN ('active', 'completed', 'converted', 'exited', 'halted', 'failed')),
                    current_step TEXT,
                    context      TEXT NOT NULL DEFAULT '{}',
                    reason       TEXT,
                    started_at   INTEGER NOT NULL,
                    completed_at INTEGER,
                    UNIQUE (run_id, lead_id, rotation)
                ) STRICT;

                CREATE TABLE node_stays (
                    id           INTEGER PRIMARY KEY,
                    run_id       INTEGER NOT NULL REFERENCES runs(id),
                    lead_id      TEXT NOT NULL,
                    rotation     INTEGER NOT NULL,
                    node_id      TEXT NOT NULL,
                    visit        INTEGER NOT NULL DEFAULT 1,
                    entered_at   INTEGER NOT NULL,
                    exited_at    INTEGER,
                    outcome      TEXT,
                    next_node_id TEXT,
                    explanation  TEXT,
                    UNIQUE (run_id, lead_id, rotation, node_id, visit)
                ) STRICT;
                CREATE INDEX node_stays_by_node ON node_stays(run_id, node_id);

                CREATE TABLE messages (
                    id              INTEGER PRIMARY KEY,
                    run_id          INTEGER NOT NULL REFERENCES runs(id),
                    lead_id         TEXT NOT NULL,
                    rotation        INTEGER NOT NULL,
                    node_id         TEXT NOT NULL,
                    channel         TEXT NOT NULL CHECK (channel IN ('email', 'sms', 'chat')),
                    template        TEXT,
                    status          TEXT NOT NULL CHECK (status IN ('sent', 'suppressed', 'deferred')),
                    reason          TEXT
                        CHECK (reason IN ('consent', 'frequency_cap', 'quiet_hours', 'unsubscribed', 'rate_limit')),
                    requested_at    INTEGER NOT NULL,
                    sent_at         INTEGER,
                    opened_at       INTEGER,
                    clicked_at      INTEGER,
                    replied_at      INTEGER,
                    unsubscribed_at INTEGER
                ) STRICT;
                CREATE INDEX messages_by_lead ON messages(run_id, lead_id);
                CREATE INDEX messages_by_channel ON messages(run_id, channel, status);

                CREATE TABLE agent_handoffs (
                    id                 TEXT PRIMARY KEY,
                    run_id             INTEGER REFERENCES runs(id),
                    execution_id       TEXT REFERENCES workflow_executions(id),
                    lead_id            TEXT NOT NULL,
                    from_agent_id      TEXT REFERENCES agents(id),
                    to_agent_id        TEXT REFERENCES agents(id),
                    handoff_reason     TEXT NOT NULL,
                    context            TEXT NOT NULL DEFAULT '{}',
                    created_at         INTEGER NOT NULL,
                    assigned_at        INTEGER,
                    queue_wait_seconds INTEGER,
                    node_id            TEXT,
                    rule               TEXT
                ) STRICT;
                CREATE INDEX agent_handoffs_by_run ON agent_handoffs(run_id, handoff_reason);
                CREATE INDEX agent_handoffs_by_lead ON agent_handoffs(run_id, lead_id);
                """)
    }

    // Long on purpose: one migration's tables, declared as one SQL script as docs/schema.md lists them.
    static func summaries(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run_node_summary (
                    run_id              INTEGER NOT NULL REFERENCES runs(id),
                    node_id             TEXT NOT NULL,
                    entered             INTEGER NOT NULL DEFAULT 0,
                    exited              INTEGER NOT NULL DEFAULT 0,
                    converted           INTEGER NOT NULL DEFAULT 0,
                    dwell_count         INTEGER NOT NULL DEFAULT 0,
                    dwell_total_seconds INTEGER NOT NULL DEFAULT 0,
                    dwell_min           INTEGER,
                    dwell_p50           INTEGER,
                    dwell_p90           INTEGER,
                    dwell_p99           INTEGER,
                    dwell_max           INTEGER,
                    dwell_histogram     TEXT NOT NULL DEFAULT '[]',
                    PRIMARY KEY (run_id, node_id)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE run_edge_summary (
                    run_id       INTEGER NOT NULL REFERENCES runs(id),
                    from_node_id TEXT NOT NULL,
                    to_node_id   TEXT NOT NULL,
                    label        TEXT NOT NULL DEFAULT '',
                    leads        INTEGER NOT NULL,
                    PRIMARY KEY (run_id, from_node_id, to_node_id, label)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE run_dropoff_summary (
                    run_id  INTEGER NOT NULL REFERENCES runs(id),
                    node_id TEXT NOT NULL,
                    reason  TEXT NOT NULL
                        CHECK (reason IN ('exited', 'halted', 'failed', 'timed_out', 'waiting', 'completed')),
                    leads   INTEGER NOT NULL,
                    PRIMARY KEY (run_id, node_id, reason)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE run_split_summary (
                    run_id      INTEGER NOT NULL REFERENCES runs(id),
                    node_id     TEXT NOT NULL,
                    path        TEXT NOT NULL,
                    is_holdout  INTEGER NOT NULL DEFAULT 0 CHECK (is_holdout IN (0, 1)),
                    weight      REAL NOT NULL,
                    leads       INTEGER NOT NULL,
                    conversions INTEGER NOT NULL,
                    PRIMARY KEY (run_id, node_id, path)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE run_channel_summary (
                    run_id                   INTEGER NOT NULL REFERENCES runs(id),
                    channel                  TEXT NOT NULL,
                    sent                     INTEGER NOT NULL DEFAULT 0,
                    deferred                 INTEGER NOT NULL DEFAULT 0,
                    suppressed_consent       INTEGER NOT NULL DEFAULT 0,
                    suppressed_frequency_cap INTEGER NOT NULL DEFAULT 0,
                    suppressed_quiet_hours   INTEGER NOT NULL DEFAULT 0,
                    suppressed_unsubscribed  INTEGER NOT NULL DEFAULT 0,
                    opened                   INTEGER NOT NULL DEFAULT 0,
                    clicked                  INTEGER NOT NULL DEFAULT 0,
                    replied                  INTEGER NOT NULL DEFAULT 0,
                    converted                INTEGER NOT NULL DEFAULT 0,
                    unsubscribed             INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (run_id, channel)
                ) STRICT, WITHOUT ROWID;

                CREATE TABLE run_handoff_summary (
                    run_id             INTEGER NOT NULL REFERENCES runs(id),
                    from_agent_id      TEXT NOT NULL DEFAULT '',
                    to_agent_id        TEXT NOT NULL DEFAULT '',
                    handoff_reason     TEXT NOT NULL,
                    handoffs           INTEGER NOT NULL,
                    queued             INTEGER NOT NULL DEFAULT 0,
                    wait_total_seconds INTEGER NOT NULL DEFAULT 0,
                    wait_p50           INTEGER,
                    wait_p90           INTEGER,
                    within_30s         INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (run_id, from_agent_id, to_agent_id, handoff_reason)
                ) STRICT, WITHOUT ROWID;
                """)
    }
}
