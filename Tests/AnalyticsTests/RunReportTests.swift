import Foundation
import Testing

@testable import Analytics
@testable import Workspace

/// Every figure of the hand-computed fixture (see ReportFixture), asserted exactly.
@Suite struct RunReportTests {
    let fixture: ReportFixture
    init() throws { fixture = try ReportFixture() }

    func report(_ run: Int64? = 1, stages: [String]? = nil) throws -> RunReport {
        try RunReportBuilder.build(fixture.workspace, run: run, stages: stages)
    }

    @Test func runHeading() throws {
        let run = try report().run
        #expect(run.journey == "fixture" && run.version == 1 && run.cohort == "twenty")
        #expect(run.entries == 20 && run.conversions == 8 && run.status == "completed")
        #expect(try report(nil).run.id == 3)
    }

    @Test func funnelFollowsTheMainPath() throws {
        let funnel = try report().funnel
        #expect(funnel.basis == "main path")
        #expect(funnel.stages.map(\.node) == ["email", "wait", "check", "sms", "done"])
        #expect(funnel.stages.map(\.leads) == [20, 20, 18, 10, 9])
        #expect(funnel.stages.map(\.rateFromPrevious) == [1, 1, 0.9, 10.0 / 18, 0.9])
        #expect(funnel.stages.map(\.rateFromEntry) == [1, 1, 0.9, 0.5, 0.45])
    }

    @Test func givenStagesCountOnlyInOrder() throws {
        let funnel = try report(stages: ["email", "check", "won"]).funnel
        #expect(funnel.basis == "given")
        #expect(funnel.stages.map(\.leads) == [20, 18, 8])
        #expect(funnel.stages.map(\.rateFromPrevious) == [1, 0.9, 8.0 / 18])
        // Out of order: nobody went to sms before check.
        #expect(try report(stages: ["email", "sms", "check"]).funnel.stages.map(\.leads) == [20, 10, 0])
        #expect(throws: RunReportBuilder.Failure.self) { try report(stages: ["email", "nowhere"]) }
    }

    @Test func withoutPathsTheStepLogAnswers() throws {
        try fixture.workspace.pool.write { db in try db.execute(sql: "DELETE FROM run_path_summary") }
        // L10 reached won a day before check: it does not count for won.
        #expect(try report(stages: ["email", "check", "won"]).funnel.stages.map(\.leads) == [20, 18, 8])
    }

    @Test func pathsMatchStagesEarliestFirst() {
        let paths: [([String], Int)] = [(["a", "b", "a", "c"], 5), (["b", "a"], 2), (["a"], 1)]
        #expect(RunQueries.reachedInOrder(paths: paths, stages: ["a", "c"]) == [8, 5])
        #expect(RunQueries.reachedInOrder(paths: paths, stages: ["b", "a", "c"]) == [7, 7, 5])
        #expect(RunQueries.reachedInOrder(paths: paths, stages: []) == [])
    }

    @Test func dropoffByNodeAndReason() throws {
        let rows = try report().dropoff
        #expect(rows.map(\.node) == ["done", "wait", "sms"])
        #expect(rows.map(\.reason) == ["completed", "waiting", "failed"])
        #expect(rows.map(\.leads) == [9, 2, 1])
        #expect(rows.map(\.shareOfEntries) == [0.45, 0.1, 0.05])
    }

    @Test func timeInStage() throws {
        let rows = try report().timeInStage
        // In flow order: each branch to its end, a decision's `then` before its `else`.
        #expect(rows.map(\.node) == ["email", "wait", "check", "sms"])
        #expect(rows.map(\.label) == ["Welcome email", "wait", "Clicked?", "sms"])
        let wait = rows[1]
        #expect(wait.dwell.count == 18)
        #expect(wait.dwell.mean == 175_200)
        #expect(wait.dwell.p50 == 172_800 && wait.dwell.p90 == 194_400 && wait.dwell.max == 194_400)
        #expect(wait.histogram.buckets[7].label == "2d–7d" && wait.histogram.buckets[7].count == 18)
        #expect(wait.histogram.buckets.map(\.count).reduce(0, +) == 18)
    }

