import Foundation
import GRDB
import Testing

@testable import Workspace

/// Migration `v9-compact-step-log` on a workspace written before it: every row of
/// `workflow_executions`, `node_stays` and `messages` reads back the same through the views
/// (ids of stays and messages aside: they are now the execution's key × 8192 + the place), the
/// compact rows hold codes and offsets, and a handoff keeps naming its execution.
@Suite struct CompactStepLogMigrationTests {
    static let explanation =
        #"[{"actual":"0","branch":0,"expected":"—","field":"email.opened","matched":false,"operator":"exists","type":"behavior"},"#
        + #"{"actual":"43","branch":0,"expected":"40","field":"score","matched":true,"operator":"at_least","type":"property"}]"#

    /// A file migrated up to `v8-conversions` with one run: L1 converted after a decision and a
    /// deferred, then opened, email; L2 is still waiting (a live-shaped execution: its context
    /// has no steps yet); a handoff names L1's execution.
    static func v8Workspace(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("v8.db").path
        let queue = try OlderWorkspace.queue(at: path, upTo: "v8-conversions")
        try queue.write { db in
            try OlderWorkspace.insertJourneyAndCohort(db)
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version,
                        status, options, started_at, finished_at, leads, entries, conversions)
                    VALUES (7, 'W1', 1, 1, 42, 'simulated', 'e1', 'completed', '{}', 100, 200, 2, 2, 1);
                    INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, current_step,
                        context, reason, started_at, completed_at)
                    VALUES ('00000007-0000-8000-8000-000000000001', 7, 'W1', 'L1', 1, 'converted', 'done',
                            '{"steps":3,"trigger":"event lead.created"}', 'customer', 100, 400),
                           ('E2', 7, 'W1', 'L2', 1, 'active', 'wait', '{"trigger":"event lead.created"}', NULL, 150,
                            NULL);
                    INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at, exited_at, outcome,
                        next_node_id, explanation)
                    VALUES (7, 'L1', 1, 'check', 1, 100, 100, 'yes', 'email', ?),
                           (7, 'L2', 1, 'wait', 1, 150, NULL, 'waiting', NULL, NULL),
                           (7, 'L1', 1, 'email', 1, 100, 300, 'next', 'done', NULL),
                           (7, 'L1', 1, 'done', 1, 300, 400, 'converted', NULL, NULL);
                    INSERT INTO messages (run_id, lead_id, rotation, node_id, channel, template, status, reason,
                        requested_at, sent_at, opened_at)
                    VALUES (7, 'L1', 1, 'email', 'email', 'intro', 'deferred', 'quiet_hours', 100, NULL, NULL),
                           (7, 'L1', 1, 'email', 'email', 'intro', 'sent', NULL, 200, 200, 260);
                    INSERT INTO agent_handoffs (id, run_id, execution_id, lead_id, handoff_reason, created_at)
                    VALUES ('7:h1', 7, '00000007-0000-8000-8000-000000000001', 'L1', 'hot', 300);
                    """, arguments: [explanation])
        }
        try queue.close()
        return path
    }

    static let stayColumns =
        "run_id, lead_id, rotation, node_id, visit, entered_at, exited_at, outcome, next_node_id, explanation"
    static let messageColumns =
        "run_id, lead_id, rotation, node_id, channel, template, status, reason, requested_at, sent_at, opened_at, "
        + "clicked_at, replied_at, unsubscribed_at"

    static func dump(_ db: Database, _ sql: String) throws -> [[String]] {
        try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues.map(\.description)) }
    }

    static func rows(_ db: Database) throws -> [[[String]]] {
        [
            try dump(db, "SELECT * FROM workflow_executions ORDER BY lead_id"),
            try dump(db, "SELECT \(stayColumns) FROM node_stays ORDER BY lead_id, entered_at, node_id"),
            try dump(db, "SELECT \(messageColumns) FROM messages ORDER BY lead_id, requested_at"),
            try dump(db, "SELECT * FROM agent_handoffs"),
        ]
    }

    @Test func everyRowReadsTheSameThroughTheViews() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-v8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try Self.v8Workspace(in: folder)
        let before = try DatabaseQueue(path: path).read { db in try Self.rows(db) }
        #expect(before[1].count == 4 && before[2].count == 2)
        let workspace = try Workspace.open(at: path)
        try workspace.pool.read { db in
            #expect(try Self.rows(db) == before)
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
            // L1's stays under its key, in the order they happened, times as offsets.
            let key = try #require(
                try Int64.fetchOne(db, sql: "SELECT key FROM execution_rows WHERE lead_id = 'L1'"))
            let stays = try Self.dump(
                db,
                """
                SELECT s.id - (\(key) << 13), w.word, s.entered, s.dwell, s.verdicts
                FROM stay_rows s JOIN step_words w ON w.code = s.node WHERE s.id >> 13 = \(key) ORDER BY s.id
                """)
            #expect(
                stays == [
                    ["1", "\"check\"", "0", "0", "\"01[\\\"0\\\",\\\"43\\\"]\""],
                    ["2", "\"email\"", "0", "200", "NULL"], ["3", "\"done\"", "200", "100", "NULL"],
                ])
            #expect(
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM decision_leaves WHERE node_id = 'check'") == 2
            )
            #expect(
                try String.fetchAll(db, sql: "SELECT word FROM step_words WHERE code <= 6 ORDER BY code") == [
                    "active", "completed", "converted", "exited", "halted", "failed",
                ])
        }
    }

    /// An execution's rows are numbered within its key's 8,191 places: one more fails the write
    /// (and the run) instead of spilling into the next execution's.
    @Test func anExecutionHoldsAtMost8191RowsOfAKind() throws {
        #expect(throws: Never.self) { try CompactStepWriter.checkRoom(8191, "stays", key: 1) }
        #expect(throws: DatabaseError.self) { try CompactStepWriter.checkRoom(8192, "stays", key: 1) }
    }

    @Test func aReplaysExecutionIsFoundByItsMadeID() throws {
        let replayed = try StepLogSummariesTests.replay()
        let run = replayed.runID
        try replayed.test.workspace.pool.read { db in
            let ids = try String.fetchAll(
                db, sql: "SELECT id FROM workflow_executions WHERE run_id = ? ORDER BY lead_id",
                arguments: [run])
            #expect(!ids.isEmpty)
            for id in ids {
                let place = try #require(try ExecutionPlace.find(id: id, db))
                let found = try String.fetchOne(
                    db,
                    sql:
                        "SELECT id FROM workflow_executions WHERE run_id = ? AND lead_id = ? AND rotation = ?",
                    arguments: [place.run, place.lead, place.rotation])
                #expect(found == id)
            }
            #expect(try ExecutionPlace.find(id: "00000001-0000-8000-8000-00000000ffff", db) == nil)
            #expect(try ExecutionPlace.find(id: "not-an-id", db) == nil)
        }
    }
}
