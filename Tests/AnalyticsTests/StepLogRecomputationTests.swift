import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Analytics
@testable import Workspace

/// Every figure of `cairn report --format json` (the report the CLI builds), recomputed from the
/// step log alone — executions, stays, messages, handoffs, conversions — with the plain SQL of
/// docs/analytics.md ("Every figure from the step log"), read from the page, and the journey's
/// YAML for what the step log leaves to it (first node, weights, labels).
@Suite final class StepLogRecomputationTests {
    let workspace: Workspace
    let folder: URL
    let runID: Int64
    let journey: Journey
    let report: RunReport
    let queries: [String: String]

    init() throws {
        let replayed = try StepLogJourneyFixture.replay()
        workspace = replayed.workspace
        folder = replayed.folder
        runID = replayed.runID
        journey = replayed.journey
        report = try RunReportBuilder.build(workspace, run: runID)
        queries = try DocumentedQueriesTests.queries()
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func rows(_ figure: String, _ arguments: [String: (any DatabaseValueConvertible)?] = [:]) throws -> [Row]
    {
        let sql = try #require(queries["step log: \(figure)"], "no query for \(figure) in docs/analytics.md")
        var all = arguments
        all["run"] = runID
        return try workspace.query { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(all))
        }
    }

    @Test func runAndFunnel() throws {
        let run = try #require(try rows("run").first)
        #expect(report.run.entries == run["entries"])
        #expect(report.run.conversions == run["conversions"])
        let entries = report.run.entries
        let reached = Dictionary(
            uniqueKeysWithValues: try rows("reached").map { ($0["node_id"] as String, $0["leads"] as Int) })
        #expect(Set(report.funnel.allPaths.map(\.node)) == Set(reached.keys))
        for stage in report.funnel.allPaths {
            #expect(stage.leads == reached[stage.node], "all paths \(stage.node)")
            #expect(stage.rateFromEntry == Double(stage.leads) / Double(entries))
        }
        let path = mainPath(try rows("edges"))
        #expect(report.funnel.stages.map(\.node) == path)
        let stages = String(decoding: try JSONEncoder().encode(path), as: UTF8.self)
        let inOrder = try rows("reached in order", ["stages": stages]).map { $0["leads"] as Int }
        var previous = entries
        for (index, stage) in report.funnel.stages.enumerated() {
            let leads = index < inOrder.count ? inOrder[index] : 0
            #expect(stage.leads == leads, "main path \(stage.node)")
            #expect(stage.rateFromPrevious == Double(leads) / Double(previous))
            #expect(stage.rateFromEntry == Double(leads) / Double(entries))
            previous = leads
        }
    }

    /// From the journey's first node, the edge most stays took (ties: the node id first in order).
    func mainPath(_ edges: [Row]) -> [String] {
        var path = [journey.entry.next]
        while let current = path.last {
            let outgoing = edges.filter { $0["from_node_id"] == current }.map {
                (to: $0["to_node_id"] as String, leads: $0["leads"] as Int)
            }
            guard let best = outgoing.max(by: { ($0.leads, $1.to) < ($1.leads, $0.to) }),
                !path.contains(best.to)
            else { return path }
            path.append(best.to)
        }
        return path
    }

