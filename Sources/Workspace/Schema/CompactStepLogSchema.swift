import GRDB

/// The step log stored compactly (migration `v9-compact-step-log`): a million-lead replay writes
/// some fourteen million step rows, so each is a handful of small integers. Words (node ids,
/// outcomes, statuses, channels, templates, triggers) are codes into `step_words`; times are
/// seconds after the execution started; an execution's stays and messages are keyed by its key
/// and their place in it (`key × 8192 + n`), so they sit together in their tables with no index;
/// a decision's explanation is its leaves' verdicts and actual values, the leaves themselves
/// once per journey version in `decision_leaves`. The documented tables `workflow_executions`,
/// `node_stays` and `messages` are views over these (`StepLogViews`), so every query in the docs
/// reads as before. Existing rows move over through those views' insert triggers.
enum CompactStepLogSchema {
    /// How many stays (and how many messages) one execution can hold: its rows' ids are
    /// `key × 8192 + 1 ...`. A journey's `max_steps` is bounded well below it.
    static let rowsPerExecution: Int64 = 8192

    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE workflow_executions RENAME TO old_workflow_executions;
                ALTER TABLE node_stays RENAME TO old_node_stays;
                ALTER TABLE messages RENAME TO old_messages;
                """)
        try db.execute(sql: tables)
        // The statuses' codes are fixed, so an index can name the two a report looks up.
        try db.execute(
            sql: """
                INSERT INTO step_words (code, word) VALUES
                    (1, 'active'), (2, 'completed'), (3, 'converted'), (4, 'exited'), (5, 'halted'), (6, 'failed');
                CREATE INDEX execution_rows_halted_or_failed ON execution_rows(run_id, status, reason)
                    WHERE status IN (5, 6);
                """)
        try StepLogViews.create(db)
        try db.execute(
            sql: """
                INSERT INTO workflow_executions SELECT * FROM old_workflow_executions ORDER BY run_id, id;
                INSERT INTO node_stays SELECT * FROM old_node_stays ORDER BY run_id, lead_id, rotation, id;
                INSERT INTO messages SELECT * FROM old_messages ORDER BY run_id, lead_id, rotation, id;
                """)
        try rebuildHandoffs(db)
        try db.execute(
            sql: """
                DROP TABLE old_node_stays;
                DROP TABLE old_messages;
                DROP TABLE old_workflow_executions;
                """)
    }

    /// `agent_handoffs.execution_id` referred to `workflow_executions(id)`, which is now a view
    /// a foreign key cannot name: the table is rebuilt without that reference (its values are
    /// unchanged; a handoff still names its execution by id).
    static func rebuildHandoffs(_ db: Database) throws {
        let columns = try db.columns(in: "agent_handoffs").map(\.name).joined(separator: ", ")
        try db.execute(
            sql: """
                CREATE TABLE new_agent_handoffs (
                    id                 TEXT PRIMARY KEY,
                    run_id             INTEGER REFERENCES runs(id),
                    execution_id       TEXT,
                    lead_id            TEXT NOT NULL,
                    from_agent_id      TEXT REFERENCES agents(id),
                    to_agent_id        TEXT REFERENCES agents(id),
                    handoff_reason     TEXT NOT NULL,
                    context            TEXT NOT NULL DEFAULT '{}',
                    created_at         INTEGER NOT NULL,
                    assigned_at        INTEGER,
                    queue_wait_seconds INTEGER,
                    node_id            TEXT,
                    rule               TEXT,
                    state              TEXT
                        CHECK (state IN ('queued', 'assigned', 'accepted', 'completed', 'no_agent')),
                    target             TEXT,
                    journey            TEXT,
                    journey_version    INTEGER,
                    outbox_key         TEXT,
                    assignments        INTEGER,
                    released_by        TEXT,
                    requested_epoch    REAL,
                    assigned_epoch     REAL,
                    accepted_at        REAL,
                    closed_at          REAL
                ) STRICT;
                INSERT INTO new_agent_handoffs (\(columns)) SELECT \(columns) FROM agent_handoffs;
                DROP TABLE agent_handoffs;
                ALTER TABLE new_agent_handoffs RENAME TO agent_handoffs;
                CREATE INDEX agent_handoffs_by_run ON agent_handoffs(run_id, handoff_reason);
                CREATE INDEX agent_handoffs_by_lead ON agent_handoffs(run_id, lead_id);
                CREATE INDEX agent_handoffs_open_by_agent ON agent_handoffs(to_agent_id)
                    WHERE state IN ('assigned', 'accepted');
                CREATE INDEX agent_handoffs_queued ON agent_handoffs(requested_epoch, id)
                    WHERE state = 'queued';
                """)
    }

    static let tables = """
        CREATE TABLE step_words (
            code INTEGER PRIMARY KEY,
            word TEXT NOT NULL UNIQUE
        ) STRICT;

        CREATE TABLE execution_rows (
            key          INTEGER PRIMARY KEY,
            run_id       INTEGER NOT NULL REFERENCES runs(id),
            lead_id      TEXT NOT NULL,
            rotation     INTEGER NOT NULL CHECK (rotation >= 1),
            status       INTEGER NOT NULL,
            current_step INTEGER,
            trigger      INTEGER,
            steps        INTEGER,
            reason       INTEGER,
            started_at   INTEGER NOT NULL,
            ended_after  INTEGER,
            uuid         TEXT
        ) STRICT;
        CREATE UNIQUE INDEX execution_rows_by_lead ON execution_rows(run_id, lead_id, rotation);
        CREATE UNIQUE INDEX execution_rows_by_uuid ON execution_rows(uuid) WHERE uuid IS NOT NULL;

        CREATE TABLE stay_rows (
            id        INTEGER PRIMARY KEY,
            node      INTEGER NOT NULL,
            visit     INTEGER NOT NULL,
            entered   INTEGER NOT NULL,
            dwell     INTEGER,
            outcome   INTEGER,
            next      INTEGER,
            verdicts  TEXT
        ) STRICT;

        CREATE TABLE message_rows (
            id           INTEGER PRIMARY KEY,
            node         INTEGER NOT NULL,
            channel      INTEGER NOT NULL,
            template     INTEGER,
            status       INTEGER NOT NULL,
            reason       INTEGER,
            requested    INTEGER NOT NULL,
            sent         INTEGER,
            opened       INTEGER,
            clicked      INTEGER,
            replied      INTEGER,
            unsubscribed INTEGER
        ) STRICT;

        CREATE TABLE decision_leaves (
            workflow_id TEXT NOT NULL,
            version     INTEGER NOT NULL,
            node_id     TEXT NOT NULL,
            leaf        INTEGER NOT NULL,
            branch      INTEGER NOT NULL,
            type        TEXT NOT NULL,
            field       TEXT NOT NULL,
            operator    TEXT NOT NULL,
            expected    TEXT NOT NULL,
            PRIMARY KEY (workflow_id, version, node_id, leaf)
        ) STRICT, WITHOUT ROWID;
        """
}
