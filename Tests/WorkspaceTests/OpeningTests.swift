import Foundation
import GRDB
import Testing

@testable import Workspace

@Suite struct OpeningTests {
    @Test func migratesAnEmptyFileToTheFullSchema() throws {
        let test = try TestWorkspace()
        let tables = try test.workspace.pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name")
        }
        for table in [
            "workflows", "workflow_executions", "agent_handoffs", "journey_versions", "cohorts", "leads",
            "lead_events", "agents", "runs", "node_stays", "messages", "run_node_summary",
        ] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        let (journalMode, foreignKeys, applicationID) = try test.workspace.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int32.fetchOne(db, sql: "PRAGMA application_id")
            )
        }
        #expect(journalMode == "wal")
        #expect(foreignKeys == 1)
        #expect(applicationID == WorkspaceVersion.applicationID)
        #expect(try test.count("workflows") == 0)
    }

    @Test func reopeningKeepsTheDataAndMigratesNothing() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(
            yaml: try Repository.text("sample-journeys/welcome-series.journey.yaml"), file: "w.yaml")
        let again = try Workspace.open(at: test.path)
        #expect(try again.journeys().map(\.journey) == ["welcome-series"])
    }

    @Test func refusesAFileThatIsNotSQLite() throws {
        let test = try TestWorkspace()
        let path = try test.file(
            "notes.db", "these are my notes, not a database\n" + String(repeating: "x", count: 200))
        #expect(throws: WorkspaceError.notSQLite(path: path)) { try Workspace.open(at: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("these are my notes"))
        #expect(
            WorkspaceError.notSQLite(path: path).description
                == "\(path): not a Cairn workspace: the file is not an SQLite database")
    }

    @Test func refusesAnotherApplicationsDatabaseWithoutTouchingIt() throws {
        let test = try TestWorkspace()
        let path = test.folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        }
        try queue.close()
        #expect(
            throws: WorkspaceError.notAWorkspace(
                path: path, detail: "it is an SQLite database with other tables (invoices)")
        ) { try Workspace.open(at: path) }
        let mode = try DatabaseQueue(path: path).read { db in
            try String.fetchOne(db, sql: "PRAGMA journal_mode")
        }
        #expect(mode == "delete")
    }

    @Test func refusesAWorkspaceWrittenByANewerCairn() throws {
        let test = try TestWorkspace()
        try test.workspace.pool.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-teleporter')")
            try db.execute(sql: "UPDATE meta SET value = '9.0.0' WHERE key = 'written_by'")
        }
        #expect(
            throws: WorkspaceError.madeByNewerCairn(
                path: test.path, writtenBy: "Cairn 9.0.0", unknownMigrations: ["v9-teleporter"])
        ) { try Workspace.open(at: test.path) }
        let message = WorkspaceError.madeByNewerCairn(
            path: "w.db", writtenBy: "Cairn 9.0.0", unknownMigrations: ["v9-teleporter"]
        ).description
        #expect(message.contains("written by a newer Cairn (Cairn 9.0.0)"))
        #expect(message.contains("Upgrade Cairn"))
    }

    @Test func anEmptyFileBecomesAWorkspace() throws {
        let test = try TestWorkspace()
        let path = try test.file("empty.db", "")
        let workspace = try Workspace.open(at: path)
        #expect(try workspace.journeys().isEmpty)
    }

    @Test func aMissingFolderIsAClearError() throws {
        #expect(
            throws: WorkspaceError.cannotOpen(
                path: "/nonexistent-cairn-folder/w.db",
                reason: "the folder '/nonexistent-cairn-folder' does not exist")
        ) { try Workspace.open(at: "/nonexistent-cairn-folder/w.db") }
    }

    @Test func anInterruptedSeedingIsFinishedByTheNextOpen() throws {
        let test = try TestWorkspace()
        try test.workspace.pool.write { db in
            try db.execute(sql: "UPDATE meta SET value = 'pending' WHERE key = 'seed'")
        }
        let reopened = try Workspace.open(
            at: test.path, seed: WorkspaceSeed(files: try Repository.seedFiles()))
        #expect(try reopened.cohort(named: "sample").leads == 24)
        let state = try reopened.pool.read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'seed'")
        }
        #expect(state == "done")
        // An empty workspace (no seed) stays empty.
        let empty = try TestWorkspace()
        _ = try Workspace.open(at: empty.path, seed: WorkspaceSeed(files: try Repository.seedFiles()))
        #expect(try empty.count("workflows") == 0)
    }

    @Test func pathComesFromOptionThenEnvironmentThenDefault() {
        #expect(WorkspaceLocation.resolve(option: "a.db", environment: ["CAIRN_DB": "b.db"]) == "a.db")
        #expect(WorkspaceLocation.resolve(option: nil, environment: ["CAIRN_DB": "b.db"]) == "b.db")
        #expect(WorkspaceLocation.resolve(option: nil, environment: [:]) == "cairn.db")
    }

    @Test func seedingPlantsTheSampleJourneysActive() throws {
        let test = try TestWorkspace(seed: WorkspaceSeed(files: try Repository.seedFiles()))
        let journeys = try test.workspace.journeys()
        #expect(journeys.contains { $0.journey == "welcome-series" && $0.activeVersion == 1 })
        #expect(journeys.count >= 5)
        #expect(try test.workspace.agents().count == 7)
        #expect(try test.workspace.cohort(named: "sample").leads == 24)
        #expect(try test.workspace.cohort(named: "sample-synthetic").leads == 2000)
        // A second open does not seed again.
        _ = try Workspace.open(at: test.path, seed: WorkspaceSeed(files: try Repository.seedFiles()))
        #expect(try test.workspace.history(of: "welcome-series").count == 1)
    }
}