    @Test func dropoffAndTimeInStage() throws {
        let dropoff = try rows("dropoff")
        #expect(
            report.dropoff.map { [$0.node, $0.reason, String($0.leads)] }
                == dropoff.map { [$0["node_id"], $0["reason"], String($0["leads"] as Int)] })
        for row in report.dropoff {
            #expect(row.shareOfEntries == Double(row.leads) / Double(report.run.entries))
        }
        #expect(
            Set(dropoff.map { $0["reason"] as String }).isSuperset(of: ["timed_out", "exited", "waiting"]))
        let stages = Dictionary(
            uniqueKeysWithValues: try rows("time in stage").map { ($0["node_id"] as String, $0) })
        #expect(Set(report.timeInStage.map(\.node)) == Set(stages.keys))
        for stage in report.timeInStage {
            let row = try #require(stages[stage.node])
            let dwell = stage.dwell
            #expect(dwell.count == row["stays"] && dwell.mean == row["mean_seconds"], "\(stage.node)")
            #expect(
                dwell.p50 == row["p50"] && dwell.p90 == row["p90"] && dwell.p99 == row["p99"], "\(stage.node)"
            )
            #expect(dwell.max == row["max"], "\(stage.node)")
            let histogram = try JSONDecoder().decode(
                [Int].self, from: Data((row["histogram"] as String).utf8))
            #expect(stage.histogram.buckets.map(\.count) == histogram, "\(stage.node)")
        }
    }

    /// The split's counts from the step log; its comparisons and sample-ratio test follow from
    /// them by the formulas of the page, so the whole panel must come out the same.
    @Test func abPanel() throws {
        #expect(!report.splits.isEmpty)
        for split in report.splits {
            guard case .split(let shape) = journey.nodes.first(where: { $0.id == split.node })?.body else {
                Issue.record("\(split.node) is not a split")
                continue
            }
            let weights = Dictionary(uniqueKeysWithValues: shape.paths.map { ($0.name, $0.weight) })
            let paths = try rows("ab", ["split": split.node]).map { row -> SplitPathRow in
                let path: String = row["path"]
                let holdout = path == SplitAssignment.holdoutPath
                return SplitPathRow(
                    path: path, isHoldout: holdout,
                    weight: Double(holdout ? shape.holdout ?? 0 : weights[path] ?? 0),
                    leads: row["leads"], conversions: row["conversions"], rate: row["rate"], comparison: nil,
                    verdict: nil)
            }.sorted { ($0.isHoldout ? 1 : 0, $0.path) < ($1.isHoldout ? 1 : 0, $1.path) }
            #expect(RunReportBuilder.abTest(node: split.node, label: split.label, rows: paths) == split)
            let holdout = try #require(split.paths.first { $0.isHoldout })
            #expect(holdout.conversions > 0, "holdout leads convert after they exit")
        }
    }

    @Test func channels() throws {
        let channels = Dictionary(
            uniqueKeysWithValues: try rows("channels").map { ($0["channel"] as String, $0) })
        #expect(Set(report.channels.map(\.channel)) == Set(channels.keys))
        for channel in report.channels {
            let row = try #require(channels[channel.channel])
            let expected = ChannelRow(
                channel: channel.channel, sent: row["sent"], deferred: row["deferred"],
                suppressed: [
                    "consent": row["suppressed_consent"], "frequency_cap": row["suppressed_frequency_cap"],
                    "quiet_hours": row["suppressed_quiet_hours"],
                    "unsubscribed": row["suppressed_unsubscribed"],
                ], opened: row["opened"], clicked: row["clicked"], replied: row["replied"],
                converted: row["converted"], unsubscribed: row["unsubscribed"])
            #expect(channel == expected)
        }
        #expect(report.channels.map(\.converted).reduce(0, +) > 0)
    }

    @Test func handoffsAndHealth() throws {
        let routes = try rows("handoff routes")
        func counts(_ key: (Row) -> String?) -> [HandoffReport.Count] {
            var totals: [String: Int] = [:]
            for row in routes { if let k = key(row) { totals[k, default: 0] += row["handoffs"] as Int } }
            return totals.map { HandoffReport.Count(key: $0.key, handoffs: $0.value) }
                .sorted { ($1.handoffs, $0.key) < ($0.handoffs, $1.key) }
        }
        let handoffs = report.handoffs
        #expect(handoffs.byReason == counts { $0["handoff_reason"] })
        #expect(handoffs.byRoute == counts { $0["route"] })
        #expect(handoffs.agentLoad == counts { $0["to_agent_id"] })
        #expect(handoffs.total == routes.map { $0["handoffs"] as Int }.reduce(0, +))
        let waits = try #require(try rows("queue waits").first)
        let assigned: Int = waits["assigned"]
        #expect(handoffs.assigned == assigned && handoffs.unassigned == handoffs.total - assigned)
        #expect(handoffs.queueWaitMean == waits["mean_seconds"])
        #expect(handoffs.queueWaitP50 == waits["p50"] && handoffs.queueWaitP90 == waits["p90"])
        let fast: Int = waits["within_30s"] ?? 0
        #expect(handoffs.within30Seconds == Double(fast) / Double(handoffs.total))
        #expect(handoffs.within30SecondsOfAssigned == Double(fast) / Double(assigned))
        #expect(handoffs.total > 0 && handoffs.unassigned + (handoffs.queueWaitP90 ?? 0) > 0)

        var byStatus = ["completed": 0, "converted": 0, "exited": 0, "halted": 0, "failed": 0, "active": 0]
        for row in try rows("health") { byStatus[row["status"]] = row["executions"] }
        #expect(report.health.byStatus == byStatus)
        let finished = report.run.entries - (byStatus["active"] ?? 0)
        let bad = (byStatus["halted"] ?? 0) + (byStatus["failed"] ?? 0)
        #expect(report.health.successRate == Double(finished - bad) / Double(finished))
        #expect(report.health.active == byStatus["active"])
    }
}
