import Foundation
import GRDB
import Testing

@testable import Workspace

/// Migration `v8-conversions` on a workspace written before it: the `conversions` table is
/// added with a row for every execution that had converted, and the `next` of decisions' and
/// splits' stays becomes the label of the edge taken, read from the run's journey version.
@Suite struct ConversionMigrationTests {
    static let journeyYAML = """
        journey: mig
        name: Mig
        entry:
          trigger: { type: event, event: lead.created }
          next: test
        nodes:
          - id: test
            kind: split
            paths:
              - { name: a, weight: 50, next: email }
              - { name: b, weight: 50, next: check }
          - id: email
            kind: action
            action: { type: send, channel: email, template: intro }
            next: check
          - id: check
            kind: decision
            if: { type: property, field: score, operator: at_least, value: 40 }
            then: done
            else: bye
          - id: done
            kind: goal
          - id: bye
            kind: exit
            reason: bye
        """

    /// A file migrated up to `v6-live-handoffs`, holding one run of that journey: L1 took path a,
    /// was sent an email and converted at the decision's `yes`; L2 took path b and the `no`.
    static func v6Workspace(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("v6.db").path
        let queue = try OlderWorkspace.queue(at: path, upTo: "v6-live-handoffs")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO meta (key, value) VALUES ('seed', 'none');
                    INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, active,
                        active_version, latest_version, created_at, updated_at)
                    VALUES ('W1', 'mig', 'Mig', '{}', '[]', '[]', 1, 1, 1, 10, 10);
                    INSERT INTO cohorts (name, origin, author, created_at) VALUES ('c', 'csv', 'me', 10);
                    """)
            try db.execute(
                sql: """
                    INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at, origin)
                    VALUES ('W1', 1, ?, 'h', 'me', 10, 'import')
                    """, arguments: [journeyYAML])
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version,
                        status, options, started_at, finished_at, leads, entries, conversions)
                    VALUES (7, 'W1', 1, 1, 42, 'simulated', 'e1', 'completed', '{}', 100, 200, 2, 2, 1);
                    INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, current_step,
                        started_at, completed_at)
                    VALUES ('E1', 7, 'W1', 'L1', 1, 'converted', 'done', 100, 200),
                           ('E2', 7, 'W1', 'L2', 1, 'completed', 'bye', 100, 130);
                    INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at, exited_at, outcome,
                        next_node_id)
                    VALUES (7, 'L1', 1, 'test', 1, 100, 100, 'next', 'email'),
                           (7, 'L1', 1, 'email', 1, 100, 150, 'next', 'check'),
                           (7, 'L1', 1, 'check', 1, 150, 150, 'next', 'done'),
                           (7, 'L1', 1, 'done', 1, 150, 200, 'converted', NULL),
                           (7, 'L2', 1, 'test', 1, 100, 100, 'next', 'check'),
                           (7, 'L2', 1, 'check', 1, 100, 100, 'next', 'bye'),
                           (7, 'L2', 1, 'bye', 1, 100, 130, 'completed', NULL);
                    INSERT INTO messages (run_id, lead_id, rotation, node_id, channel, template, status,
                        requested_at, sent_at)
                    VALUES (7, 'L1', 1, 'email', 'email', 'intro', 'sent', 100, 120);
                    """)
        }
        try queue.close()
        return path
    }

    @Test func addsConversionsAndLabelsOutcomes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-v6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.open(at: try Self.v6Workspace(in: folder))
        try workspace.pool.read { db in
            let conversions = try Row.fetchAll(db, sql: "SELECT * FROM conversions").map {
                Array($0.databaseValues.map(\.description))
            }
            #expect(conversions == [["7", "\"L1\"", "1", "200", "0", "\"email\""]])
            let outcomes = try Row.fetchAll(
                db, sql: "SELECT lead_id, node_id, outcome FROM node_stays ORDER BY id"
            ).map { "\($0["lead_id"] as String) \($0["node_id"] as String) \($0["outcome"] as String)" }
            #expect(
                outcomes == [
                    "L1 test a", "L1 email next", "L1 check yes", "L1 done converted", "L2 test b",
                    "L2 check no",
                    "L2 bye completed",
                ])
            #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM workflow_executions") == 2)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations").contains(
                    "v8-conversions"))
        }
        // The old run's summaries recomputed from its migrated step log: paths and conversions.
        try workspace.refreshRunSummaries(run: 7, now: Date(timeIntervalSince1970: 300))
        let splits = try workspace.pool.read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT path, leads, conversions FROM run_split_summary WHERE run_id = 7 ORDER BY path"
            ).map { "\($0["path"] as String) \($0["leads"] as Int) \($0["conversions"] as Int)" }
        }
        #expect(splits == ["a 1 1", "b 1 0"])
        let channels = try workspace.pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT converted FROM run_channel_summary WHERE run_id = 7 AND channel = 'email'")
        }
        #expect(channels == 1)
    }
}
