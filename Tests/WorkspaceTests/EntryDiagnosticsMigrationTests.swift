import Foundation
import GRDB
import ReplayEngine
import Testing

@testable import Workspace

/// Migration `v7-entry-diagnostics` on a workspace written before it: runs and their summaries
/// are kept, a run from before has no entry tally (nil, not zeros), and a new run writes one.
@Suite struct EntryDiagnosticsMigrationTests {
    @Test func keepsRunsAndAddsTheEntryTables() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-v6-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v6.db").path
        let queue = try OlderWorkspace.queue(at: path, upTo: "v6-live-handoffs")
        try queue.write { db in
            try OlderWorkspace.insertJourneyAndCohort(db)
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version,
                        status, started_at, finished_at, leads, entries, conversions, handoffs)
                    VALUES (7, 'W1', 1, 1, 42, 'recorded', 'e1', 'completed', 100, 200, 3, 0, 0, 0);
                    INSERT INTO run_node_summary (run_id, node_id, entered, exited, converted, dwell_count,
                        dwell_total_seconds) VALUES (7, 'a', 0, 0, 0, 0, 0);
                    """)
        }
        let before = try queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM runs").map(\.description)
        }
        try queue.close()

        let workspace = try Workspace.open(at: path)
        try workspace.pool.read { db in
            #expect(try Row.fetchAll(db, sql: "SELECT * FROM runs").map(\.description) == before)
            let nodeRows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM run_node_summary")
            #expect(nodeRows == 1)
            let entryTables =
                try db.tableExists("run_entry_summary") && db.tableExists("run_entry_leaf_summary")
            #expect(entryTables)
            #expect(try RunEntrySummary.read(db, run: 7) == nil)
            #expect(try RunSpanOptions.read(db, run: 7) == nil)
            #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
        }
        var tally = EntryTally(leaves: [AudienceLeafTally(index: 0, text: "plan = \"pro\"", negated: true)])
        tally.triggerFires = 5
        tally.refused = 4
        tally.refusedLeads = 2
        tally.leaves[0].refusals = 4
        tally.leaves[0].leads = 2
        try workspace.pool.write { db in try RunEntrySummary.write(db, run: 7, tally) }
        #expect(try workspace.pool.read { db in try RunEntrySummary.read(db, run: 7) } == tally)
    }
}