    @Test func abVerdictsAndSampleRatio() throws {
        let split = try #require(try report(2).splits.first)
        #expect(split.node == "subject-test" && split.baseline == "A")
        let b = split.paths[1]
        #expect(b.rate == 0.141)
        #expect(abs((b.comparison?.pValue ?? 1) - 0.004860136923120184) < 1e-9)
        #expect(b.verdict == "B converts 4.1 pts better than A, p = 0.005")
        #expect(!split.sampleRatio.isMismatch)
        let skewed = try #require(try report(3).splits.first)
        #expect(skewed.sampleRatio.isMismatch)
    }

    @Test func channels() throws {
        let rows = try report().channels
        #expect(rows.map(\.channel) == ["email", "sms"])
        #expect(
            rows[0].sent == 20 && rows[0].deferred == 2 && rows[0].opened == 12 && rows[0].unsubscribed == 1)
        #expect(rows[0].rate(rows[0].opened) == 0.6 && rows[0].rate(rows[0].clicked) == 0.25)
        #expect(rows[1].suppressed["consent"] == 1 && rows[1].rate(rows[1].opened) == 4.0 / 9)
    }

    @Test func handoffs() throws {
        let h = try report().handoffs
        #expect(h.total == 4 && h.assigned == 3 && h.unassigned == 1)
        #expect(h.byReason.map(\.key) == ["qualified", "no reply"] && h.byReason.map(\.handoffs) == [3, 1])
        #expect(
            h.byRoute.map(\.key) == ["(none) → (queue)", "(none) → ava", "(none) → ben", "sms-bot → ava"])
        #expect(h.agentLoad.map(\.key) == ["ava", "ben"] && h.agentLoad.map(\.handoffs) == [2, 1])
        #expect(h.queueWaitP50 == 10 && h.queueWaitP90 == 45)
        #expect(abs((h.queueWaitMean ?? 0) - 55.0 / 3) < 1e-12)
        // The plan's target is over all handoffs: the one never assigned counts against it.
        #expect(h.within30Seconds == 0.5 && h.within30SecondsOfAssigned == 2.0 / 3)
        #expect(
            h.warning == "1 of 4 handoffs were never assigned: the queue had not drained when the run ended")
    }

    @Test func labelsAndTheAllPathsView() throws {
        let funnel = try report().funnel
        #expect(funnel.stages.map(\.label) == ["Welcome email", "wait", "Clicked?", "sms", "done"])
        #expect(funnel.counts.contains("other branches are not counted"))
        // Every node by any path, in flow order: won (8) is off the main path but listed.
        #expect(funnel.allPaths.map(\.node) == ["email", "wait", "check", "won", "sms", "done"])
        #expect(funnel.allPaths.map(\.leads) == [20, 20, 18, 8, 10, 9])
        #expect(funnel.allPaths.map(\.rateFromEntry) == [1, 1, 0.9, 0.4, 0.5, 0.45])
        #expect(try report().dropoff.map(\.label) == ["done", "wait", "sms"])
    }

    @Test func summaryInPlainSentences() throws {
        #expect(
            try report().summary == [
                "Of 20 leads, 10 reached sms (50.0%).", "8 converted (40.0%), most after email (6).",
                "Most that did not convert ended at done: 9 (45.0%, completed).",
                "4 handoffs, 50.0% assigned within 30s; 1 never assigned.",
                "Execution success 94.4% (1 halted or failed).",
            ])
        #expect(
            try report(2).summary.contains(
                "A/B at subject-test: B converts 4.1 pts better than A, p = 0.005."))
    }

    @Test func aJourneyWithoutAGoalSaysSo() throws {
        #expect(try report().hasGoal)
        let facts = RunJourneyFacts(labels: [:], flowOrder: [], hasGoal: false)
        #expect(!facts.hasGoal)
    }

    @Test func runHealth() throws {
        let health = try report().health
        #expect(
            health.byStatus == [
                "completed": 9, "converted": 8, "exited": 0, "halted": 0, "failed": 1, "active": 2,
            ])
        #expect(health.successRate == 17.0 / 18)
        #expect(health.active == 2)
        #expect(health.haltedAndFailed.map(\.reason) == ["webhook crm-sync failed after 3 retries"])
    }

    @Test func unknownRunAndEmptyWorkspace() throws {
        #expect(throws: RunReportBuilder.Failure.unknownRun(99)) { try report(99) }
    }
}
