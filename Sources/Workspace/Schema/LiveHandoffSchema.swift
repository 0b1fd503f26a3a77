import GRDB

/// Handoffs of live executions have a lifecycle a replay's do not: they queue, are assigned,
/// accepted, completed or released by people, on the wall clock. The columns say where each
/// stands and when (REAL epoch seconds with fractions, so handoff time is measured from real
/// timestamps); replay rows keep them NULL. Two partial indexes serve the router: open
/// assignments per agent (its load) and the queue, oldest first.
enum LiveHandoffSchema {
    static func lifecycle(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE agent_handoffs ADD COLUMN state TEXT
                    CHECK (state IN ('queued', 'assigned', 'accepted', 'completed', 'no_agent'));
                ALTER TABLE agent_handoffs ADD COLUMN target TEXT;
                ALTER TABLE agent_handoffs ADD COLUMN journey TEXT;
                ALTER TABLE agent_handoffs ADD COLUMN journey_version INTEGER;
                ALTER TABLE agent_handoffs ADD COLUMN outbox_key TEXT;
                ALTER TABLE agent_handoffs ADD COLUMN assignments INTEGER;
                ALTER TABLE agent_handoffs ADD COLUMN released_by TEXT;
                ALTER TABLE agent_handoffs ADD COLUMN requested_epoch REAL;
                ALTER TABLE agent_handoffs ADD COLUMN assigned_epoch REAL;
                ALTER TABLE agent_handoffs ADD COLUMN accepted_at REAL;
                ALTER TABLE agent_handoffs ADD COLUMN closed_at REAL;
                CREATE INDEX agent_handoffs_open_by_agent ON agent_handoffs(to_agent_id)
                    WHERE state IN ('assigned', 'accepted');
                CREATE INDEX agent_handoffs_queued ON agent_handoffs(requested_epoch, id)
                    WHERE state = 'queued';
                """)
    }
}
