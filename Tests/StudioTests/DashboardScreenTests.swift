import Analytics
import Foundation
import TerminalUI
import Testing
import Workspace

@testable import Studio

@Suite struct DashboardScreenTests {
    /// A workspace with one deterministic run of welcome-series on the sample cohort (run 1).
    static func workspaceWithRun(
        seeds: [UInt64] = [1], journey: String = "welcome-series", cohort: String = "sample"
    ) throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        for seed in seeds {
            try workspace.workspace.replay(ReplayOrder(journey: journey, cohort: cohort, seed: seed))
        }
        return workspace
    }

    @Test func wideTerminalsShowEveryPanelInAGrid() throws {
        let workspace = try Self.workspaceWithRun()
        let (screen, _) = runStudio(
            workspace, start: [.journeys, .dashboard(run: nil)], size: Size(width: 120, height: 40),
            events: [])
        let text = screen.lastFrame.plainText
        for panel in DashboardPanel.allCases { #expect(text.contains(panel.heading), "\(panel)") }
        assertSnapshot(screen.lastFrame, named: "dashboard-grid-120x40")
    }

    @Test func narrowTerminalsShowOnePanelATabPerNumberKey() throws {
        let workspace = try Self.workspaceWithRun()
        for panel in DashboardPanel.allCases {
            let (screen, model) = runStudio(
                workspace, start: [.journeys, .dashboard(run: 1)], events: Event.keys("\(panel.rawValue + 1)")
            )
            #expect((model.current as? DashboardScreen)?.panel == panel)
            assertSnapshot(
                screen.lastFrame, named: "dashboard-tab-\(String(describing: panel).lowercased())-80x24")
        }
    }

    @Test func tabAndAClickOnATabSwitchPanels() throws {
        let workspace = try Self.workspaceWithRun()
        let (_, tabbed) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("tab", "tab"))
        #expect((tabbed.current as? DashboardScreen)?.panel == .timeInStage)
        // Tabs are under the heading and the summary's two lines: on the screen's fifth row.
        let row = Rect(x: 0, y: 4, width: 80, height: 1)
        let health = try #require(DashboardView.tabRects(in: row).first { $0.0 == .health }?.1)
        let click = Event.mouse(MouseEvent(kind: .press(button: 1), position: Point(x: health.x + 2, y: 4)))
        let (_, clicked) = runStudio(workspace, start: [.dashboard(run: 1)], events: [click])
        #expect((clicked.current as? DashboardScreen)?.panel == .health)
    }

    @Test func clicksPickAStageAndARun() throws {
        let workspace = try Self.workspaceWithRun(seeds: [1, 2])
        // 80×24: heading row 1, summary rows 2–3, tabs row 4, border row 5, table header and rule
        // rows 6–7.
        let thirdStage = Event.mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 5, y: 10)))
        let (_, staged) = runStudio(
            workspace, start: [.dashboard(run: 1)], events: Event.keys("3") + [thirdStage])
        #expect((staged.current as? DashboardScreen)?.stage == 2)
        let picker = DashboardView.pickerRect(in: StudioView.contentArea(Size(width: 80, height: 24)))
        let secondRun = Event.mouse(
            MouseEvent(kind: .press(button: 1), position: Point(x: picker.x + 5, y: picker.y + 4)))
        let (_, picked) = runStudio(
            workspace, start: [.dashboard(run: nil)],
            events: Event.keys("r") + [secondRun] + Event.keys("enter") + settle)
        #expect((picked.current as? DashboardScreen)?.report?.run.id == 1)
    }

    @Test func comparingNeedsTwoRuns() throws {
        let workspace = try Self.workspaceWithRun()
        let (screen, model) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("c"))
        #expect((model.current as? DashboardScreen)?.mode == .panels)
        #expect(screen.lastFrame.plainText.contains("Only one run"))
    }

    @Test func theFunnelPanelShowsTheRunsFigures() throws {
        let workspace = try Self.workspaceWithRun()
        let report = try RunReportBuilder.build(workspace.workspace, run: 1)
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: [])
        let text = screen.lastFrame.plainText
        // At 80 columns the seed and the mode are left out of the heading, not cut.
        #expect(text.contains("Run #1 welcome-series v1 · cohort sample · 24 leads"))
        for stage in report.funnel.stages {
            #expect(
                text.contains("\(stage.leads) \(ReportFormat.percent(stage.rateFromEntry))"), "\(stage.node)")
        }
    }

    @Test func theRunListPicksAnotherRun() throws {
        let workspace = try Self.workspaceWithRun(seeds: [1, 2])
        let (screen, model) = runStudio(workspace, start: [.dashboard(run: nil)], events: Event.keys("r"))
        #expect(screen.lastFrame.plainText.contains("Show run"))
        #expect((model.current as? DashboardScreen)?.report?.run.id == 2)
        assertSnapshot(screen.lastFrame, named: "dashboard-runs-80x24")
        let (_, picked) = runStudio(
            workspace, start: [.dashboard(run: nil)], events: Event.keys("r", "j", "enter") + settle)
        #expect((picked.current as? DashboardScreen)?.report?.run.id == 1)
    }

    @Test func comparingTwoRunsShowsTheComparison() throws {
        let workspace = try Self.workspaceWithRun(seeds: [1, 2])
        let (screen, model) = runStudio(
            workspace, start: [.dashboard(run: 2)], events: Event.keys("c", "enter") + settle)
        let dashboard = try #require(model.current as? DashboardScreen)
        #expect(dashboard.comparison?.first.run.id == 2 && dashboard.comparison?.second.run.id == 1)
        let text = screen.lastFrame.plainText
        #expect(text.contains("Run #2 vs run #1"))
        assertSnapshot(screen.lastFrame, named: "dashboard-compare-80x24")
        let (_, stopped) = runStudio(
            workspace, start: [.dashboard(run: 2)],
            events: Event.keys("c", "enter") + settle + Event.keys("c"))
        #expect((stopped.current as? DashboardScreen)?.comparison == nil)
    }

    /// The path is pre-filled and selected: what is typed replaces it (no Ctrl-U needed).
    @Test func exportWritesWhatCairnReportPrints() throws {
        let workspace = try Self.workspaceWithRun()
        for (name, expected) in [
            (
                "report.txt",
                ReportTextRenderer.render(try RunReportBuilder.build(workspace.workspace, run: 1))
            ),
            ("report.csv", ReportCSVRenderer.render(try RunReportBuilder.build(workspace.workspace, run: 1))),
        ] {
            let path = workspace.folder.appendingPathComponent(name).path
            runStudio(
                workspace, start: [.dashboard(run: 1)],
                events: Event.keys("e") + Event.typing(path) + Event.keys("enter") + settle)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(name)")
        }
        let json = workspace.folder.appendingPathComponent("report.json").path
        runStudio(
            workspace, start: [.dashboard(run: 1)],
            events: Event.keys("e") + Event.typing(json) + Event.keys("enter") + settle)
        let decoded = try JSONDecoder().decode(
            RunReport.self, from: Data(contentsOf: URL(fileURLWithPath: json)))
        #expect(decoded == (try RunReportBuilder.build(workspace.workspace, run: 1)))
    }

    @Test func exportAsksForAPathInThePromptBox() throws {
        let workspace = try Self.workspaceWithRun()
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("e"))
        assertSnapshot(screen.lastFrame, cursor: screen.cursor, named: "dashboard-export-80x24")
        // Nothing to export to: the prompt stays open and says why.
        let (empty, model) = runStudio(
            workspace, start: [.dashboard(run: 1)], events: Event.keys("e", "backspace", "enter"))
        #expect(empty.lastFrame.plainText.contains("type something first"))
        #expect((model.current as? DashboardScreen)?.statusMode == "EXPORT")
    }

    @Test func findOpensTheLeadInspector() throws {
        let workspace = try Self.workspaceWithRun()
        let (_, model) = runStudio(
            workspace, start: [.dashboard(run: 1)],
            events: Event.keys("f") + Event.typing("L001") + Event.keys("enter") + settle)
        let inspector = try #require(model.current as? LeadInspectorScreen)
        #expect(inspector.lead == "L001" && inspector.run == 1)
    }

    @Test func anUnknownRunSaysSo() throws {
        let workspace = try Self.workspaceWithRun()
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: 99)], events: [])
        #expect(screen.lastFrame.plainText.contains("no run 99"))
    }

    @Test func anEmptyWorkspaceSaysToReplayFirst() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: nil)], events: [])
        #expect(screen.lastFrame.plainText.contains("no runs yet"))
    }

    /// A journey made for the A/B panel: every new lead split between two welcome emails.
    static let splitJourney = """
        journey: subject-test
        name: Subject test
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: subject
        goal:
          name: engaged
          when: { type: behavior, field: email.opened, operator: exists }
        nodes:
          - id: subject
            kind: split
            paths:
              - { name: plain, weight: 50, next: plain-email }
              - { name: emoji, weight: 50, next: emoji-email }
          - id: plain-email
            kind: action
            action: { type: send, channel: email, template: welcome-plain }
            next: wait
          - id: emoji-email
            kind: action
            action: { type: send, channel: email, template: welcome-emoji }
            next: wait
          - id: wait
            kind: wait
            wait: { for: 3d }
            next: done
          - id: done
            kind: exit
            reason: test over
        """

    @Test func theABPanelShowsEachPathWithItsVerdict() throws {
        let workspace = try TestWorkspace()
        _ = try workspace.workspace.saveJourney(yaml: Self.splitJourney, file: "subject-test.journey.yaml")
        try workspace.workspace.replay(
            ReplayOrder(journey: "subject-test", cohort: WorkspaceSeed.syntheticCohort, seed: 1))
        let report = try RunReportBuilder.build(workspace.workspace, run: 1)
        let split = try #require(report.splits.first)
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("4"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("subject · baseline \(split.baseline)"))
        for path in split.paths {
            #expect(text.contains(path.path))
            if let verdict = path.verdict { #expect(text.contains(verdict)) }
        }
        assertSnapshot(screen.lastFrame, named: "dashboard-tab-abtest-split-80x24")
    }
}
