import Analytics
import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The A/B panel on a run that never reached a split: the split exists, and the note says
/// where the leads went instead.
@Suite struct UnreachedSplitsTests {
    func geographic() throws -> Journey {
        let test = try TestWorkspace()
        return try test.workspace.journeyToReplay("geographic-campaigns", version: nil).journey
    }

    @Test func theNoteNamesTheDecisionWhoseBranchesNobodyTook() throws {
        // Every lead took `else` at by-region (the old state-name mismatch).
        let arrivals = ["entry": 10, "by-region": 10, "national": 10, "near-a-dealer": 10, "done": 10]
        #expect(
            UnreachedSplits.note(for: "offer-test", in: try geographic(), arrivals: arrivals)
                == "Split offer-test was not reached: no lead arrived at it; no lead went from by-region "
                + "to west-coast, northeast or texas.")
    }

    @Test func withNoEntriesTheNoteSaysTheEntryLedNowhere() throws {
        #expect(
            UnreachedSplits.note(for: "offer-test", in: try geographic(), arrivals: [:])
                == "Split offer-test was not reached: no lead arrived at it.")
    }

    /// The journey as it was, matching state names the cohorts do not hold: nobody reaches
    /// the split, and the A/B panel says so instead of "This journey has no split".
    @Test func theAbPanelSaysTheSplitExistsAndWasNotReached() throws {
        let test = try TestWorkspace()
        let yaml = try test.workspace.journeyVersion("geographic-campaigns").yaml
            .replacingOccurrences(of: "[CA, OR, WA]", with: "[California, Oregon, Washington]")
            .replacingOccurrences(of: "[NY, NJ, CT, MA]", with: "[New York, New Jersey]")
            .replacingOccurrences(of: "value: TX }", with: "value: Texas }")
        let saved = try test.workspace.saveJourney(yaml: yaml, file: "names.journey.yaml")
        let outcome = try test.workspace.replay(
            ReplayOrder(
                journey: "geographic-campaigns", version: saved.version, cohort: WorkspaceSeed.sampleCohort))
        let report = try RunReportBuilder.build(test.workspace, run: outcome.runID)
        #expect(report.splits.isEmpty)
        #expect(
            UnreachedSplits.notes(test.workspace, report: report) == [
                "Split offer-test was not reached: no lead arrived at it; no lead went from by-region "
                    + "to west-coast, northeast or texas."
            ])
        var frame = Frame(size: Size(width: 60, height: 8))
        DashboardPanels.abTests(
            report, options: PanelOptions(splitNotes: UnreachedSplits.notes(test.workspace, report: report)),
            in: Rect(x: 0, y: 0, width: 60, height: 8), frame: &frame)
        #expect(!frame.buffer.plainText.contains("has no split"))
        #expect(frame.buffer.plainText.contains("Split offer-test was not reached"))
    }
}
