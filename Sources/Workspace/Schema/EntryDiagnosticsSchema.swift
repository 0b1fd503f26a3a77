import GRDB

/// What the trigger's fires came to in a run (held back, refused by the audience), and which
/// audience leaf refused how many leads at how many fires: so a run that let few leads in can
/// say why, from rows anyone can recompute the explanation from.
enum EntryDiagnosticsSchema {
    static func tables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run_entry_summary (
                    run_id        INTEGER PRIMARY KEY REFERENCES runs(id),
                    trigger_fires INTEGER NOT NULL,
                    held_back     INTEGER NOT NULL,
                    refused       INTEGER NOT NULL,
                    refused_leads INTEGER NOT NULL
                ) STRICT;
                CREATE TABLE run_entry_leaf_summary (
                    run_id     INTEGER NOT NULL REFERENCES runs(id),
                    leaf_index INTEGER NOT NULL,
                    leaf       TEXT NOT NULL,
                    negated    INTEGER NOT NULL,
                    refusals   INTEGER NOT NULL,
                    leads      INTEGER NOT NULL,
                    PRIMARY KEY (run_id, leaf_index)
                ) STRICT, WITHOUT ROWID;
                """)
    }
}
