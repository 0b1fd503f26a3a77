import Foundation
import GRDB
import Testing

@testable import Analytics
@testable import Workspace

/// `cairn report --trend N` and a live run over a date range, on the hand-computed fixture.
@Suite struct TrendAndWindowTests {
    let fixture: ReportFixture
    init() throws { fixture = try ReportFixture() }

    @Test func theTrendListsTheJourneysLastRunsOldestFirst() throws {
        let trend = try RunTrend.build(fixture.workspace, run: nil, last: 2)
        #expect(trend.journey == "fixture" && trend.hasGoal)
        #expect(trend.runs.map(\.run) == [2, 3])
        #expect(trend.runs.map(\.entries) == [2000, 10_000] && trend.runs.map(\.conversions) == [241, 0])
        #expect(trend.runs.map(\.conversionRate) == [0.1205, 0])
        let upToRun1 = try RunTrend.build(fixture.workspace, run: 1, last: 5)
        #expect(upToRun1.runs.map(\.run) == [1] && upToRun1.runs[0].successRate == 17.0 / 18)
        let text = TrendRenderer.text(try RunTrend.build(fixture.workspace, run: 3, last: 3))
        #expect(text.hasPrefix("TREND — fixture, last 3 runs, oldest first\n"))
        #expect(text.contains("#2") && text.contains("241"))
        #expect(TrendRenderer.csv(trend).split(separator: "\n").count == 3)
    }

    /// Run 4, live: L41 entered at t0 and converted at t0 + 100 s; L42 entered an hour later and
    /// is still in flight; L43 entered a day later (outside the range) and failed.
    func addLiveRun() throws {
        let t0 = ReportFixture.t0
        try fixture.workspace.pool.write { db in
            let journey =
                try String.fetchOne(db, sql: "SELECT id FROM workflows WHERE slug = 'fixture'") ?? ""
            try db.execute(
                sql: """
                    INSERT INTO runs (id, workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                                      started_at, leads, entries, conversions)
                    VALUES (4, ?, 1, 1, 0, 'live', 'test', 'running', ?, 3, 3, 1)
                    """, arguments: [journey, t0])
            for (lead, status, start, end): (String, String, Int64, Int64?) in [
                ("L41", "converted", t0, t0 + 100), ("L42", "active", t0 + 3600, nil),
                ("L43", "failed", t0 + 86_400, t0 + 86_410),
            ] {
                try db.execute(
                    sql: """
                        INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at,
                            completed_at) VALUES (?, 4, ?, ?, 1, ?, ?, ?)
                        """, arguments: ["x-\(lead)", journey, lead, status, start, end])
                try db.execute(
                    sql: """
                        INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at)
                        VALUES (4, ?, 1, 'email', 1, ?)
                        """, arguments: [lead, start])
                try db.execute(
                    sql: """
                        INSERT INTO messages (run_id, lead_id, rotation, node_id, channel, status, requested_at, sent_at,
                            opened_at) VALUES (4, ?, 1, 'email', 'email', 'sent', ?, ?, ?)
                        """, arguments: [lead, start, start, lead == "L41" ? start + 50 : nil])
            }
            for (id, lead, wait): (String, String, Int?) in [("w1", "L41", 5), ("w2", "L42", nil)] {
                try db.execute(
                    sql: """
                        INSERT INTO agent_handoffs (id, run_id, lead_id, to_agent_id, handoff_reason, created_at,
                            assigned_at, queue_wait_seconds) VALUES (?, 4, ?, ?, 'hot', ?, ?, ?)
                        """,
                    arguments: [
                        id, lead, wait == nil ? nil : "ava", t0 + 10, wait.map { t0 + 10 + Int64($0) }, wait,
                    ])
            }
        }
    }

    @Test func aLiveRunOverADateRangeCountsTheRowsInIt() throws {
        try addLiveRun()
        let t0 = ReportFixture.t0
        let day = try RunWindowQueries.build(fixture.workspace, run: 4, from: t0, to: t0 + 86_400)
        #expect(day.entries == 2 && day.conversions == 1 && day.ended == ["converted": 1])
        #expect(day.successRate == 1)
        #expect(day.reached.map(\.label) == ["Welcome email"] && day.reached.map(\.leads) == [2])
        #expect(day.channels.map(\.sent) == [2] && day.channels.map(\.opened) == [1])
        #expect(day.handoffs == 2 && day.handoffsAssigned == 1 && day.handoffsWithin30Seconds == 0.5)
        let next = try RunWindowQueries.build(
            fixture.workspace, run: 4, from: t0 + 86_400, to: t0 + 2 * 86_400)
        #expect(
            next.entries == 1 && next.conversions == 0 && next.ended == ["failed": 1] && next.successRate == 0
        )
        #expect(WindowRenderer.text(day).contains("2 entries, 1 conversions (50.0% of entries)"))
        #expect(WindowRenderer.csv(day).hasPrefix("section,run,from,to,entries"))
    }

    @Test func aRangeNeedsALiveRunAndAnOrderedRange() throws {
        let t0 = ReportFixture.t0
        #expect(throws: RunWindowQueries.Failure.notLive(1, mode: "simulated")) {
            try RunWindowQueries.build(fixture.workspace, run: 1, from: t0, to: t0 + 1)
        }
        #expect(throws: RunWindowQueries.Failure.emptyRange) {
            try RunWindowQueries.build(fixture.workspace, run: 1, from: t0, to: t0)
        }
    }
}
