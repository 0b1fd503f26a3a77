import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Analytics
@testable import Workspace

/// The report over a real replay written by the workspace's recorder: its figures agree with
/// the engine's own totals and with each other.
@Suite struct ReportOnAReplayTests {
    @Test func figuresAgreeWithTheEngine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = try Workspace.open(at: folder.appendingPathComponent("w.db").path)
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(
                "sample-journeys/geographic-campaigns.journey.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        let saved = try workspace.saveJourney(yaml: yaml, file: file.lastPathComponent)
        let journey = try #require(JourneyReader.read(yaml, file: file.lastPathComponent).journey)
        try workspace.pool.write { db in
            try db.execute(
                sql: "INSERT INTO cohorts (name, origin, author, created_at) VALUES ('c', 'csv', 't', 0)")
        }
        let states = ["CA", "TX", "NY", "FL", "WA", "IL"]
        let start = Date(timeIntervalSince1970: 1_780_000_000)
        let leads = (0..<2000).map { i in
            CohortLead(
                lead: Lead(
                    id: "L\(i)",
                    properties: [
                        "state": .string(states[i % states.count]),
                        "dealer_distance_km": .number(Double(i % 60)),
                    ],
                    createdAt: start.addingTimeInterval(Double(i) * 30)),
                behavior: LeadBehavior(preferredChannel: [Channel.email, .sms, .chat][i % 3]))
        }
        // Six days: one weekly send, so each lead enters once. (A/B figures count executions;
        // a lead re-entering a split counts once per entry — see docs/analytics.md.)
        let horizon = start.addingTimeInterval(6 * 86_400)
        let recorder = try workspace.startRun(
            ReplayOrder(
                journey: journey.id, version: saved.version, cohort: "c", seed: 3, mode: .simulated,
                horizon: horizon),
            engineVersion: "test")
        let summary = Replay.run(
            journey: journey, cohort: leads,
            configuration: ReplayConfiguration(seed: 3, mode: .simulated, horizon: horizon),
            recorder: recorder)
        #expect(summary.entries == 2000)
        #expect(recorder.failure == nil)

        let report = try RunReportBuilder.build(workspace, run: nil)
        #expect(report.run.entries == summary.entries)
        #expect(report.run.conversions == summary.conversions)
        #expect(report.health.byStatus.values.reduce(0, +) == summary.entries)
        #expect(report.dropoff.map(\.leads).reduce(0, +) + summary.conversions == summary.entries)
        #expect(report.channels.map(\.sent).reduce(0, +) == summary.messagesSent)
        #expect(report.funnel.stages.first?.leads == summary.entries)
        // Stages counted in order only narrow, and naming the main path gives the same counts.
        let counts = report.funnel.stages.map(\.leads)
        #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 >= $1 })
        let given = try RunReportBuilder.build(workspace, run: nil, stages: report.funnel.stages.map(\.node))
        #expect(given.funnel.stages.map(\.leads) == counts)
        // Every lead sent to the split was assigned a path (or the holdout).
        let split = try #require(report.splits.first)
        let toSplit = try RunReportBuilder.build(workspace, run: nil, stages: ["by-region", split.node])
        #expect(split.paths.map(\.leads).reduce(0, +) == toSplit.funnel.stages[1].leads)
        #expect(split.paths.map(\.leads).reduce(0, +) > 0)
        #expect(!split.sampleRatio.isMismatch)
        #expect(ReportTextRenderer.render(report).contains("FUNNEL (main path)"))
    }
}
