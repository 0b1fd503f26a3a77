/// The SQL of every figure `cairn live status` shows, as docs/live.md ("Seeing it") prints it:
/// a test checks the page carries each statement verbatim, so anyone with sqlite3 can audit a
/// figure. Parameters: `:run` (the live run), `:journey` (slug), `:version`, `:since` (one hour
/// before `:now`), `:now` (epoch seconds with fractions).
public enum LiveStatusQueries {
    public static let liveRuns = """
        SELECT lr.run_id, w.slug AS journey, lr.version, lr.started_at,
               w.active_version IS lr.version AS active,
               COALESCE(lj.state, 'running') AS state, lj.reason
        FROM live_runs lr
        JOIN workflows w ON w.id = lr.workflow_id
        LEFT JOIN live_journeys lj ON lj.workflow_id = lr.workflow_id
        ORDER BY w.slug, lr.version;
        """

    public static let inFlight = """
        SELECT node_id, COUNT(*) AS executions FROM live_leads
        WHERE run_id = :run AND execution_id IS NOT NULL
        GROUP BY node_id ORDER BY node_id;
        """

    public static let timers = """
        SELECT COUNT(*) AS waiting, MIN(due_at) AS next_due_at FROM live_leads
        WHERE run_id = :run AND due_at IS NOT NULL;
        """

    public static let outbox = """
        SELECT state, COUNT(*) AS n FROM outbox
        WHERE journey = :journey AND version = :version
        GROUP BY state ORDER BY state;
        """

    public static let lastHour = """
        SELECT COALESCE(SUM(state = 'delivered' AND delivered_at >= :since), 0) AS delivered,
               COALESCE(SUM(state = 'dead' AND updated_at >= :since), 0) AS failed
        FROM outbox WHERE journey = :journey AND version = :version;
        """

    public static let successRate = """
        SELECT COUNT(*) AS ended, COALESCE(SUM(status != 'failed'), 0) AS succeeded,
               ROUND(1.0 * SUM(status != 'failed') / COUNT(*), 4) AS success_rate
        FROM workflow_executions WHERE run_id = :run AND status != 'active';
        """

    public static let handoffTimes = """
        SELECT assigned_epoch - requested_epoch AS seconds FROM agent_handoffs
        WHERE run_id = :run AND assigned_epoch IS NOT NULL ORDER BY seconds;
        """

    public static let lease = """
        SELECT holder, pid, host, acquired_at, heartbeat_at, :now - heartbeat_at AS heartbeat_age
        FROM automation_lease;
        """

    /// Every figure by the name docs/live.md gives it (`-- figure: NAME`).
    public static let all: [(name: String, sql: String)] = [
        ("live runs", liveRuns), ("in flight", inFlight), ("timers", timers), ("outbox", outbox),
        ("last hour", lastHour), ("success rate", successRate), ("handoff times", handoffTimes),
        ("lease", lease),
    ]
}
