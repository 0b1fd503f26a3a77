import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import TestSupport
import Testing

@testable import Workspace

/// `StepLogJourney` (TestSupport) replayed into a fresh workspace up to a horizon that leaves
/// some leads waiting. (WorkspaceTests' StepLogSummariesTests replays the same.)
enum StepLogJourneyFixture {
    struct Replayed {
        let workspace: Workspace
        let runID: Int64
        let journey: Journey
        let folder: URL
    }

    /// The journey replayed into a fresh workspace the way `cairn replay` does.
    static func replay() throws -> Replayed {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-steplog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try Workspace.open(at: folder.appendingPathComponent("w.db").path)
        let saved = try workspace.saveJourney(yaml: StepLogJourney.journeyYAML, file: "check.journey.yaml")
        let journey = try #require(
            JourneyReader.read(StepLogJourney.journeyYAML, file: "check.journey.yaml").journey)
        let agents = try workspace.importAgents(yaml: StepLogJourney.rosterYAML, file: "agents.yaml")
        try workspace.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO cohorts (name, origin, author, created_at, lead_count) VALUES ('c', 'csv', 't', 0, 240)"
            )
        }
        let horizon = StepLogJourney.start.addingTimeInterval(6 * 86_400)
        let recorder = try workspace.startRun(
            ReplayOrder(
                journey: journey.id, version: saved.version, cohort: "c", seed: 7, mode: .simulated,
                horizon: horizon),
            engineVersion: "test")
        _ = Replay.run(
            journey: journey, cohort: StepLogJourney.cohort(), agents: agents,
            configuration: ReplayConfiguration(seed: 7, mode: .simulated, horizon: horizon),
            recorder: recorder)
        #expect(recorder.failure == nil)
        return Replayed(workspace: workspace, runID: recorder.runID, journey: journey, folder: folder)
    }
}
