import Analytics
import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The A/B panel on a run that never reached a split: the split exists, and the report's note
/// (Analytics' `UnreachedSplits`) says where the leads went instead.
@Suite struct UnreachedSplitsTests {
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
        #expect(report.unreachedSplits.count == 1)
        var frame = Frame(size: Size(width: 60, height: 8))
        DashboardPanels.abTests(
            report, options: PanelOptions(),
            in: Rect(x: 0, y: 0, width: 60, height: 8), frame: &frame)
        #expect(!frame.buffer.plainText.contains("has no split"))
        #expect(frame.buffer.plainText.contains("Split offer-test was not reached"))
    }
}
