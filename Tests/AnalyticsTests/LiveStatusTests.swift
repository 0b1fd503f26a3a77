import Foundation
import GRDB
import Testing

@testable import Analytics
@testable import Workspace

/// `cairn live status`'s figures on rows written by hand, checked against numbers worked out by
/// hand; and docs/live.md carries every figure's SQL exactly as the code runs it.
@Suite struct LiveStatusTests {
    static let now = 10_000.0

    /// Journey `welcome` v2 (active; run 2) and v1 (run 1), `nudge` v1 (run 3, paused), and a
    /// replay (run 4) whose rows must not count. Run 2: in flight `email` 1 and `wait` 2 (a lead
    /// done has no execution), timers due 4100 and 5000; outbox 1 pending, 3 delivered (2 in the
    /// last hour), 2 dead (1 in the last hour), 1 skipped_stale, and a v1 row; executions: 3
    /// active, 5 ended of which 1 failed → 0.8; handoffs assigned after 10, 3, 30 s (one not yet)
    /// → p50 10, p90 30.
    static let fixture = """
        INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, active, active_version,
            latest_version, created_at, updated_at)
        VALUES ('W1', 'welcome', 'Welcome', '{}', '[]', '[]', 1, 2, 2, 1, 1),
               ('W2', 'nudge', 'Nudge', '{}', '[]', '[]', 1, 1, 1, 1, 1);
        INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at, origin)
        VALUES ('W1', 1, 'x', 'h1', 'me', 1, 'import'), ('W1', 2, 'y', 'h2', 'me', 1, 'import'),
               ('W2', 1, 'z', 'h3', 'me', 1, 'import');
        INSERT INTO cohorts (id, name, origin, author, created_at) VALUES (900, 'live-fixture', 'jsonl', 'me', 1);
        INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status, started_at)
        VALUES (1, 'W1', 1, 900, 0, 'live', 'e', 'running', 100), (2, 'W1', 2, 900, 0, 'live', 'e', 'running', 200),
               (3, 'W2', 1, 900, 0, 'live', 'e', 'running', 300), (4, 'W1', 2, 900, 0, 'mixed', 'e', 'completed', 1);
        INSERT INTO live_runs (run_id, workflow_id, version, started_at)
        VALUES (1, 'W1', 1, 100.5), (2, 'W1', 2, 200.5), (3, 'W2', 1, 300.5);
        INSERT INTO live_journeys (workflow_id, state, reason, changed_at) VALUES ('W2', 'paused', 'too many sends', 9000);
        INSERT INTO live_leads (run_id, lead_id, execution_id, node_id, visit, due_at, waits_for, deadline_at, state, updated_at)
        VALUES (2, 'L1', 'E1', 'email', 1, NULL, NULL, NULL, 'in_flight', 1),
               (2, 'L2', 'E2', 'wait', 1, 5000, NULL, NULL, 'waiting', 1),
               (2, 'L3', 'E3', 'wait', 1, 4100, 'opened', 6000, 'waiting', 1),
               (2, 'L4', NULL, NULL, NULL, NULL, NULL, NULL, 'done', 1),
               (1, 'L9', 'E9', 'wait', 2, 3000, NULL, NULL, 'waiting', 1);
        INSERT INTO outbox (idempotency_key, journey, version, node, lead_id, channel, requested_at, due_at, state,
            delivered_at, updated_at)
        VALUES ('k1', 'welcome', 2, 'email', 'L1', 'email', 1, 1, 'pending', NULL, 1),
               ('k2', 'welcome', 2, 'email', 'L2', 'email', 1, 1, 'delivered', 9900, 9900),
               ('k3', 'welcome', 2, 'email', 'L3', 'email', 1, 1, 'delivered', 9800, 9800),
               ('k4', 'welcome', 2, 'email', 'L4', 'email', 1, 1, 'delivered', 6000, 6000),
               ('k5', 'welcome', 2, 'sms', 'L4', 'sms', 1, 1, 'dead', NULL, 9990),
               ('k6', 'welcome', 2, 'sms', 'L3', 'sms', 1, 1, 'dead', NULL, 2800),
               ('k7', 'welcome', 2, 'sms', 'L2', 'sms', 1, 1, 'skipped_stale', NULL, 9999),
               ('k8', 'welcome', 1, 'email', 'L9', 'email', 1, 1, 'delivered', 9950, 9950);
        INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at)
        VALUES ('E1', 2, 'W1', 'L1', 1, 'active', 1), ('E2', 2, 'W1', 'L2', 1, 'active', 1),
               ('E3', 2, 'W1', 'L3', 1, 'active', 1), ('E4', 2, 'W1', 'L4', 1, 'completed', 1),
               ('E5', 2, 'W1', 'L5', 1, 'converted', 1), ('E6', 2, 'W1', 'L6', 1, 'failed', 1),
               ('E7', 2, 'W1', 'L7', 1, 'exited', 1), ('E8', 2, 'W1', 'L8', 1, 'halted', 1),
               ('E20', 4, 'W1', 'L1', 1, 'failed', 1);
        INSERT INTO agent_handoffs (id, run_id, lead_id, handoff_reason, created_at, assigned_at, requested_epoch,
            assigned_epoch)
        VALUES ('H1', 2, 'L1', 'r', 100, 110, 100, 110), ('H2', 2, 'L2', 'r', 200, 203, 200, 203),
               ('H3', 2, 'L3', 'r', 300, 330, 300, 330), ('H4', 2, 'L4', 'r', 400, NULL, 400, NULL),
               ('H5', 4, 'L1', 'r', 0, 500, 0, 500);
        INSERT INTO automation_lease (id, holder, pid, host, acquired_at, heartbeat_at)
        VALUES (1, 'h:42:abc', 42, 'h', 9000, 9997.5);
        """

