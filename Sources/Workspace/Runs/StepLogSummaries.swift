import Foundation
import GRDB
import JourneyModel

extension Workspace {
    /// Rewrites a run's summary tables and derivable totals from its step log
    /// (`workflow_executions`, `node_stays`, `messages`, `agent_handoffs`, `conversions`) with
    /// plain SQL, in one write transaction: a reader sees the old summaries or the new ones, never
    /// a mix. A replay's recorder writes its summaries once from the engine's tally; a live run
    /// has no end and no process that holds its tally across restarts, so its summaries are
    /// recomputed this way, every few seconds. The figures are the replay's, as
    /// docs/analytics.md defines them; the two the step log cannot give are listed there under
    /// "Live runs". `now` is stored as the run's `options.summarized_at` (epoch seconds), so a
    /// reader can say how fresh they are.
    public func refreshRunSummaries(run runID: Int64, now: Date) throws(WorkspaceError) {
        try write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT v.yaml, r.mode, r.status FROM runs r
                    JOIN journey_versions v ON v.workflow_id = r.workflow_id AND v.version = r.journey_version
                    WHERE r.id = ?
                    """, arguments: [runID])
            guard let row, let yaml = row["yaml"] as String? else {
                throw WorkspaceError.invalidArgument("no run \(runID) in this workspace")
            }
            // A replay still running writes its own summaries when it ends; rows written now
            // would collide with them.
            if row["mode"] != "live", row["status"] == "running" {
                throw WorkspaceError.invalidArgument(
                    "run \(runID) is a replay still running: its summaries are written when it ends")
            }
            guard let journey = JourneyReader.read(yaml, file: "run \(runID)").journey else {
                throw WorkspaceError.invalidArgument("run \(runID)'s journey version no longer reads")
            }
            let liveLeads = try db.tableExists("live_leads")
            let summaries = StepLogSummaries(
                db: db, runID: runID, shape: StepLogJourneyShape(journey: journey), readsLiveLeads: liveLeads)
            try summaries.rewrite(now: now)
        }
    }
}

/// The run summaries as SQL over the step log, one function per table. Every statement reads
/// only the run's rows (each step-log table has an index that starts with `run_id`).
struct StepLogSummaries {
    let db: Database
    let runID: Int64
    let shape: StepLogJourneyShape
    /// Whether `live_leads` exists (migration v5): a live run keeps its in-flight positions
    /// there, not as open `node_stays` rows.
    let readsLiveLeads: Bool

    static let tables = [
        "run_node_summary", "run_edge_summary", "run_dropoff_summary", "run_split_summary",
        "run_channel_summary", "run_handoff_summary", "run_path_summary",
    ]

    /// The run's id as a SQL literal: an integer, so it is safe to write into the text, and it
    /// leaves the `?` placeholders to the journey's tables.
    var run: String { String(runID) }

    func rewrite(now: Date) throws {
        for table in Self.tables {
            try db.execute(sql: "DELETE FROM \(table) WHERE run_id = \(run)")
        }
        try writeNodeSummary()
        try writeEdgeSummary()
        try writeDropoffSummary()
        try writeSplitSummary()
        try writeChannelSummary()
        try writeHandoffSummary()
        try writePathSummary()
        try writeTotals(now: now)
    }

    /// `in_flight (lead_id, rotation, node_id, visit)`: where the live run's in-flight executions
    /// are, from `live_leads`, when that position has no `node_stays` row yet (a live stay is
    /// written when the lead leaves the node). Empty for a replay, whose open stays are rows.
    var inFlightTable: String {
        guard readsLiveLeads else {
            return "in_flight (lead_id, rotation, node_id, visit) AS (SELECT NULL, NULL, NULL, NULL WHERE 0)"
        }
        return """
            in_flight (lead_id, rotation, node_id, visit) AS (
                SELECT e.lead_id, e.rotation, l.node_id, l.visit
                FROM live_leads l
                JOIN workflow_executions e
                    ON e.run_id = l.run_id AND e.lead_id = l.lead_id AND e.id = l.execution_id
                WHERE l.run_id = \(run) AND e.status = 'active' AND l.node_id IS NOT NULL
                    AND NOT EXISTS (
                        SELECT 1 FROM node_stays s
                        WHERE s.run_id = \(run) AND s.lead_id = e.lead_id AND s.rotation = e.rotation
                            AND s.node_id = l.node_id AND s.visit = l.visit))
            """
    }

    /// The SQL for the 1-based nearest rank of the p-th percentile among `count` values:
    /// ⌈p/100 × n⌉ clamped to 1...n, in the same floating-point steps as `Percentile.rank`.
    static func nearestRank(_ percent: Int, of count: String) -> String {
        let product = "(\(percent) / 100.0 * \(count))"
        return
            "MIN(MAX(CAST(\(product) AS INTEGER) + (\(product) > CAST(\(product) AS INTEGER)), 1), \(count))"
    }

    /// The histogram's buckets (`DurationHistogram.edges`) as a JSON array: per bucket, the sum
    /// of `count` over the rows whose `value` falls in it.
    static func histogram(of value: String, counting count: String) -> String {
        let edges = DurationHistogram.edges
        let buckets = (0...edges.count).map { index -> String in
            var tests: [String] = []
            if index > 0 { tests.append("\(value) >= \(edges[index - 1])") }
            if index < edges.count { tests.append("\(value) < \(edges[index])") }
            return "COALESCE(SUM(CASE WHEN \(tests.joined(separator: " AND ")) THEN \(count) END), 0)"
        }
        return "json_array(\(buckets.joined(separator: ", ")))"
    }

    /// The histogram of a node no stay has left yet: every bucket 0.
    static var emptyHistogram: String {
        "[" + Array(repeating: "0", count: DurationHistogram.edges.count + 1).joined(separator: ",") + "]"
    }

    /// Arrivals (first visits, open stays included), ended stays and their dwell, and the
    /// conversions at each node. Dwell is counted by distinct value first, as the engine's
    /// `DurationTally` does: the percentiles then walk a few rows per node, not every stay.
    func writeNodeSummary() throws {
        try db.execute(
            sql: """
                WITH \(inFlightTable),
                arrivals (node_id, entered) AS (
                    SELECT node_id, COUNT(CASE WHEN visit = 1 THEN 1 END) FROM (
                        SELECT node_id, visit FROM node_stays WHERE run_id = \(run)
                        UNION ALL
                        SELECT node_id, visit FROM in_flight)
                    GROUP BY node_id),
                dwells (node_id, dwell, stays) AS (
                    SELECT node_id, exited_at - entered_at, COUNT(*) FROM node_stays
                    WHERE run_id = \(run) AND exited_at IS NOT NULL GROUP BY node_id, exited_at - entered_at),
                tallied AS (
                    SELECT node_id, dwell, stays,
                        SUM(stays) OVER (PARTITION BY node_id ORDER BY dwell) AS through,
                        SUM(stays) OVER (PARTITION BY node_id) AS ended
                    FROM dwells),
                dwell_stats (node_id, ended, total, least, p50, p90, p99, most, histogram) AS (
                    SELECT node_id, ended, SUM(dwell * stays), MIN(dwell),
                        MIN(CASE WHEN through >= \(Self.nearestRank(50, of: "ended")) THEN dwell END),
                        MIN(CASE WHEN through >= \(Self.nearestRank(90, of: "ended")) THEN dwell END),
                        MIN(CASE WHEN through >= \(Self.nearestRank(99, of: "ended")) THEN dwell END),
                        MAX(dwell), \(Self.histogram(of: "dwell", counting: "stays"))
                    FROM tallied GROUP BY node_id),
                converted (node_id, leads) AS (
                    SELECT current_step, COUNT(*) FROM workflow_executions
                    WHERE run_id = \(run) AND status = 'converted' GROUP BY current_step)
                INSERT INTO run_node_summary (run_id, node_id, entered, exited, converted, dwell_count,
                    dwell_total_seconds, dwell_min, dwell_p50, dwell_p90, dwell_p99, dwell_max, dwell_histogram)
                SELECT \(run), a.node_id, a.entered, COALESCE(d.ended, 0), COALESCE(c.leads, 0),
                    COALESCE(d.ended, 0), COALESCE(d.total, 0), d.least, d.p50, d.p90, d.p99, d.most,
                    COALESCE(d.histogram, '\(Self.emptyHistogram)')
                FROM arrivals a
                LEFT JOIN dwell_stats d ON d.node_id = a.node_id
                LEFT JOIN converted c ON c.node_id = a.node_id
                """)
    }

    /// Executions along the entry's edge, and stays along each node's edges, labelled as the
    /// engine labels them (the journey says which edge a stay's next node was reached by).
    func writeEdgeSummary() throws {
        let labels = shape.edgeLabelsTable
        try db.execute(
            sql: """
                WITH \(labels.sql),
                moves (node_id, next_node_id, outcome, leads) AS (
                    SELECT node_id, next_node_id, outcome, COUNT(*) FROM node_stays
                    WHERE run_id = \(run) AND next_node_id IS NOT NULL
                    GROUP BY node_id, next_node_id, outcome),
                edges (from_node_id, to_node_id, label, leads) AS (
                    SELECT '\(Journey.entryID)', ?, '', COUNT(*) FROM workflow_executions WHERE run_id = \(run)
                    UNION ALL
                    SELECT m.node_id, m.next_node_id,
                        COALESCE((
                            SELECT l.label FROM edge_labels l
                            WHERE l.node_id = m.node_id AND l.next_node_id = m.next_node_id
                                AND (l.outcome IS NULL OR l.outcome = m.outcome)
                            ORDER BY l.ordinal LIMIT 1), ''),
                        m.leads
                    FROM moves m)
                INSERT INTO run_edge_summary (run_id, from_node_id, to_node_id, label, leads)
                SELECT \(run), from_node_id, to_node_id, label, SUM(leads) FROM edges
                GROUP BY from_node_id, to_node_id, label HAVING SUM(leads) > 0
                """, arguments: labels.arguments + [shape.entryNext])
    }

    /// Executions that did not convert, by where they ended and why: `timed_out` for a completed
    /// one whose last stay that neither completed nor converted ended by a timeout; `waiting` for
    /// one still in flight.
    func writeDropoffSummary() throws {
        try db.execute(
            sql: """
                WITH \(inFlightTable),
                last_turns (lead_id, rotation, stay_id) AS (
                    SELECT lead_id, rotation, MAX(id) FROM node_stays
                    WHERE run_id = \(run) AND outcome NOT IN ('completed', 'converted')
                    GROUP BY lead_id, rotation)
                INSERT INTO run_dropoff_summary (run_id, node_id, reason, leads)
                SELECT \(run), COALESCE(e.current_step, f.node_id, '\(Journey.entryID)') AS node,
                    CASE e.status
                        WHEN 'active' THEN 'waiting'
                        WHEN 'completed' THEN CASE WHEN s.outcome = 'timeout' THEN 'timed_out' ELSE 'completed' END
                        ELSE e.status
                    END AS why,
                    COUNT(*)
                FROM workflow_executions e
                LEFT JOIN in_flight f ON f.lead_id = e.lead_id AND f.rotation = e.rotation
                LEFT JOIN last_turns t
                    ON e.status = 'completed' AND t.lead_id = e.lead_id AND t.rotation = e.rotation
                LEFT JOIN node_stays s ON s.id = t.stay_id
                WHERE e.run_id = \(run) AND e.status != 'converted'
                GROUP BY node, why
                """)
    }

    /// The node sequences executions took (their first 64 stays, in the order written), counted;
    /// nothing when there are more than 50,000 distinct ones, as the recorder does. One pass
    /// over each execution's stays: the path is the running concatenation at its 64th stay, or
    /// at its last.
    func writePathSummary() throws {
        try db.execute(
            sql: """
                WITH \(inFlightTable),
                visits (lead_id, rotation, node_id, ordinal) AS (
                    SELECT lead_id, rotation, node_id, id FROM node_stays WHERE run_id = \(run)
                    UNION ALL
                    SELECT lead_id, rotation, node_id, 9223372036854775807 FROM in_flight),
                walked AS (
                    SELECT ROW_NUMBER() OVER walk AS step,
                        COUNT(*) OVER (walk ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS stays,
                        group_concat(node_id, ' ') OVER (walk ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS path
                    FROM visits
                    WINDOW walk AS (PARTITION BY lead_id, rotation ORDER BY ordinal)),
                paths AS MATERIALIZED (SELECT path FROM walked WHERE step = MIN(stays, \(RunRecorder.maxPathLength)))
                INSERT INTO run_path_summary (run_id, path, executions)
                SELECT \(run), path, COUNT(*) FROM paths
                WHERE (SELECT COUNT(DISTINCT path) FROM paths) <= \(RunRecorder.maxDistinctPaths)
                GROUP BY path
                """)
    }
}
