import Foundation
import GRDB
import ReplayEngine
import Testing

@testable import Analytics
@testable import Workspace

/// Runs the SQL in docs/analytics.md against the hand-computed fixture and checks it gives the
/// numbers the report gives: the page is a promise that anyone with sqlite3 gets the same.
@Suite struct DocumentedQueriesTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/analytics.md")

    /// `-- figure: NAME` → the statement that follows it, from every ```sql block.
    static func queries() throws -> [String: String] {
        let text = try String(contentsOf: page, encoding: .utf8)
        var queries: [String: String] = [:]
        for block in text.components(separatedBy: "```sql\n").dropFirst() {
            let body = block.components(separatedBy: "```")[0]
            for part in body.components(separatedBy: "-- figure: ").dropFirst() {
                let name = String(part.prefix { $0 != "\n" }).trimmingCharacters(in: .whitespaces)
                queries[name] = String(part.drop { $0 != "\n" }).trimmingCharacters(
                    in: .whitespacesAndNewlines)
            }
        }
        return queries
    }

    func rows(_ sql: String, _ fixture: ReportFixture, run: Int64 = 1) throws -> [Row] {
        try fixture.workspace.query { db in try Row.fetchAll(db, sql: sql, arguments: ["run": run]) }
    }

    @Test func everyFigureHasAQuery() throws {
        let names = try Self.queries().keys.sorted()
        #expect(
            names == [
                "ab",
                "all paths (in flow order in the report; here by id)",
                "assigned, never assigned and within 30 s",
                "channels",
                "dropoff",
                "entry diagnostics",
                "halted and failed",
                "handoffs by reason",
                "health",
                "main-path edges (follow the largest from 'entry')",
                "p50 from the step log (nearest rank)",
                "paths",
                "reached",
                "reached in order",
                "reached in order from paths",
                "run",
                "step log: ab",
                "step log: channels",
                "step log: dropoff",
                "step log: edges",
                "step log: handoff routes",
                "step log: health",
                "step log: queue waits",
                "step log: reached",
                "step log: reached in order",
                "step log: run",
                "step log: time in stage",
                "the run's journey version (labels, order and goal are read from its YAML)",
                "time in stage",
                "trend (success rate: see run health)",
            ])
    }

    @Test func queriesGiveTheReportsNumbers() throws {
        let fixture = try ReportFixture()
        let q = try Self.queries()
        let report = try RunReportBuilder.build(fixture.workspace, run: 1)

        let run = try rows(try #require(q["run"]), fixture)
        #expect(run.first?["entries"] == report.run.entries)
        #expect(run.first?["conversions"] == report.run.conversions)

        let reached = try rows(try #require(q["reached"]), fixture)
        for stage in report.funnel.stages {
            #expect(reached.first { $0["node_id"] == stage.node }?["leads"] == stage.leads)
        }
        let inOrder = try rows(try #require(q["reached in order"]), fixture)
        let given = try RunReportBuilder.build(fixture.workspace, run: 1, stages: ["email", "check"])
        #expect(inOrder.first?[0] == given.funnel.stages[1].leads)
        let fromPaths = try rows(try #require(q["reached in order from paths"]), fixture)
        #expect(fromPaths.first?[0] == given.funnel.stages[1].leads)
        let paths = try rows(try #require(q["paths"]), fixture)
        #expect(paths.map { $0["executions"] as Int }.reduce(0, +) == report.run.entries)

        let dropoff = try rows(try #require(q["dropoff"]), fixture)
        #expect(dropoff.map { $0["leads"] as Int } == report.dropoff.map(\.leads))
        #expect(dropoff.map { $0["share"] as Double } == report.dropoff.map { $0.shareOfEntries ?? -1 })

        let times = try rows(try #require(q["time in stage"]), fixture)
        // The query sorts by id; the report lists the same rows in flow order.
        let byNode = report.timeInStage.sorted { $0.node < $1.node }
        #expect(times.map { $0["node_id"] as String } == byNode.map(\.node))
        #expect(times.map { $0["mean_seconds"] as Double } == byNode.map { $0.dwell.mean ?? -1 })

        let ab = try rows(try #require(q["ab"]), fixture, run: 2)
        let split = try RunReportBuilder.build(fixture.workspace, run: 2).splits[0]
        #expect(ab.map { $0["rate"] as Double } == split.paths.map { $0.rate ?? -1 })

        let channels = try rows(try #require(q["channels"]), fixture)
        #expect(channels.map { $0["opened"] as Int } == report.channels.map(\.opened))
        #expect(channels.first?["open_rate"] == 0.6)

        let reasons = try rows(try #require(q["handoffs by reason"]), fixture)
        #expect(reasons.map { $0["n"] as Int } == report.handoffs.byReason.map(\.handoffs))
        let waits = try rows(try #require(q["assigned, never assigned and within 30 s"]), fixture)
        #expect(waits.first?["mean_wait_seconds"] == report.handoffs.queueWaitMean)
        #expect(waits.first?["assigned"] == report.handoffs.assigned)
        #expect(waits.first?["never_assigned"] == report.handoffs.unassigned)
        #expect(waits.first?["within_30s"] == report.handoffs.within30Seconds)
        #expect(waits.first?["within_30s_of_assigned"] == 0.6667)
        let allPaths = try rows(
            try #require(q["all paths (in flow order in the report; here by id)"]), fixture)
        #expect(
            allPaths.map { $0["leads"] as Int }.sorted()
                == report.funnel.allPaths.map(\.leads).sorted())

        let trendSQL = try #require(q["trend (success rate: see run health)"])
        let trend = try fixture.workspace.query { db in
            try Row.fetchAll(db, sql: trendSQL, arguments: ["run": 3, "n": 2])
        }
        let built = try RunTrend.build(fixture.workspace, run: 3, last: 2)
        #expect(trend.map { $0["entries"] as Int }.reversed() == built.runs.map(\.entries))

        let health = try rows(try #require(q["health"]), fixture)
        #expect(
            health.first { $0["reason"] == "converted" }?["executions"] == report.health.byStatus["converted"]
        )
        #expect(health.first { $0["reason"] == "failed" }?["executions"] == report.health.byStatus["failed"])
        let failed = try rows(try #require(q["halted and failed"]), fixture)
        #expect(failed.count == report.health.haltedAndFailed.count)
    }

    @Test func percentileFromTheStepLogUsesNearestRank() throws {
        let fixture = try ReportFixture()
        let sql = try #require(try Self.queries()["p50 from the step log (nearest rank)"])
        // Four stays at `wait` of 10, 20, 30, 40 seconds: nearest-rank p50 is rank 2 → 20.
        try fixture.workspace.pool.write { db in
            for (index, seconds) in [40, 10, 30, 20].enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, started_at)
                        SELECT ?, 1, workflow_id, ?, 1, 'active', 0 FROM runs WHERE id = 1
                        """, arguments: ["w\(index)", "W\(index)"])
                try db.execute(
                    sql: """
                        INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at, exited_at)
                        VALUES (1, ?, 1, 'wait', 1, 0, ?)
                        """, arguments: ["W\(index)", seconds])
            }
        }
        let p50 = try rows(sql, fixture).first?[0] as Int?
        #expect(p50 == Percentile.nearestRank([10, 20, 30, 40], 50))
        #expect(p50 == 20)
    }
}