    static func workspace() throws -> (URL, Workspace) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try Workspace.open(at: folder.appendingPathComponent("w.db").path)
        try workspace.pool.write { db in try db.execute(sql: fixture) }
        return (folder, workspace)
    }

    @Test func figuresMatchTheRowsWorkedOutByHand() throws {
        let (folder, workspace) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let status = try LiveStatusBuilder.build(workspace, now: Self.now)
        #expect(
            status.lease
                == LiveStatus.Lease(
                    holder: "h:42:abc", pid: 42, host: "h", acquiredAt: 9000, heartbeatAt: 9997.5,
                    heartbeatAgeSeconds: 2.5))
        #expect(
            status.journeys.map { "\($0.journey) v\($0.version)" } == [
                "nudge v1", "welcome v1", "welcome v2",
            ])
        let nudge = status.journeys[0]
        #expect(nudge.state == "paused" && nudge.reason == "too many sends" && nudge.active)
        #expect(nudge.inFlightTotal == 0 && nudge.successRate == nil && nudge.handoffP50Seconds == nil)
        let old = status.journeys[1]
        #expect(!old.active && old.state == "running" && old.inFlight == ["wait": 1] && old.nextDueAt == 3000)
        #expect(old.deliveredLastHour == 1 && old.outbox["delivered"] == 1)
        let run = status.journeys[2]
        #expect(run.run == 2 && run.active && run.startedAt == 200.5)
        #expect(run.inFlight == ["email": 1, "wait": 2] && run.inFlightTotal == 3)
        #expect(run.waitingTimers == 2 && run.nextDueAt == 4100)
        #expect(run.outbox == ["pending": 1, "delivered": 3, "dead": 2, "skipped_stale": 1])
        #expect(run.deliveredLastHour == 2 && run.failedLastHour == 1)
        #expect(run.executionsEnded == 5 && run.executionsSucceeded == 4 && run.successRate == 0.8)
        #expect(run.handoffsAssigned == 3 && run.handoffP50Seconds == 10 && run.handoffP90Seconds == 30)
    }

    @Test func docsLiveCarriesEveryFiguresSQL() throws {
        let page = try String(
            contentsOf: DocumentedQueriesTests.page.deletingLastPathComponent().appendingPathComponent(
                "live.md"),
            encoding: .utf8)
        for (name, sql) in LiveStatusQueries.all {
            #expect(
                page.contains("-- figure: \(name)\n\(sql)\n"),
                "docs/live.md lacks figure '\(name)' as the code runs it")
        }
    }
}
