import GRDB

/// The sequences of nodes executions took, counted, so a funnel over any stages "in order"
/// is answered from a few hundred rows instead of a join over every stay of a big run.
/// And an index for the report's look-up of halted and failed executions by reason.
enum RunPathSchema {
    static func paths(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE run_path_summary (
                    run_id     INTEGER NOT NULL REFERENCES runs(id),
                    path       TEXT NOT NULL,
                    executions INTEGER NOT NULL,
                    PRIMARY KEY (run_id, path)
                ) STRICT, WITHOUT ROWID;
                CREATE INDEX workflow_executions_by_status ON workflow_executions(run_id, status);
                """)
    }
}
