import GRDB
import JourneyModel

/// Every conversion of a run, with its time, its execution and what it is credited to, so the
/// A/B and channel figures are queries over the step log: a lead watched after its execution
/// ended (a split's holdout, a lead that finished its path) converts nowhere else. Small rows
/// written in time order, no index: one per conversion, joined to an execution's rows by
/// `(run_id, lead_id, rotation)` as `node_stays` and `messages` are.
///
/// And `node_stays.outcome` becomes the edge's label where the journey names one (a
/// decision's branch, a split's path): the rows written before say `next` there, rewritten
/// here from each run's journey version. Executions that converted before this migration get
/// their `conversions` row too; conversions after an execution ended were never stored and
/// stay unknown.
enum ConversionSchema {
    static func conversions(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE conversions (
                    run_id       INTEGER NOT NULL REFERENCES runs(id),
                    lead_id      TEXT NOT NULL,
                    rotation     INTEGER NOT NULL,
                    converted_at INTEGER NOT NULL,
                    after_exit   INTEGER NOT NULL CHECK (after_exit IN (0, 1)),
                    channel      TEXT CHECK (channel IN ('email', 'sms', 'chat'))
                ) STRICT;
                INSERT INTO conversions (run_id, lead_id, rotation, converted_at, after_exit, channel)
                SELECT e.run_id, e.lead_id, e.rotation, e.completed_at, 0, (
                    SELECT m.channel FROM messages m
                    WHERE m.run_id = e.run_id AND m.lead_id = e.lead_id AND m.status = 'sent'
                        AND m.sent_at <= e.completed_at
                    ORDER BY m.sent_at DESC, m.id DESC LIMIT 1)
                FROM workflow_executions e
                WHERE e.status = 'converted' AND e.completed_at IS NOT NULL
                ORDER BY e.run_id, e.completed_at;
                """)
        try labelOutcomes(db)
    }

    /// Rewrites the `next` of decisions' and splits' stays as the label of the edge to their
    /// next node, run by run, from the run's journey version (the first such edge in the file
    /// when two lead to the same node, as the summaries labelled them).
    static func labelOutcomes(_ db: Database) throws {
        let runs = try Row.fetchAll(
            db,
            sql: """
                SELECT r.id, v.yaml FROM runs r
                JOIN journey_versions v ON v.workflow_id = r.workflow_id AND v.version = r.journey_version
                WHERE EXISTS (SELECT 1 FROM node_stays s WHERE s.run_id = r.id)
                """)
        for run in runs {
            let runID: Int64 = run["id"]
            guard let journey = JourneyReader.read(run["yaml"] as String, file: "run \(runID)").journey else {
                continue
            }
            for node in journey.nodes {
                for (next, label) in labelledEdges(node) {
                    try db.execute(
                        sql: """
                            UPDATE node_stays SET outcome = ?
                            WHERE run_id = ? AND node_id = ? AND next_node_id = ? AND outcome = 'next'
                            """, arguments: [label, runID, node.id, next])
                }
            }
        }
    }

    /// A decision's branches and a split's paths: (next node, label), in file order.
    private static func labelledEdges(_ node: JourneyNode) -> [(String, String)] {
        switch node.body {
        case .decision:
            return node.edges.map { ($0.target, $0.label) }
        case .split(let split):
            return split.paths.map { ($0.next, $0.name) }
        default:
            return []
        }
    }
}
