import Foundation
import JourneyModel
import Testing
import Workspace

@testable import Analytics

/// A split nobody reached: the report (text and JSON) says the split exists, was not reached,
/// and where the leads went instead; "no splits in this journey" is kept for journeys without one.
@Suite final class UnreachedSplitsTests {
    let folder: URL
    let workspace: Workspace

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-split-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(at: folder.appendingPathComponent("cairn.db").path, seed: .bundled)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    func geographic() throws -> Journey {
        try workspace.journeyToReplay("geographic-campaigns", version: nil).journey
    }

    @Test func theNoteNamesTheDecisionWhoseBranchesNobodyTook() throws {
        // Every lead took `else` at by-region (the old state-name mismatch).
        let arrivals = ["entry": 10, "by-region": 10, "national": 10, "near-a-dealer": 10, "done": 10]
        #expect(
            UnreachedSplits.note(for: "offer-test", in: try geographic(), arrivals: arrivals)
                == "Split offer-test was not reached: no lead arrived at it; no lead went from by-region "
                + "to west-coast, northeast or texas.")
        #expect(
            UnreachedSplits.notes(in: try geographic(), assigned: ["offer-test"], arrivals: arrivals).isEmpty)
    }

    @Test func withNoEntriesTheNoteSaysTheEntryLedNowhere() throws {
        #expect(
            UnreachedSplits.note(for: "offer-test", in: try geographic(), arrivals: [:])
                == "Split offer-test was not reached: no lead arrived at it.")
    }

    /// The journey as it was, matching state names the cohorts do not hold: nobody reaches the
    /// split, and `cairn report` says so in text and JSON instead of "no splits in this journey".
    @Test func theReportSaysTheSplitExistsAndWasNotReached() throws {
        let yaml = try workspace.journeyVersion("geographic-campaigns").yaml
            .replacingOccurrences(of: "[CA, OR, WA]", with: "[California, Oregon, Washington]")
            .replacingOccurrences(of: "[NY, NJ, CT, MA]", with: "[New York, New Jersey]")
            .replacingOccurrences(of: "value: TX }", with: "value: Texas }")
        let saved = try workspace.saveJourney(yaml: yaml, file: "names.journey.yaml")
        let outcome = try workspace.replay(
            ReplayOrder(
                journey: "geographic-campaigns", version: saved.version, cohort: WorkspaceSeed.sampleCohort))
        let report = try RunReportBuilder.build(workspace, run: outcome.runID)
        #expect(report.splits.isEmpty)
        let note =
            "Split offer-test was not reached: no lead arrived at it; no lead went from by-region to "
            + "west-coast, northeast or texas."
        #expect(report.unreachedSplits == [note])
        let text = ReportTextRenderer.render(report)
        #expect(!text.contains("no splits"))
        #expect(
            text.contains(
                """
                A/B TESTS
                  Split offer-test was not reached: no lead arrived at it; no lead went from
                  by-region to west-coast, northeast or texas.

                """))
        let json = try ReportExport.json(report)
        #expect(json.contains("\"unreachedSplits\" : [\n    \"\(note)\"\n  ]"))
    }

    @Test func aJourneyWithoutASplitStillSaysItHasNone() throws {
        let outcome = try workspace.replay(
            ReplayOrder(journey: "welcome-series", cohort: WorkspaceSeed.sampleCohort))
        let report = try RunReportBuilder.build(workspace, run: outcome.runID)
        #expect(report.unreachedSplits.isEmpty)
        #expect(ReportTextRenderer.render(report).contains("A/B TESTS\n  no splits in this journey\n"))
    }
}
