import Foundation
import TerminalUI
import TestSupport
import Testing

private let skipReason: String? =
    TmuxSession.unavailableReason
    ?? (CairnProcess.binary == nil ? "no built cairn binary next to the tests" : nil)

/// `cairn dashboard`: the studio opened read-only at a run's dashboard.
@Suite(.serialized) struct DashboardEndToEndTests {
    /// A workspace with one run of welcome-series on the sample cohort (run 1).
    static func workspaceWithRun(_ folder: TemporaryFolder) throws -> String {
        let db = folder.url.appendingPathComponent("w.db").path
        let replay = try CairnProcess.run(["replay", "welcome-series", "--cohort", "sample", "--db", db])
        #expect(replay.status == 0, "\(replay.stderr)")
        return db
    }

    @Test(.enabled(if: skipReason == nil, Comment(rawValue: skipReason ?? "")))
    func showsThePanelsQuitsWithQAndWritesNothing() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspaceWithRun(folder)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let binary = try #require(CairnProcess.binary)
        let session = try TmuxSession(
            command: [binary.path, "dashboard", "--db", db], size: Size(width: 80, height: 24))
        defer { session.terminate() }
        try session.waitFor("1 Funnel")
        let screen = try session.waitFor("welcome-email")
        #expect(screen.contains("Run #1 welcome-series v1"))
        #expect(screen.contains("read-only"))
        try session.send(keys: "7")
        try session.waitFor("Run health")
        try session.send(keys: "q")
        let exit = try session.waitForExit()
        #expect(exit.status == 0)
        #expect(exit.terminalSettingsRestored && exit.screenModesRestored)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test(.enabled(if: skipReason == nil, Comment(rawValue: skipReason ?? "")))
    func wideTerminalsShowTheGrid() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspaceWithRun(folder)
        let binary = try #require(CairnProcess.binary)
        let session = try TmuxSession(
            command: [binary.path, "dashboard", "--run", "1", "--db", db], size: Size(width: 120, height: 40))
        defer { session.terminate() }
        let screen = try session.waitFor("6 Handoffs")
        #expect(screen.contains("1 Funnel") && screen.contains("7 Run health"))
        try session.send(keys: "q")
        #expect(try session.waitForExit().status == 0)
    }

    @Test func aMissingWorkspaceIsAnErrorAndIsNotCreated() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("none.db").path
        let outcome = try CairnProcess.run(["dashboard", "--db", db])
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains("error: \(db): cannot open the workspace: there is no workspace there"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func anUnknownRunIsAnErrorListingRecentRuns() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspaceWithRun(folder)
        let outcome = try CairnProcess.run(["dashboard", "--run", "42", "--db", db])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("no run 42"))
        #expect(outcome.stderr.contains("recent runs:\n  1  welcome-series v1 on sample (completed)"))
    }

    @Test func notOnATerminalItPrintsTheTextReport() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspaceWithRun(folder)
        let dashboard = try CairnProcess.run(["dashboard", "--db", db])
        let report = try CairnProcess.run(["report", "--run", "1", "--db", db])
        #expect(dashboard.status == 0)
        #expect(dashboard.stdout == report.stdout)
    }
}
