import Foundation
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The demo on its own throw-away workspace: it replays at once, then shows the dashboard;
/// `r` replays the journey again, `n` moves on.
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

    @Test func itReplaysAtOnceOnTheDemoCohortAndEnterShowsTheDashboard() throws {
        let (screen, model, workspace) = try runDemo(events: [.key(.enter)])
        let runs = try workspace.runs()
        #expect(runs.count == 1)
        #expect(runs.first?.journey == "welcome-series")
        #expect(runs.first?.cohort == DemoScreen.cohort)
        #expect(runs.first?.leads == 300)
        #expect(model.current.title == "Demo 1/4: welcome-series")
        #expect(screen.frames.contains { $0.plainText.contains("Run #1 finished") })
        let last = screen.lastFrame.plainText
        #expect(last.contains("Funnel"))
        #expect(last.contains("r replay again"))
        #expect(!last.contains("r runs"))
    }

    @Test func rReplaysTheJourneyAgainAndNMovesOn() throws {
        let (_, model, workspace) = try runDemo(events: Event.keys("enter", "r", "n"))
        let runs = try workspace.runs().sorted { $0.id < $1.id }
        #expect(runs.map(\.journey) == ["welcome-series", "welcome-series", "re-engagement"])
        #expect(model.current.title == "Demo 2/4: re-engagement")
        let (_, wrapped, _) = try runDemo(first: 3, events: Event.keys("n"))
        #expect(wrapped.current.title == "Demo 1/4: welcome-series")
    }

    @Test func theDashboardStageAt80x24() throws {
        let (screen, _, _) = try runDemo(events: [.key(.enter)])
        assertSnapshot(screen.lastFrame, named: "demo-dashboard-80x24")
    }

    @Test func theFinishedReplayAt120x40() throws {
        let (screen, _, _) = try runDemo(size: Size(width: 120, height: 40), events: [])
        assertSnapshot(screen.lastFrame, named: "demo-replayed-120x40")
    }
}
