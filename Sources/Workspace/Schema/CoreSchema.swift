import GRDB

/// Tables for what a team keeps: journeys and their versions, cohorts, agents.
/// Instants are INTEGER seconds since the Unix epoch, UTC (see `EpochSeconds`);
/// JSON is TEXT; the plan's ids are TEXT UUIDs.
enum CoreSchema {
    static func meta(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE meta (
                    key   TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) STRICT;
                """)
        try db.execute(sql: "PRAGMA application_id = \(WorkspaceVersion.applicationID)")
        try db.execute(
            sql:
                "INSERT INTO meta (key, value) VALUES ('application', 'cairn'), ('created_by', ?), ('created_at', ?)",
            arguments: [WorkspaceVersion.app, String(EpochSeconds.now())])
    }

    static func journeys(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE workflows (
                    id             TEXT PRIMARY KEY,
                    slug           TEXT NOT NULL UNIQUE,
                    name           TEXT NOT NULL,
                    description    TEXT,
                    trigger_config TEXT NOT NULL,
                    conditions     TEXT NOT NULL,
                    actions        TEXT NOT NULL,
                    active         INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1)),
                    active_version INTEGER,
                    latest_version INTEGER NOT NULL,
                    created_at     INTEGER NOT NULL,
                    updated_at     INTEGER NOT NULL,
                    archived_at    INTEGER
                ) STRICT;

                CREATE TABLE journey_versions (
                    workflow_id   TEXT NOT NULL REFERENCES workflows(id),
                    version       INTEGER NOT NULL CHECK (version >= 1),
                    yaml          TEXT NOT NULL,
                    content_hash  TEXT NOT NULL,
                    author        TEXT NOT NULL,
                    created_at    INTEGER NOT NULL,
                    message       TEXT,
                    origin        TEXT NOT NULL CHECK (origin IN ('seed', 'import', 'save', 'rollback')),
                    restored_from INTEGER,
                    PRIMARY KEY (workflow_id, version)
                ) STRICT;

                -- History only grows: a version is never rewritten or removed.
                CREATE TRIGGER journey_versions_are_immutable_update BEFORE UPDATE ON journey_versions
                BEGIN SELECT RAISE(ABORT, 'journey versions are immutable'); END;
                CREATE TRIGGER journey_versions_are_immutable_delete BEFORE DELETE ON journey_versions
                BEGIN SELECT RAISE(ABORT, 'journey versions are immutable'); END;

                CREATE TABLE journey_activations (
                    id          INTEGER PRIMARY KEY,
                    workflow_id TEXT NOT NULL REFERENCES workflows(id),
                    version     INTEGER,
                    action      TEXT NOT NULL CHECK (action IN ('activate', 'rollback', 'archive', 'restore')),
                    author      TEXT NOT NULL,
                    at          INTEGER NOT NULL,
                    FOREIGN KEY (workflow_id, version) REFERENCES journey_versions(workflow_id, version)
                ) STRICT;
                CREATE INDEX journey_activations_by_workflow ON journey_activations(workflow_id, id);
                """)
    }

    static func cohorts(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE cohorts (
                    id             INTEGER PRIMARY KEY,
                    name           TEXT NOT NULL UNIQUE,
                    origin         TEXT NOT NULL CHECK (origin IN ('csv', 'jsonl', 'synthetic', 'seed')),
                    sources        TEXT NOT NULL DEFAULT '[]',
                    profile_yaml   TEXT,
                    behavior_model TEXT,
                    seed           INTEGER,
                    lead_count     INTEGER NOT NULL DEFAULT 0,
                    event_count    INTEGER NOT NULL DEFAULT 0,
                    skipped_rows   INTEGER NOT NULL DEFAULT 0,
                    author         TEXT NOT NULL,
                    created_at     INTEGER NOT NULL
                ) STRICT;

                CREATE TABLE leads (
                    cohort_id         INTEGER NOT NULL REFERENCES cohorts(id) ON DELETE CASCADE,
                    lead_id           TEXT NOT NULL,
                    created_at        INTEGER NOT NULL,
                    time_zone         TEXT NOT NULL,
                    consent_email     INTEGER NOT NULL CHECK (consent_email IN (0, 1)),
                    consent_sms       INTEGER NOT NULL CHECK (consent_sms IN (0, 1)),
                    consent_chat      INTEGER NOT NULL CHECK (consent_chat IN (0, 1)),
                    properties        TEXT NOT NULL DEFAULT '{}',
                    segment           TEXT,
                    preferred_channel TEXT CHECK (preferred_channel IN ('email', 'sms', 'chat')),
                    responsiveness    REAL,
                    PRIMARY KEY (cohort_id, lead_id)
                ) STRICT, WITHOUT ROWID;
                -- The engine admits leads in order of creation.
                CREATE INDEX leads_in_entry_order ON leads(cohort_id, created_at, lead_id);

                CREATE TABLE lead_events (
                    id          INTEGER PRIMARY KEY,
                    cohort_id   INTEGER NOT NULL,
                    lead_id     TEXT NOT NULL,
                    type        TEXT NOT NULL,
                    channel     TEXT CHECK (channel IN ('email', 'sms', 'chat')),
                    occurred_at INTEGER NOT NULL,
                    data        TEXT,
                    FOREIGN KEY (cohort_id, lead_id) REFERENCES leads(cohort_id, lead_id) ON DELETE CASCADE
                ) STRICT;
                CREATE INDEX lead_events_by_lead ON lead_events(cohort_id, lead_id, occurred_at);
                """)
    }

    static func agents(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE agents (
                    id            TEXT PRIMARY KEY,
                    name          TEXT NOT NULL,
                    kind          TEXT NOT NULL CHECK (kind IN ('bot', 'human')),
                    channels      TEXT NOT NULL,
                    expertise     TEXT NOT NULL,
                    capacity      INTEGER NOT NULL CHECK (capacity >= 1),
                    time_zone     TEXT NOT NULL,
                    working_hours TEXT,
                    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                    updated_at    INTEGER NOT NULL
                ) STRICT;
                """)
    }
}
