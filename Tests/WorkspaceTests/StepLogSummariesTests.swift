import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import TestSupport
import Testing

@testable import Workspace

/// Every summary a replay's recorder wrote from the engine's tally, recomputed from the step
/// log with plain SQL (`refreshRunSummaries`, what a live run is summarized by), must come out
/// the same, row for row: conversions after an execution ended included (`conversions`).
@Suite struct StepLogSummariesTests {
    struct Replayed {
        let test: TestWorkspace
        let runID: Int64
        let records: CollectingRecorder
    }

    /// The journey replayed into a fresh workspace the normal way, up to a horizon that leaves
    /// some leads waiting; and the same replay's records, collected.
    static func replay() throws -> Replayed {
        let test = try TestWorkspace()
        let outcome = try test.workspace.saveJourney(
            yaml: StepLogJourney.journeyYAML, file: "check.journey.yaml")
        let journey = try #require(
            JourneyReader.read(StepLogJourney.journeyYAML, file: "check.journey.yaml").journey)
        let agents = try test.workspace.importAgents(yaml: StepLogJourney.rosterYAML, file: "agents.yaml")
        try test.workspace.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO cohorts (name, origin, author, created_at, lead_count) VALUES ('c', 'csv', 't', 0, 240)"
            )
        }
        let horizon = StepLogJourney.start.addingTimeInterval(6 * 86_400)
        let order = ReplayOrder(
            journey: journey.id, version: outcome.version, cohort: "c", seed: 7, mode: .simulated,
            horizon: horizon)
        let recorder = try test.workspace.startRun(order, engineVersion: "test")
        let configuration = ReplayConfiguration(seed: 7, mode: .simulated, horizon: horizon)
        _ = Replay.run(
            journey: journey, cohort: StepLogJourney.cohort(), agents: agents, configuration: configuration,
            recorder: recorder)
        #expect(recorder.failure == nil)
        let collected = CollectingRecorder()
        _ = Replay.run(
            journey: journey, cohort: StepLogJourney.cohort(), agents: agents, configuration: configuration,
            recorder: collected)
        return Replayed(test: test, runID: recorder.runID, records: collected)
    }

    static let totals = """
        SELECT entries, conversions, executions_failed, executions_halted, messages_sent, messages_suppressed,
            handoffs FROM runs WHERE id = ?
        """

    typealias Rows = [[String: DatabaseValue]]

    /// Every summary row of the run, by table, in a stable order; and the run's totals.
    static func snapshot(_ r: Replayed) throws -> [String: Rows] {
        try r.test.workspace.pool.read { db in
            var tables: [String: Rows] = [:]
            for table in StepLogSummaries.tables {
                let columns = try Row.fetchAll(db, sql: "SELECT name FROM pragma_table_info('\(table)')").map
                {
                    $0["name"] as String
                }
                let order = columns.joined(separator: ", ")
                tables[table] = try Row.fetchAll(
                    db, sql: "SELECT \(order) FROM \(table) WHERE run_id = ? ORDER BY \(order)",
                    arguments: [r.runID]
                ).map(values)
            }
            tables["runs"] = try Row.fetchAll(db, sql: totals, arguments: [r.runID]).map(values)
            return tables
        }
    }

    static func values(_ row: Row) -> [String: DatabaseValue] {
        Dictionary(uniqueKeysWithValues: row.map { ($0.0, $0.1) })
    }

    /// Conversions that came after their execution ended: the figures only the `conversions`
    /// table holds.
    static func afterExitConversions(_ records: CollectingRecorder) -> Int {
        records.records.reduce(0) { count, record in
            guard case .conversion(let conversion) = record, conversion.afterExit else { return count }
            return count + 1
        }
    }

    static func text(_ value: DatabaseValue?) -> String {
        value.flatMap { String.fromDatabaseValue($0) } ?? ""
    }
    static func number(_ value: DatabaseValue?) -> Int { value.flatMap { Int.fromDatabaseValue($0) } ?? 0 }

    static func expectSame(_ recomputed: [String: Rows], _ expected: [String: Rows]) {
        for table in StepLogSummaries.tables + ["runs"] {
            let got = recomputed[table] ?? []
            let want = expected[table] ?? []
            #expect(
                got.count == want.count,
                "\(table): \(got.count) rows from the step log, \(want.count) replayed")
            for (a, b) in zip(got, want) where a != b {
                Issue.record("\(table): from the step log \(a), replayed \(b)")
            }
        }
    }

    @Test func theStepLogGivesTheReplaysSummaries() throws {
        let r = try Self.replay()
        let replayed = try Self.snapshot(r)
        let after = Self.afterExitConversions(r.records)
        try Self.expectExercised(replayed, after: after)
        try r.test.workspace.refreshRunSummaries(run: r.runID, now: StepLogJourney.start)
        Self.expectSame(try Self.snapshot(r), replayed)
        // Twice is the same as once: every row is rewritten, none added to.
        try r.test.workspace.refreshRunSummaries(run: r.runID, now: StepLogJourney.start)
        Self.expectSame(try Self.snapshot(r), replayed)
    }

    /// The test means something only if the run has every kind of row the SQL must derive.
    static func expectExercised(_ replayed: [String: Rows], after: Int) throws {
        let dropoff = replayed["run_dropoff_summary"] ?? []
        let reasons = Set(dropoff.map { text($0["reason"]) })
        #expect(reasons.isSuperset(of: ["timed_out", "waiting", "completed", "exited"]), "\(reasons)")
        let splits = replayed["run_split_summary"] ?? []
        #expect(splits.contains { number($0["is_holdout"]) == 1 && number($0["conversions"]) > 0 })
        let handoffs = replayed["run_handoff_summary"] ?? []
        #expect(handoffs.reduce(0) { $0 + number($1["queued"]) } > 0)
        #expect(handoffs.contains { number($0["wait_p90"]) > 0 })
        let labels = Set((replayed["run_edge_summary"] ?? []).map { text($0["label"]) })
        #expect(labels.isSuperset(of: ["timeout", "event", "yes", "no", "email-first"]), "\(labels)")
        #expect(after > 0)
        #expect(number(replayed["runs"]?.first?["conversions"]) > 0)
    }

    /// A live run's step log differs in shape: an in-flight execution has no open stay row and
    /// no `current_step` (its position is in `live_leads`). Reshaped so, the replay's step log
    /// still gives the same summaries.
    @Test func aLiveShapedStepLogGivesTheSameSummaries() throws {
        let r = try Self.replay()
        let replayed = try Self.snapshot(r)
        let runID = r.runID
        let moved = try r.test.workspace.pool.write { db in
            // The table as migration v5 makes it (kept if it is there already).
            try db.execute(
                sql: """
                    CREATE TABLE IF NOT EXISTS live_leads (
                        run_id INTEGER NOT NULL REFERENCES runs(id), lead_id TEXT NOT NULL, execution_id TEXT,
                        node_id TEXT, visit INTEGER, due_at REAL, waits_for TEXT, deadline_at REAL,
                        state TEXT NOT NULL, updated_at REAL NOT NULL, PRIMARY KEY (run_id, lead_id)) STRICT
                    """)
            try db.execute(
                sql: """
                    INSERT INTO live_leads (run_id, lead_id, execution_id, node_id, visit, state, updated_at)
                    SELECT s.run_id, s.lead_id, e.id, s.node_id, s.visit, '{}', 0 FROM node_stays s
                    JOIN workflow_executions e ON e.run_id = s.run_id AND e.lead_id = s.lead_id AND e.rotation = s.rotation
                    WHERE s.run_id = ? AND s.exited_at IS NULL
                    """, arguments: [runID])
            let moved = db.changesCount
            // The step log's views are read-only for updates: change the rows they show. A live
            // writer states every stay's exit and next node (a replay leaves most to be worked
            // out from the stay after), so first write them out as it would.
            try db.execute(
                sql: """
                    UPDATE stay_rows SET
                        dwell = COALESCE((SELECT v.exited_at - v.entered_at FROM node_stays v WHERE v.id = stay_rows.id), -1),
                        next = COALESCE((SELECT w.code FROM node_stays v JOIN step_words w ON w.word = v.next_node_id
                            WHERE v.id = stay_rows.id), 0)
                    WHERE id >> 13 IN (SELECT key FROM execution_rows WHERE run_id = ?)
                    """, arguments: [runID])
            try db.execute(
                sql: """
                    DELETE FROM stay_rows
                    WHERE id IN (SELECT id FROM node_stays WHERE run_id = ? AND exited_at IS NULL)
                    """, arguments: [runID])
            try db.execute(
                sql: """
                    UPDATE execution_rows SET current_step = NULL
                    WHERE run_id = ? AND status = (SELECT code FROM step_words WHERE word = 'active')
                    """, arguments: [runID])
            return moved
        }
        #expect(moved > 0)
        try r.test.workspace.refreshRunSummaries(run: r.runID, now: StepLogJourney.start)
        Self.expectSame(try Self.snapshot(r), replayed)
    }

    @Test func anUnknownRunIsALocatedError() throws {
        let test = try TestWorkspace()
        #expect(throws: WorkspaceError.self) {
            try test.workspace.refreshRunSummaries(run: 42, now: StepLogJourney.start)
        }
    }

    @Test func aReplayStillRunningIsLeftToItsRecorder() throws {
        let r = try Self.replay()
        try r.test.workspace.pool.write { db in
            try db.execute(sql: "UPDATE runs SET status = 'running' WHERE id = ?", arguments: [r.runID])
        }
        let before = try Self.snapshot(r)
        #expect(throws: WorkspaceError.self) {
            try r.test.workspace.refreshRunSummaries(run: r.runID, now: StepLogJourney.start)
        }
        #expect(try Self.snapshot(r) == before)
    }

    @Test func theRefreshTimeIsKeptWithTheRun() throws {
        let r = try Self.replay()
        try r.test.workspace.refreshRunSummaries(
            run: r.runID, now: Date(timeIntervalSince1970: 1_780_000_123.5))
        let at = try r.test.workspace.pool.read { db in
            try Double.fetchOne(
                db, sql: "SELECT options ->> '$.summarized_at' FROM runs WHERE id = ?", arguments: [r.runID])
        }
        #expect(at == 1_780_000_123.5)
    }
}
