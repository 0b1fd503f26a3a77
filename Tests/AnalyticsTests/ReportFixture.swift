import Foundation
import GRDB

@testable import Workspace

/// A workspace holding two runs small enough to check by hand.
///
/// Run 1 — 20 leads through `email → wait → check → (yes) won | (no) sms → done`:
/// 20 reach email and wait; 18 leave the wait (2 still waiting at the horizon); at check
/// 8 go to won (converted) and 10 to sms; at sms 1 fails (a webhook) and 9 go on to done.
/// So: completed 9, converted 8, failed 1, active 2. Four handoffs: three assigned after 0s,
/// 10s and 45s, one never assigned. `email` is labelled "Welcome email", `check` "Clicked?".
///
/// Run 2 — an A/B split `subject-test`: A 1,000 leads / 100 conversions, B 1,000 / 141.
/// Run 3 — a skewed split: 5,210 and 4,790 leads for 50/50 weights.
final class ReportFixture {
    let folder: URL
    let workspace: Workspace
    static let t0: Int64 = 1_780_000_000

    static let journeyYAML = """
        journey: fixture
        name: Fixture
        entry:
          trigger: { type: event, event: lead.created }
          next: email
        nodes:
          - id: email
            label: Welcome email
            kind: action
            action: { type: send, channel: email, template: hi }
            next: wait
          - id: wait
            kind: wait
            wait: { for: 2d }
            next: check
          - id: check
            label: Clicked?
            kind: decision
            if: { type: behavior, field: email.clicked, operator: exists }
            then: won
            else: sms
          - id: sms
            kind: action
            action: { type: send, channel: sms, template: nudge }
            next: done
          - id: won
            kind: goal
          - id: done
            kind: exit

        """

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-analytics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(at: folder.appendingPathComponent("fixture.db").path)
        try workspace.saveJourney(yaml: Self.journeyYAML, file: "fixture.journey.yaml")
        try workspace.pool.write { db in try Self.insert(db) }
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    static func insert(_ db: Database) throws {
        let t0 = Self.t0
        let journeyRowID =
            try String.fetchOne(db, sql: "SELECT id FROM workflows WHERE slug = 'fixture'") ?? ""
        try db.execute(
            sql:
                "INSERT INTO cohorts (id, name, origin, author, created_at, lead_count) VALUES (1, 'twenty', 'csv', 't', ?, 20)",
            arguments: [t0])
        for (id, entries, conversions) in [(1, 20, 8), (2, 2000, 241), (3, 10_000, 0)] {
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                                      started_at, finished_at, leads, entries, conversions, executions_failed)
                    VALUES (?, ?, 1, 1, 7, 'simulated', 'test', 'completed', ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, journeyRowID, t0, t0 + 10, entries, entries, conversions, id == 1 ? 1 : 0])
        }
        // Run 1: node summaries (entered = executions reaching the node).
        let nodes: [(String, Int, Int, Int, Int, Int?, Int?, Int?, Int?, String)] = [
            ("email", 20, 20, 20, 0, 0, 0, 0, 0, "[20,0,0,0,0,0,0,0,0,0]"),
            ("wait", 20, 18, 18, 3_153_600, 172_800, 194_400, 194_400, 194_400, "[0,0,0,0,0,0,0,18,0,0]"),
            ("check", 18, 18, 18, 0, 0, 0, 0, 0, "[18,0,0,0,0,0,0,0,0,0]"),
            ("sms", 10, 10, 10, 300, 30, 30, 30, 30, "[10,0,0,0,0,0,0,0,0,0]"),
            ("won", 8, 8, 0, 0, nil, nil, nil, nil, "[]"),
            ("done", 9, 9, 0, 0, nil, nil, nil, nil, "[]"),
        ]
        for n in nodes {
            try db.execute(
                sql: """
                    INSERT INTO run_node_summary (run_id, node_id, entered, exited, dwell_count, dwell_total_seconds,
                        dwell_p50, dwell_p90, dwell_p99, dwell_max, dwell_histogram)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [n.0, n.1, n.2, n.3, n.4, n.5, n.6, n.7, n.8, n.9])
        }
        for (from, to, label, leads) in [
            ("entry", "email", "", 20), ("email", "wait", "", 20), ("wait", "check", "", 18),
            ("check", "won", "yes", 8), ("check", "sms", "no", 10), ("sms", "done", "", 9),
        ] {
            try db.execute(
                sql:
                    "INSERT INTO run_edge_summary (run_id, from_node_id, to_node_id, label, leads) VALUES (1, ?, ?, ?, ?)",
                arguments: [from, to, label, leads])
        }
        for (node, reason, leads) in [("done", "completed", 9), ("wait", "waiting", 2), ("sms", "failed", 1)]
        {
            try db.execute(
                sql: "INSERT INTO run_dropoff_summary (run_id, node_id, reason, leads) VALUES (1, ?, ?, ?)",
                arguments: [node, reason, leads])
        }
        try db.execute(
            sql: """
                INSERT INTO run_channel_summary (run_id, channel, sent, deferred, suppressed_consent, opened, clicked,
                    replied, converted, unsubscribed)
                VALUES (1, 'email', 20, 2, 0, 12, 5, 1, 6, 1), (1, 'sms', 9, 0, 1, 4, 2, 2, 2, 0)
                """)
        for agent in ["ava", "ben", "sms-bot"] {
            try db.execute(
                sql: """
                    INSERT INTO agents (id, name, kind, channels, expertise, capacity, time_zone, updated_at)
                    VALUES (?, ?, 'human', '["chat"]', '[]', 2, 'UTC', ?)
                    """, arguments: [agent, agent, t0])
        }
        let handoffs: [(String, String?, String?, String, Int?)] = [
            ("L1", nil, "ava", "qualified", 0), ("L2", "sms-bot", "ava", "qualified", 45),
            ("L3", nil, "ben", "no reply", 10), ("L4", nil, nil, "qualified", nil),
        ]
        for (index, h) in handoffs.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO agent_handoffs (id, run_id, lead_id, from_agent_id, to_agent_id, handoff_reason,
                        created_at, assigned_at, queue_wait_seconds)
                    VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: ["h\(index)", h.0, h.1, h.2, h.3, t0, h.4.map { t0 + Int64($0) }, h.4])
            try db.execute(
                sql: """
                    INSERT INTO run_handoff_summary (run_id, from_agent_id, to_agent_id, handoff_reason, handoffs,
                        wait_total_seconds)
                    VALUES (1, ?, ?, ?, 1, ?)
                    """, arguments: [h.1 ?? "", h.2 ?? "", h.3, h.4 ?? 0])
        }
        try db.execute(
            sql: """
                INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, reason, started_at,
                    completed_at)
                VALUES ('e9', 1, ?, 'L9', 1, 'failed', 'webhook crm-sync failed after 3 retries', ?, ?)
                """, arguments: [journeyRowID, t0, t0 + 172_800])
        // Stays for the given-stage funnel: L1–L20 at email; L1–L18 at check two days later;
        // L1–L8 at won after check; L10 also at won, but a day *before* its check (out of order).
        // A stay belongs to an execution: those leads' (still active) besides L9's failed one.
        for i in 1...20 where i != 9 {
            try db.execute(
                sql: """
                    INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at)
                    VALUES (?, 1, ?, ?, 1, 'active', ?)
                    """, arguments: ["e\(i)", journeyRowID, "L\(i)", t0])
        }
        for i in 1...20 {
            try stay(db, "L\(i)", "email", t0)
            if i <= 18 { try stay(db, "L\(i)", "check", t0 + 172_800) }
            if i <= 8 { try stay(db, "L\(i)", "won", t0 + 172_800) }
        }
        try stay(db, "L10", "won", t0 + 86_400)
        // The same executions as paths: what the recorder writes for funnels in order.
        for (path, executions) in [
            ("email wait check won", 8), ("email wait check sms done", 9), ("email wait check sms", 1),
            ("email wait", 2),
        ] {
            try db.execute(
                sql: "INSERT INTO run_path_summary (run_id, path, executions) VALUES (1, ?, ?)",
                arguments: [path, executions])
        }

        // Runs 2 and 3: splits.
        for (run, node, path, weight, leads, conversions) in [
            (2, "subject-test", "A", 50.0, 1000, 100), (2, "subject-test", "B", 50.0, 1000, 141),
            (3, "skewed", "A", 50.0, 5210, 0), (3, "skewed", "B", 50.0, 4790, 0),
        ] {
            try db.execute(
                sql: """
                    INSERT INTO run_split_summary (run_id, node_id, path, is_holdout, weight, leads, conversions)
                    VALUES (?, ?, ?, 0, ?, ?, ?)
                    """, arguments: [run, node, path, weight, leads, conversions])
        }
    }

    static func stay(_ db: Database, _ lead: String, _ node: String, _ at: Int64) throws {
        try db.execute(
            sql:
                "INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at) VALUES (1, ?, 1, ?, 1, ?)",
            arguments: [lead, node, at])
    }
}
