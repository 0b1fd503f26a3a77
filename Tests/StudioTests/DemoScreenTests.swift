import Analytics
import Foundation
import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The demo on its own throw-away workspace, at the trainer's pace: step 1 shows the journey
/// and its description, Enter replays it (step 2), Enter again opens its dashboard (step 3),
/// Enter again moves on; `b` or Esc goes back a step and never quits.
@Suite struct DemoScreenTests {
    /// Runs the demo on a fresh demo workspace of `leads` leads through `events`.
    func runDemo(
        leads: Int = 300, first: Int = 0, size: Size = Size(width: 80, height: 24), events: [Event]
    ) throws -> (
        screen: TestScreen, model: StudioModel, workspace: Workspace
    ) {
        let demo = try DemoWorkspace(leads: leads)
        defer { demo.remove() }
        let environment = StudioEnvironment(
            workspace: demo.workspace, workspacePath: "demo (temporary)", mode: .demo)
        var program = Studio.program(
            environment: environment, start: [.demo(journeys: DemoScreen.journeys, first: first)])
        let screen = TestScreen(size: size, events: events)
        let result = program.run(on: screen)
        return (screen, result.model, demo.workspace)
    }

    @Test func theDemoWorkspaceHasThePrebuiltJourneysAndItsCohortAndIsRemoved() throws {
        let demo = try DemoWorkspace(leads: 250)
        #expect(try demo.workspace.cohort(named: DemoScreen.cohort).leads == 250)
        let journeys = Set(try demo.workspace.journeys().map(\.journey))
        #expect(Set(DemoScreen.journeys).isSubset(of: journeys))
        demo.remove()
        #expect(!FileManager.default.fileExists(atPath: demo.folder.path))
    }

    @Test func itShowsTheJourneyAndItsDescriptionFirstAndReplaysNothingYet() throws {
        let (screen, _, workspace) = try runDemo(events: [])
        #expect(try workspace.runs().isEmpty)
        let last = screen.lastFrame.plainText
        #expect(last.contains("Welcome Series · step 1 of 3: the journey"))
        #expect(last.contains("Day 0 welcome email"))
        #expect(last.contains("Enter replays it over the demo cohort (300 leads)"))
        #expect(last.contains("Special offer") || last.contains("special-offer"))
    }

    @Test func enterReplaysOnTheDemoCohortThenOpensTheDashboardOnItsPanel() throws {
        let (replayed, _, workspace) = try runDemo(events: Event.keys("enter"))
        let runs = try workspace.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.journey == "welcome-series")
        #expect(runs.first?.cohort == DemoScreen.cohort)
        #expect(runs.first?.leads == 300)
        let text = replayed.lastFrame.plainText
        #expect(text.contains("step 2 of 3: the replay"))
        #expect(text.contains("300 leads entered."))
        #expect(text.contains("every branch taken"))
        let (dashboard, model, _) = try runDemo(events: Event.keys("enter", "enter"))
        #expect(model.current.title == "Demo 1/4: welcome-series")
        let last = dashboard.lastFrame.plainText
        #expect(last.contains("step 3 of 3: the dashboard"))
        #expect(last.contains("The funnel follows the main path"))
        #expect(last.contains("Funnel"))
        #expect(!last.contains("r runs"))
    }

    @Test func backAndEscGoBackAStepAndNeverQuit() throws {
        let (screen, model, _) = try runDemo(events: Event.keys("enter", "enter", "b"))
        #expect(screen.lastFrame.plainText.contains("step 2 of 3: the replay"))
        #expect(screen.lastFrame.plainText.contains("Journey · leads arriving at each node"))
        let (escaped, escapedModel, _) = try runDemo(events: Event.keys("enter", "esc", "esc"))
        #expect(escapedModel.stack.count == 1)
        #expect(escaped.lastFrame.plainText.contains("step 1 of 3: the journey"))
        #expect(escaped.frames.contains { $0.plainText.contains("q quits the demo") })
        #expect(model.current.title == "Demo 1/4: welcome-series")
    }

    @Test func rReplaysTheJourneyAgainAndNAndPMoveOn() throws {
        let (_, model, workspace) = try runDemo(events: Event.keys("enter", "r", "n", "enter"))
        let runs = try workspace.runs().sorted { $0.id < $1.id }
        #expect(runs.map(\.journey) == ["welcome-series", "welcome-series", "re-engagement"])
        #expect(model.current.title == "Demo 2/4: re-engagement")
        let (_, wrapped, _) = try runDemo(first: 3, events: Event.keys("n"))
        #expect(wrapped.current.title == "Demo 1/4: welcome-series")
        let (_, back, _) = try runDemo(first: 0, events: Event.keys("p"))
        #expect(back.current.title == "Demo 4/4: geographic-campaigns")
    }

    /// Geographic campaigns on the demo's cohort: every region, the A/B split and the dealer
    /// alert are reached, and the caption gives their figures.
    @Test func geographicCampaignsTellsItsStory() throws {
        let (screen, _, workspace) = try runDemo(
            leads: 2000, first: 3, size: Size(width: 120, height: 40), events: Event.keys("enter"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("every branch taken"))
        #expect(!text.contains("not reached"))
        let run = try #require(try workspace.runs().first)
        let counts = try RunNodeCounts.load(workspace, run: run.id).arrivals
        let caption =
            "West coast \(ReportFormat.count(counts["west-coast", default: 0])), northeast "
            + "\(ReportFormat.count(counts["northeast", default: 0]))"
        #expect(text.contains(caption))
    }

    @Test func theCaptionFillsItsFigures() {
        var counts = RunCounts()
        counts.arrivals = ["entry": 2000, "sms-nudge": 1250]
        counts.conversions = ["entry": 61]
        #expect(
            DemoCaption.fill(
                "{entries} in, {in:sms-nudge} ({pct:sms-nudge}), {conversions}, {in:none}", counts: counts)
                == "2,000 in, 1,250 (62.5%), 61, 0")
        #expect(DemoCaption.fill("{entries} leads", counts: nil) == "… leads")
    }

    @Test func theJourneyStepAt80x24And120x40() throws {
        let (small, _, _) = try runDemo(first: 3, events: [])
        assertSnapshot(small.lastFrame, named: "demo-journey-80x24")
        let (large, _, _) = try runDemo(first: 3, size: Size(width: 120, height: 40), events: [])
        assertSnapshot(large.lastFrame, named: "demo-journey-120x40")
    }

    @Test func theFinishedReplayAt80x24And120x40() throws {
        let (small, _, _) = try runDemo(first: 3, events: Event.keys("enter"))
        assertSnapshot(small.lastFrame, named: "demo-replayed-80x24")
        let (large, _, _) = try runDemo(
            first: 3, size: Size(width: 120, height: 40), events: Event.keys("enter"))
        assertSnapshot(large.lastFrame, named: "demo-replayed-120x40")
    }

    @Test func theDashboardStepAt80x24And120x40() throws {
        let (small, _, _) = try runDemo(first: 3, events: Event.keys("enter", "enter"))
        assertSnapshot(small.lastFrame, named: "demo-dashboard-80x24")
        let (large, _, _) = try runDemo(
            first: 3, size: Size(width: 120, height: 40), events: Event.keys("enter", "enter"))
        assertSnapshot(large.lastFrame, named: "demo-dashboard-120x40")
    }
}
