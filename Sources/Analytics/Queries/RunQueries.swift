import Foundation
import GRDB
import ReplayEngine
import Workspace

/// Reads one run's figures from the summary tables the engine writes at the end of a run,
/// plus indexed look-ups — never a scan of the step log, so a report on a million-lead run
/// takes as long as one on a thousand. Each query is written out in docs/analytics.md.
enum RunQueries {
    static func run(_ db: Database, id: Int64) throws -> RunInfo? {
        try RunInfo.fetch(db, id: id)
    }

    static func latestRunID(_ db: Database) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs")
    }

    /// Executions reaching each node (first visits), from the node summary.
    static func reached(_ db: Database, run: Int64) throws -> [String: Int] {
        let rows = try SummaryRows.NodeCounts.fetchAll(
            db, sql: "SELECT node_id, entered, converted FROM run_node_summary WHERE run_id = ?",
            arguments: [run])
        return Dictionary(rows.map { ($0.node, $0.entered) }, uniquingKeysWith: { _, last in last })
    }

    static func edges(_ db: Database, run: Int64) throws -> [RunNodeCounts.Edge] {
        try RunNodeCounts.Edge.fetchAll(
            db,
            sql: """
                SELECT from_node_id, to_node_id, SUM(leads) AS leads FROM run_edge_summary
                WHERE run_id = ? GROUP BY from_node_id, to_node_id ORDER BY from_node_id, to_node_id
                """, arguments: [run])
    }

    /// Executions that reached every given stage in order: each stage entered no earlier than
    /// the previous one. Read from the run's path summary; from `node_stays` (by its (run, node)
    /// index) when the run took too many distinct paths to summarise.
    static func reachedInOrder(_ db: Database, run: Int64, stages: [String]) throws -> [Int] {
        let paths = try SummaryRows.Path.fetchAll(
            db, sql: "SELECT path, executions FROM run_path_summary WHERE run_id = ?", arguments: [run])
        guard paths.isEmpty else {
            return reachedInOrder(paths: paths.map { ($0.nodes, $0.executions) }, stages: stages)
        }
        return try reachedInOrderFromStays(db, run: run, stages: stages)
    }

    /// For each path, how many stages it passes in order (earliest match first), counted.
    static func reachedInOrder(paths: [([String], Int)], stages: [String]) -> [Int] {
        var counts = [Int](repeating: 0, count: stages.count)
        for (path, executions) in paths {
            var matched = 0
            for node in path where matched < stages.count && node == stages[matched] { matched += 1 }
            for index in 0..<matched { counts[index] += executions }
        }
        return counts
    }

    static func reachedInOrderFromStays(_ db: Database, run: Int64, stages: [String]) throws -> [Int] {
        guard let first = stages.first else { return [] }
        var counts: [Int] = []
        var sql = """
            SELECT s0.lead_id, s0.rotation, s0.entered_at AS at FROM node_stays s0
            WHERE s0.run_id = :run AND s0.node_id = :n0 AND s0.visit = 1
            """
        var arguments: [String: (any DatabaseValueConvertible)?] = ["run": run, "n0": first]
        counts.append(
            try Int.fetchOne(
                db, sql: "SELECT COUNT(*) FROM (\(sql))", arguments: StatementArguments(arguments)) ?? 0)
        for (index, stage) in stages.enumerated().dropFirst() {
            arguments["n\(index)"] = stage
            sql = """
                SELECT s.lead_id, s.rotation, MIN(s.entered_at) AS at FROM (\(sql)) p
                JOIN node_stays s ON s.run_id = :run AND s.node_id = :n\(index) AND s.lead_id = p.lead_id
                    AND s.rotation = p.rotation AND s.entered_at >= p.at
                GROUP BY s.lead_id, s.rotation
                """
            counts.append(
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM (\(sql))", arguments: StatementArguments(arguments)) ?? 0)
        }
        return counts
    }

    static func dropoff(_ db: Database, run: Int64) throws -> [(node: String, reason: String, leads: Int)] {
        try SummaryRows.Dropoff.fetchAll(
            db,
            sql: """
                SELECT node_id, reason, leads FROM run_dropoff_summary WHERE run_id = ?
                ORDER BY leads DESC, node_id, reason
                """, arguments: [run]
        ).map { ($0.node, $0.reason, $0.leads) }
    }

    static func timeInStage(_ db: Database, run: Int64) throws -> [StageTime] {
        try SummaryRows.NodeDwell.fetchAll(
            db,
            sql: """
                SELECT node_id, dwell_count, dwell_total_seconds, dwell_p50, dwell_p90, dwell_p99, dwell_max,
                       dwell_histogram
                FROM run_node_summary WHERE run_id = ? AND dwell_count > 0 ORDER BY node_id
                """, arguments: [run]
        ).map(stageTime)
    }

    static func stageTime(_ row: SummaryRows.NodeDwell) -> StageTime {
        var dwell = DwellSummary(seconds: [])
        dwell.count = row.count
        dwell.mean = row.count == 0 ? nil : Double(row.totalSeconds) / Double(row.count)
        dwell.p50 = row.p50
        dwell.p90 = row.p90
        dwell.p99 = row.p99
        dwell.max = row.max
        let counts = (try? JSONDecoder().decode([Int].self, from: Data(row.histogram.utf8))) ?? []
        var histogram = DurationHistogram(seconds: [])
        for index in histogram.buckets.indices where index < counts.count {
            histogram.buckets[index].count = counts[index]
        }
        return StageTime(node: row.node, label: row.node, dwell: dwell, histogram: histogram)
    }

    static func splits(_ db: Database, run: Int64) throws -> [(node: String, rows: [SplitPathRow])] {
        var order: [String] = []
        var byNode: [String: [SplitPathRow]] = [:]
        for row in try SummaryRows.SplitPath.fetchAll(
            db,
            sql: """
                SELECT node_id, path, is_holdout, weight, leads, conversions FROM run_split_summary
                WHERE run_id = ? ORDER BY node_id, is_holdout, path
                """, arguments: [run])
        {
            if byNode[row.node] == nil { order.append(row.node) }
            byNode[row.node, default: []].append(
                SplitPathRow(
                    path: row.path, isHoldout: row.isHoldout, weight: row.weight, leads: row.leads,
                    conversions: row.conversions,
                    rate: row.leads == 0 ? nil : Double(row.conversions) / Double(row.leads),
                    comparison: nil, verdict: nil))
        }
        return order.map { ($0, byNode[$0] ?? []) }
    }

    static func channels(_ db: Database, run: Int64) throws -> [ChannelRow] {
        try SummaryRows.Channel.fetchAll(
            db,
            sql: """
                SELECT channel, sent, deferred, suppressed_consent, suppressed_frequency_cap, suppressed_quiet_hours,
                       suppressed_unsubscribed, opened, clicked, replied, converted, unsubscribed
                FROM run_channel_summary WHERE run_id = ?
                ORDER BY CASE channel WHEN 'email' THEN 0 WHEN 'sms' THEN 1 ELSE 2 END
                """, arguments: [run]
        ).map { row in
            ChannelRow(
                channel: row.channel, sent: row.sent, deferred: row.deferred,
                suppressed: [
                    "consent": row.suppressedConsent, "frequency_cap": row.suppressedFrequencyCap,
                    "quiet_hours": row.suppressedQuietHours, "unsubscribed": row.suppressedUnsubscribed,
                ], opened: row.opened, clicked: row.clicked, replied: row.replied, converted: row.converted,
                unsubscribed: row.unsubscribed)
        }
    }

    static func handoffs(_ db: Database, run: Int64) throws -> HandoffReport {
        func counts(_ sql: String) throws -> [HandoffReport.Count] {
            try SummaryRows.KeyCount.fetchAll(db, sql: sql, arguments: [run]).map {
                .init(key: $0.key, handoffs: $0.n)
            }
        }
        let byReason = try counts(
            """
            SELECT handoff_reason AS key, SUM(handoffs) AS n FROM run_handoff_summary WHERE run_id = ?
            GROUP BY handoff_reason ORDER BY n DESC, key
            """)
        let byRoute = try counts(
            """
            SELECT (CASE from_agent_id WHEN '' THEN '(none)' ELSE from_agent_id END) || ' → ' ||
                   (CASE to_agent_id WHEN '' THEN '(queue)' ELSE to_agent_id END) AS key, SUM(handoffs) AS n
            FROM run_handoff_summary WHERE run_id = ? GROUP BY key ORDER BY n DESC, key
            """)
        let agentLoad = try counts(
            """
            SELECT to_agent_id AS key, SUM(handoffs) AS n FROM run_handoff_summary
            WHERE run_id = ? AND to_agent_id <> '' GROUP BY to_agent_id ORDER BY n DESC, key
            """)
        let waits = try Int.fetchAll(
            db,
            sql: """
                SELECT queue_wait_seconds FROM agent_handoffs
                WHERE run_id = ? AND queue_wait_seconds IS NOT NULL ORDER BY queue_wait_seconds
                """, arguments: [run])
        let total = byReason.map(\.handoffs).reduce(0, +)
        return HandoffReport(
            total: total, assigned: waits.count, unassigned: max(0, total - waits.count), byReason: byReason,
            byRoute: byRoute, agentLoad: agentLoad,
            queueWaitMean: waits.isEmpty ? nil : Double(waits.reduce(0, +)) / Double(waits.count),
            queueWaitP50: Percentile.nearestRank(waits, 50), queueWaitP90: Percentile.nearestRank(waits, 90),
            waits: waits)
    }

    /// Straight from `execution_rows` through its index of halted (code 5) and failed (6)
    /// executions (docs/schema.md): the same rows as `workflow_executions`, without reading a
    /// million-lead run's others.
    static func haltedAndFailed(_ db: Database, run: Int64) throws -> [RunHealth.Reason] {
        try SummaryRows.StatusReason.fetchAll(
            db,
            sql: """
                SELECT w.word AS status, COALESCE(r.word, '') AS reason, COUNT(*) AS n
                FROM execution_rows e JOIN step_words w ON w.code = e.status
                LEFT JOIN step_words r ON r.code = e.reason
                WHERE e.run_id = ? AND e.status IN (5, 6)
                GROUP BY w.word, r.word ORDER BY n DESC, w.word, r.word
                """, arguments: [run]
        ).map { RunHealth.Reason(status: $0.status, reason: $0.reason, executions: $0.n) }
    }
}
