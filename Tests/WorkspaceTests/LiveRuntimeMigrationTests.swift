import Foundation
import GRDB
import Testing

@testable import Workspace

/// Migration `v5-live-runtime` on a workspace written before it: `runs` and `outbox` are
/// rebuilt with every row, column and index kept, and their CHECKs take the new values.
@Suite struct LiveRuntimeMigrationTests {
    /// A file migrated up to `v4-live-intake`, holding a journey, a cohort, two runs with an
    /// execution that refers to one, and two outbox rows.
    static func v4Workspace(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("v4.db").path
        let queue = try OlderWorkspace.queue(at: path, upTo: "v4-live-intake")
        try queue.write { db in
            try OlderWorkspace.insertJourneyAndCohort(db)
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version,
                        status, options, started_at, finished_at, leads, entries, conversions, handoffs)
                    VALUES (7, 'W1', 1, 1, 42, 'mixed', 'e1', 'completed', '{"until":5}', 100, 200, 3, 4, 1, 2),
                           (8, 'W1', 1, 1, 43, 'recorded', 'e1', 'cancelled', '{}', 300, 301, 0, 0, 0, 0);
                    INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at)
                    VALUES ('E1', 7, 'W1', 'L1', 1, 'completed', 100);
                    INSERT INTO outbox (id, idempotency_key, journey, version, node, lead_id, channel, payload,
                        requested_at, due_at, attempts, state, last_error, delivered_at, updated_at)
                    VALUES (1, 'E1:email:1', 'welcome', 1, 'email', 'L1', 'email', '{"a":1}', 100.5, 100.5, 1,
                        'delivered', NULL, 101.25, 101.25),
                           (2, 'E1:sms:1', 'welcome', 1, 'sms', 'L1', 'sms', '{}', 102.5, 160.0, 2,
                        'pending', 'HTTP 503', NULL, 130.0);
                    """)
        }
        try queue.close()
        return path
    }

    static func dump(_ pool: Workspace, _ table: String) throws -> [[String]] {
        try pool.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map { row in
                Array(row.databaseValues.map(\.description))
            }
        }
    }

    @Test func keepsRunsAndOutboxWithTheirIndexes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-v4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.v4Workspace(in: folder)
        let before = try DatabaseQueue(path: path).read { db in
            try ["runs", "outbox", "workflow_executions"].map { table in
                try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY 1").map {
                    Array($0.databaseValues.map(\.description))
                }
            }
        }
        let workspace = try Workspace.open(at: path)
        #expect(try Self.dump(workspace, "runs") == before[0])
        #expect(try Self.dump(workspace, "outbox") == before[1])
        #expect(try Self.dump(workspace, "workflow_executions") == before[2])
        try workspace.pool.read { db in
            let indexes = try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('runs', 'outbox') AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
            #expect(indexes == ["outbox_by_state_and_due", "runs_by_status", "runs_by_workflow"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
            #expect(try !db.tableExists("runs_v5") && !db.tableExists("outbox_v5"))
            let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            #expect(applied.contains("v5-live-runtime"))
        }
        try workspace.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (workflow_id, journey_version, cohort_id, seed, mode, engine_version, status, started_at)
                    VALUES ('W1', 1, 1, 0, 'live', 'e1', 'running', 400);
                    UPDATE outbox SET state = 'skipped_stale' WHERE id = 2;
                    """)
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE runs SET mode = 'wall-clock' WHERE id = 7")
            }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "UPDATE outbox SET state = 'lost' WHERE id = 1")
            }
            #expect(throws: DatabaseError.self, "runs still checks its foreign keys") {
                try db.execute(
                    sql: """
                        INSERT INTO runs (workflow_id, journey_version, cohort_id, seed, mode, engine_version, status, started_at)
                        VALUES ('W1', 9, 1, 0, 'live', 'e1', 'running', 400)
                        """)
            }
        }
        #expect(try workspace.outboxEntry(key: "E1:sms:1")?.state == .skippedStale)
    }

    @Test func aLiveRunIsNotMarkedInterruptedOnOpen() throws {
        let test = try TestWorkspace()
        try test.workspace.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO workflows (id, slug, name, trigger_config, conditions, actions, latest_version,
                        created_at, updated_at) VALUES ('W1', 'welcome', 'Welcome', '{}', '[]', '[]', 1, 10, 10);
                    INSERT INTO journey_versions (workflow_id, version, yaml, content_hash, author, created_at, origin)
                    VALUES ('W1', 1, 'x', 'h', 'me', 10, 'import');
                    INSERT INTO cohorts (name, origin, author, created_at) VALUES ('live', 'jsonl', 'me', 10);
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                        started_at, writer_pid, writer_host) VALUES (1, 'W1', 1, 1, 0, 'live', 'e', 'running', 1, 999999, 'gone');
                    """)
        }
        let again = try Workspace.open(at: test.path)
        #expect(
            try again.pool.read { db in try String.fetchOne(db, sql: "SELECT status FROM runs") } == "running"
        )
    }
}
