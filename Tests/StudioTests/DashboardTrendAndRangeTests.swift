import Analytics
import Foundation
import GRDB
import TerminalUI
import Testing

@testable import Studio
@testable import Workspace

/// The trend panel (the journey's last runs, as `cairn report --trend`) and a live run over a
/// date range (`d`, as `cairn report --from --to`).
@Suite struct DashboardTrendAndRangeTests {
    /// 2026-12-01T09:00:00Z.
    static let t0: Int64 = 1_796_115_600

    @Test func theTrendPanelListsTheJourneysLastRuns() throws {
        let workspace = try DashboardScreenTests.workspaceWithRun(seeds: [1, 2, 3])
        let trend = try RunTrend.build(workspace.workspace, run: 3, last: DashboardData.trendRuns)
        #expect(trend.runs.map(\.run) == [1, 2, 3])
        let (screen, model) = runStudio(workspace, start: [.dashboard(run: 3)], events: Event.keys("8"))
        #expect((model.current as? DashboardScreen)?.trend == trend)
        let text = screen.lastFrame.plainText
        #expect(text.contains("runs of welcome-series up to this one, oldest first"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("│#") }
        #expect(rows.count == 3)
        for (row, point) in zip(rows, trend.runs) {
            let cells = row.split(separator: " ").map(String.init)
            #expect(
                cells == [
                    "│#\(point.run)", "v1", "sample", "mixed", "24", "\(point.conversions)",
                    ReportFormat.percent(point.conversionRate), ReportFormat.percent(point.successRate), "│",
                ], "run \(point.run)")
        }
        assertSnapshot(screen.lastFrame, named: "dashboard-tab-trend-runs-80x24")
        let (wide, _) = runStudio(
            workspace, start: [.dashboard(run: 3)], size: Size(width: 120, height: 40), events: [])
        #expect(wide.lastFrame.plainText.contains("8 Trend"))
        assertSnapshot(wide.lastFrame, named: "dashboard-grid-trend-120x40")
    }

    /// Run 2, live: L001 entered at t0 and converted 100 s later; L002 entered an hour later and
    /// is still in flight; L003 entered a day later (outside 2026-12-01) and failed.
    static func addLiveRun(_ test: TestWorkspace) throws {
        let t0 = Self.t0
        try test.workspace.pool.write { db in
            let journey =
                try String.fetchOne(db, sql: "SELECT id FROM workflows WHERE slug = 'welcome-series'") ?? ""
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                                      started_at, leads, entries, conversions)
                    VALUES (2, ?, 1, 1, 0, 'live', 'test', 'running', ?, 3, 3, 1)
                    """, arguments: [journey, t0])
            for (lead, status, start, end): (String, String, Int64, Int64?) in [
                ("L001", "converted", t0, t0 + 100), ("L002", "active", t0 + 3600, nil),
                ("L003", "failed", t0 + 86_400, t0 + 86_410),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at,
                            completed_at) VALUES (?, 2, ?, ?, 1, ?, ?, ?)
                        """, arguments: ["x-\(lead)", journey, lead, status, start, end])
                try db.execute(
                    sql: """
                        INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at)
                        VALUES (2, ?, 1, 'welcome-email', 1, ?)
                        """, arguments: [lead, start])
                try db.execute(
                    sql: """
                        INSERT INTO messages (run_id, lead_id, rotation, node_id, channel, status, requested_at, sent_at,
                            opened_at) VALUES (2, ?, 1, 'welcome-email', 'email', 'sent', ?, ?, ?)
                        """, arguments: [lead, start, start, lead == "L001" ? start + 50 : nil])
            }
        }
    }

    @Test func aLiveRunOverADateRangeShowsTheFiguresOfTheRange() throws {
        let workspace = try DashboardScreenTests.workspaceWithRun()
        try Self.addLiveRun(workspace)
        let typed = Event.keys("d") + Event.typing("2026-12-01 2026-12-01") + Event.keys("enter") + settle
        let (screen, model) = runStudio(workspace, start: [.dashboard(run: 2)], events: typed)
        let dashboard = try #require(model.current as? DashboardScreen)
        #expect(dashboard.range == (try RunWindowRange(from: "2026-12-01", to: "2026-12-01")))
        let window = try #require(dashboard.window)
        // The day holds L001 and L002: two entries, L001's conversion; L003 entered the next day.
        #expect(window.entries == 2 && window.conversions == 1 && window.ended == ["converted": 1])
        #expect(window.reached.map(\.leads) == [2] && window.channels.map(\.sent) == [2])
        #expect(
            window
                == (try RunWindowQueries.build(
                    workspace.workspace, run: 2, from: Self.t0 - 32_400, to: Self.t0 + 54_000)))
        let text = screen.lastFrame.plainText
        #expect(text.contains("2026-12-01T00:00:00Z to 2026-12-02T00:00:00Z"))
        #expect(
            text.contains("2 entries, 1 conversions (50.0% of entries), 1 ended, execution success 100.0%"))
        assertSnapshot(screen.lastFrame, named: "dashboard-range-80x24")
        let (wide, _) = runStudio(
            workspace, start: [.dashboard(run: 2)], size: Size(width: 120, height: 40), events: typed)
        assertSnapshot(wide.lastFrame, named: "dashboard-range-120x40")
        // An empty answer goes back to the whole run.
        let (_, cleared) = runStudio(
            workspace, start: [.dashboard(run: 2)],
            events: typed + Event.keys("d", "backspace", "enter") + settle)
        #expect((cleared.current as? DashboardScreen)?.window == nil)
    }

    @Test func aDateRangeIsForLiveRunsAndIsChecked() throws {
        let workspace = try DashboardScreenTests.workspaceWithRun()
        let (replay, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("d"))
        #expect(replay.lastFrame.plainText.contains("run #1 is a mixed replay"))
        try Self.addLiveRun(workspace)
        let (screen, model) = runStudio(
            workspace, start: [.dashboard(run: 2)],
            events: Event.keys("d") + Event.typing("2026-12-03 2026-12-01") + Event.keys("enter"))
        #expect(screen.lastFrame.plainText.contains("from must be before to"))
        #expect((model.current as? DashboardScreen)?.statusMode == "DATES")
    }
}
