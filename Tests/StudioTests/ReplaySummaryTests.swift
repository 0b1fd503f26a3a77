import Analytics
import Foundation
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The replay's summary does not mislead: a journey without a goal says it has none, and the
/// heading leaves out what does not fit at 80 columns instead of cutting it.
@Suite struct ReplaySummaryTests {
    static let noGoal = """
        journey: no-goal
        name: No goal
        entry:
          trigger: { type: event, event: lead.created }
          next: hello
        nodes:
          - id: hello
            label: Hello email
            kind: action
            action: { type: send, channel: email, template: hi }
            next: done
          - id: done
            kind: exit
        """

    @Test func aJourneyWithoutAGoalSaysSoInsteadOfZeroConversions() throws {
        let workspace = try TestWorkspace()
        _ = try workspace.workspace.saveJourney(yaml: Self.noGoal, file: "no-goal.journey.yaml")
        let (screen, _) = runStudio(
            workspace, start: [.journeys, .replay(journey: "no-goal", version: nil)],
            events: Event.keys("enter"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("Conversions   none: no goal"))
        #expect(!text.contains("0 (0.0%)"))
        let report = try RunReportBuilder.build(workspace.workspace, run: 1)
        #expect(!report.hasGoal)
        #expect(report.summary.contains("The journey has no goal, so conversions are not measured."))
        #expect(ReportTextRenderer.render(report).contains("no goal (conversions not measured)"))
        let (dashboard, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: [])
        #expect(dashboard.lastFrame.plainText.contains("· no goal ·"))
        #expect(dashboard.lastFrame.plainText.contains("Hello email"))
    }

    @Test func theHeadingLeavesOutWhatDoesNotFitWhole() {
        let order = ReplayOrder(
            journey: "j", cohort: "b2b-saas-20000-s12345-and-a-long-name", seed: 1_234_567_890,
            mode: .simulated)
        #expect(
            ReplayView.about(order, width: 80)
                == " — cohort b2b-saas-20000-s12345-and-a-long-name, seed 1234567890, simulated")
        #expect(
            ReplayView.about(order, width: 60) == " — cohort b2b-saas-20000-s12345-and-a-long-name, simulated"
        )
        #expect(ReplayView.about(order, width: 50) == " — cohort b2b-saas-20000-s12345-and-a-long-name")
        #expect(ReplayView.about(order, width: 20) == "")
    }
}
