import Foundation
import GRDB
import Testing

/// `cairn live status|pause|resume` on a workspace whose live rows were written by hand: the
/// figures printed are the ones worked out from the rows, as text and as JSON.
@Suite struct LiveCommandTests {
    /// Journey `fixture-live` v1 running live as run 9001: in flight `email` 1 and `wait` 1, one
    /// timer overdue since 2026-11-02T09:30:00Z; outbox 1 delivered and 1 dead in the last hour
    /// (and 1 dead two hours ago); executions: 2 ended, 1 failed (0.5); one handoff assigned
    /// after 4 s. No process holds the lease.
    static func fixture(now: Double) -> String {
        """
        INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, active, active_version,
            latest_version, created_at, updated_at)
        VALUES ('FX', 'fixture-live', 'Fixture', '{}', '[]', '[]', 1, 1, 1, 1, 1);
        INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at, origin)
        VALUES ('FX', 1, 'x', 'h', 'me', 1, 'import');
        INSERT INTO cohorts (id, name, origin, author, created_at) VALUES (9001, 'live-fixture', 'jsonl', 'me', 1);
        INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status, started_at)
        VALUES (9001, 'FX', 1, 9001, 0, 'live', 'e', 'running', 1);
        INSERT INTO live_runs (run_id, workflow_id, version, started_at) VALUES (9001, 'FX', 1, 1.5);
        INSERT INTO live_leads (run_id, lead_id, execution_id, node_id, visit, due_at, state, updated_at)
        VALUES (9001, 'L1', 'E1', 'email', 1, NULL, 'in_flight', 1),
               (9001, 'L2', 'E2', 'wait', 1, 1793611800.25, 'waiting', 1);
        INSERT INTO outbox (idempotency_key, journey, version, node, lead_id, channel, requested_at, due_at, state,
            delivered_at, updated_at)
        VALUES ('k1', 'fixture-live', 1, 'email', 'L1', 'email', 1, 1, 'delivered', \(now - 100), \(now - 100)),
               ('k2', 'fixture-live', 1, 'sms', 'L2', 'sms', 1, 1, 'dead', NULL, \(now - 60)),
               ('k3', 'fixture-live', 1, 'sms', 'L3', 'sms', 1, 1, 'dead', NULL, \(now - 7200));
        INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at)
        VALUES ('E1', 9001, 'FX', 'L1', 1, 'active', 1), ('E2', 9001, 'FX', 'L2', 1, 'active', 1),
               ('E3', 9001, 'FX', 'L3', 1, 'failed', 1), ('E4', 9001, 'FX', 'L4', 1, 'converted', 1);
        INSERT INTO agent_handoffs (id, run_id, lead_id, handoff_reason, created_at, assigned_at, requested_epoch,
            assigned_epoch)
        VALUES ('H1', 9001, 'L4', 'hot lead', 500, 504, 500, 504);
        """
    }

    static func workspace(_ folder: TemporaryFolder) throws -> String {
        let database = folder.url.appendingPathComponent("cairn.db").path
        let created = try CairnProcess.run(["journeys", "--db", database])
        try #require(created.status == 0, "\(created.stderr)")
        let queue = try DatabaseQueue(path: database)
        try queue.write { db in try db.execute(sql: fixture(now: Date().timeIntervalSince1970)) }
        try queue.close()
        return database
    }

    static let expectedText = """
        automation: not running (no process holds the lease; start cairn serve)

        fixture-live v1 (run 9001, active): running
          in flight:         2 (email 1, wait 1)
          waiting timers:    1, next due 2026-11-02T09:30:00Z (overdue)
          outbox:            0 pending, 1 delivered, 2 dead, 0 skipped_stale
          last hour:         1 delivered, 1 failed
          success rate:      50.0% (1 of 2 ended)
          handoff time:      p50 4s, p90 4s (1 assigned)

        """

    @Test func statusPrintsTheFiguresAsTextAndJSON() throws {
        let folder = try TemporaryFolder()
        let database = try Self.workspace(folder)
        let text = try CairnProcess.run(["live", "status", "--db", database])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout == Self.expectedText)

        let json = try CairnProcess.run(["live", "status", "--format", "json", "--db", database])
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["lease"] == nil)
        let journeys = try #require(object["journeys"] as? [[String: Any]])
        let journey = try #require(journeys.first)
        #expect(journeys.count == 1 && journey["journey"] as? String == "fixture-live")
        #expect(
            journey["version"] as? Int == 1 && journey["run"] as? Int == 9001
                && journey["state"] as? String == "running")
        #expect(
            journey["inFlight"] as? [String: Int] == ["email": 1, "wait": 1]
                && journey["inFlightTotal"] as? Int == 2)
        #expect(journey["waitingTimers"] as? Int == 1 && journey["nextDueAt"] as? Double == 1_793_611_800.25)
        #expect(
            journey["outbox"] as? [String: Int] == [
                "pending": 0, "delivered": 1, "dead": 2, "skipped_stale": 0,
            ])
        #expect(journey["deliveredLastHour"] as? Int == 1 && journey["failedLastHour"] as? Int == 1)
        #expect(journey["executionsEnded"] as? Int == 2 && journey["executionsSucceeded"] as? Int == 1)
        #expect(journey["successRate"] as? Double == 0.5)
        #expect(journey["handoffP50Seconds"] as? Double == 4 && journey["handoffP90Seconds"] as? Double == 4)
    }

    @Test func pauseAndResumeShowInTheStatus() throws {
        let folder = try TemporaryFolder()
        let database = try Self.workspace(folder)
        let paused = try CairnProcess.run([
            "live", "pause", "fixture-live", "--reason", "wrong template", "--db", database,
        ])
        #expect(
            paused.status == 0 && paused.stdout == "paused fixture-live: wrong template\n", "\(paused.stderr)"
        )
        let status = try CairnProcess.run(["live", "status", "--db", database])
        #expect(status.stdout.contains("fixture-live v1 (run 9001, active): PAUSED: wrong template\n"))
        let resumed = try CairnProcess.run(["live", "resume", "fixture-live", "--db", database])
        #expect(resumed.status == 0 && resumed.stdout == "resumed fixture-live\n")
        let again = try CairnProcess.run(["live", "status", "--db", database])
        #expect(again.stdout == Self.expectedText)

        let unknown = try CairnProcess.run(["live", "pause", "fixture-liv", "--db", database])
        #expect(unknown.status == 1)
        #expect(
            unknown.stderr
                == "error: no journey 'fixture-liv' in this workspace (did you mean 'fixture-live'?)\n")
        #expect(try CairnProcess.run(["live", "resume", "--db", database]).status == 2, "a usage error")
    }
}
