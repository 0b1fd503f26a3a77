import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// The summaries of splits, channels and handoffs, and the run's totals, from the step log.
extension StepLogSummaries {
    /// Leads assigned to each split path (a stay at the split whose outcome is the path, the
    /// holdout included) and, of those, the ones that converted in that rotation, during their
    /// execution or after it ended (`conversions`).
    func writeSplitSummary() throws {
        let paths = shape.splitPathsTable
        try db.execute(
            sql: """
                WITH \(paths.sql)
                INSERT INTO run_split_summary (run_id, node_id, path, is_holdout, weight, leads, conversions)
                SELECT \(run), p.node_id, p.path, p.is_holdout, p.weight, COUNT(*), COUNT(c.run_id)
                FROM node_stays s
                JOIN split_paths p ON p.node_id = s.node_id AND p.path = s.outcome
                LEFT JOIN conversions c
                    ON c.run_id = \(run) AND c.lead_id = s.lead_id AND c.rotation = s.rotation
                WHERE s.run_id = \(run)
                GROUP BY p.node_id, p.path
                """, arguments: paths.arguments)
    }

    /// Messages by channel and fate, responses to the ones sent, and conversions credited to
    /// the channel of the lead's last message sent before them (`conversions.channel`).
    func writeChannelSummary() throws {
        try db.execute(
            sql: """
                WITH credited (channel, conversions) AS (
                    SELECT channel, COUNT(*) FROM conversions
                    WHERE run_id = \(run) AND channel IS NOT NULL GROUP BY channel)
                INSERT INTO run_channel_summary (run_id, channel, sent, deferred, suppressed_consent,
                    suppressed_frequency_cap, suppressed_quiet_hours, suppressed_unsubscribed, opened, clicked,
                    replied, converted, unsubscribed)
                SELECT \(run), m.channel,
                    COUNT(CASE WHEN m.status = 'sent' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'deferred' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'suppressed' AND m.reason = 'consent' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'suppressed' AND m.reason = 'frequency_cap' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'suppressed' AND m.reason = 'quiet_hours' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'suppressed' AND m.reason = 'unsubscribed' THEN 1 END),
                    COUNT(CASE WHEN m.status = 'sent' AND m.opened_at IS NOT NULL THEN 1 END),
                    COUNT(CASE WHEN m.status = 'sent' AND m.clicked_at IS NOT NULL THEN 1 END),
                    COUNT(CASE WHEN m.status = 'sent' AND m.replied_at IS NOT NULL THEN 1 END),
                    COALESCE((SELECT c.conversions FROM credited c WHERE c.channel = m.channel), 0),
                    COUNT(CASE WHEN m.status = 'sent' AND m.unsubscribed_at IS NOT NULL THEN 1 END)
                FROM messages m WHERE m.run_id = \(run)
                GROUP BY m.channel
                """)
    }

    /// Handoffs by route (from, to, reason): those not assigned at once (queued first, or never
    /// assigned), and the queue waits of the assigned ones, to the second.
    func writeHandoffSummary() throws {
        try db.execute(
            sql: """
                WITH routed AS (
                    SELECT COALESCE(from_agent_id, '') AS from_agent, COALESCE(to_agent_id, '') AS to_agent,
                        handoff_reason, assigned_at IS NOT NULL AS assigned,
                        CASE WHEN assigned_at IS NOT NULL THEN queue_wait_seconds END AS wait
                    FROM agent_handoffs WHERE run_id = \(run)),
                ranked AS (
                    SELECT *,
                        ROW_NUMBER() OVER (
                            PARTITION BY from_agent, to_agent, handoff_reason, wait IS NULL ORDER BY wait) AS position,
                        COUNT(wait) OVER (PARTITION BY from_agent, to_agent, handoff_reason) AS waits
                    FROM routed)
                INSERT INTO run_handoff_summary (run_id, from_agent_id, to_agent_id, handoff_reason, handoffs, queued,
                    wait_total_seconds, wait_p50, wait_p90, within_30s)
                SELECT \(run), from_agent, to_agent, handoff_reason, COUNT(*),
                    COUNT(CASE WHEN NOT assigned OR wait > 0 THEN 1 END), COALESCE(SUM(wait), 0),
                    MAX(CASE WHEN wait IS NOT NULL AND position = \(Self.nearestRank(50, of: "waits")) THEN wait END),
                    MAX(CASE WHEN wait IS NOT NULL AND position = \(Self.nearestRank(90, of: "waits")) THEN wait END),
                    COUNT(CASE WHEN wait <= 30 THEN 1 END)
                FROM ranked
                GROUP BY from_agent, to_agent, handoff_reason
                """)
    }

    /// The run's totals that the step log gives, and when they were summarized. A replay's
    /// `leads` (the leads admitted, entered or not) is not in the step log and stays; a live
    /// run's is the leads that entered it. The status is the writer's.
    func writeTotals(now: Date) throws {
        try db.execute(
            sql: """
                UPDATE runs SET
                    leads = CASE WHEN mode = 'live'
                        THEN (SELECT COUNT(DISTINCT lead_id) FROM workflow_executions WHERE run_id = \(run))
                        ELSE leads END,
                    entries = (SELECT COUNT(*) FROM workflow_executions WHERE run_id = \(run)),
                    conversions = (
                        SELECT COUNT(*) FROM workflow_executions WHERE run_id = \(run) AND status = 'converted'),
                    executions_failed = (
                        SELECT COUNT(*) FROM workflow_executions WHERE run_id = \(run) AND status = 'failed'),
                    executions_halted = (
                        SELECT COUNT(*) FROM workflow_executions WHERE run_id = \(run) AND status = 'halted'),
                    messages_sent = (SELECT COUNT(*) FROM messages WHERE run_id = \(run) AND status = 'sent'),
                    messages_suppressed = (
                        SELECT COUNT(*) FROM messages WHERE run_id = \(run) AND status = 'suppressed'),
                    handoffs = (SELECT COUNT(*) FROM agent_handoffs WHERE run_id = \(run)),
                    options = json_set(options, '$.summarized_at', ?)
                WHERE id = \(run)
                """, arguments: [now.timeIntervalSince1970])
    }
}
