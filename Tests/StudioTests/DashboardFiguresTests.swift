import Analytics
import Foundation
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// No figure is ever cut: at every size from 80×24 up, each panel shows a figure whole or not at
/// all (its column left out, its line not drawn), never "2,000 10…" or "within 30s 100.…".
@Suite struct DashboardFiguresTests {
    /// Runs with every panel filled: welcome-series (channels, drop-off), high-intent-fast-track
    /// (handoffs, some never assigned) and a split (A/B), the last two on the synthetic cohort.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        _ = try workspace.workspace.saveJourney(
            yaml: DashboardScreenTests.splitJourney, file: "subject-test.journey.yaml")
        for (journey, cohort) in [
            ("welcome-series", "sample"), ("high-intent-fast-track", WorkspaceSeed.syntheticCohort),
            ("subject-test", WorkspaceSeed.syntheticCohort),
        ] {
            try workspace.workspace.replay(ReplayOrder(journey: journey, cohort: cohort, seed: 1))
        }
        return workspace
    }

    static let sizes = [
        Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 119, height: 36),
        Size(width: 120, height: 40), Size(width: 150, height: 45), Size(width: 200, height: 60),
    ]

    /// A cut figure ends in the ellipsis right after a digit, a separator or a percent sign.
    static func cutFigures(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let characters = Array(line)
            for (index, character) in characters.enumerated() where character == "…" && index > 0 {
                let before = characters[index - 1]
                if before.isNumber || ".,%".contains(before) { return String(line) }
            }
            return nil
        }
    }

    /// The figures each panel must show whole when it is on the screen: the first rows of its
    /// tables and its headline figures.
    static func figures(_ panel: DashboardPanel, _ report: RunReport) -> [String] {
        switch panel {
        case .funnel:
            return report.funnel.stages.prefix(5).map {
                "\(ReportFormat.count($0.leads)) \(ReportFormat.percent($0.rateFromEntry))"
            }
        case .dropoff:
            return report.dropoff.prefix(3).map { $0.reason.replacingOccurrences(of: "_", with: " ") }
        case .timeInStage: return report.timeInStage.prefix(3).map { ReportFormat.count($0.dwell.count) }
        case .abTest: return report.splits.first.map { $0.paths.map { ReportFormat.percent($0.rate) } } ?? []
        case .channels: return report.channels.map { ReportFormat.count($0.sent) }
        case .handoffs:
            let h = report.handoffs
            guard h.total > 0 else { return [] }
            return [
                "\(ReportFormat.count(h.total)) handoffs",
                "\(ReportFormat.count(h.unassigned)) never assigned",
                "within 30s \(ReportFormat.percent(h.within30Seconds)) of all",
            ]
        case .health: return ["success \(ReportFormat.percent(report.health.successRate))"]
        case .trend: return ["#\(report.run.id)", ReportFormat.count(report.run.entries)]
        }
    }

    @Test func noFigureIsCutAtAnySize() throws {
        let workspace = try Self.workspace()
        for run in Int64(1)...3 {
            let report = try RunReportBuilder.build(workspace.workspace, run: run)
            for size in Self.sizes {
                let grid = size.width >= DashboardScreen.gridWidth
                for panel in grid ? [DashboardPanel.funnel] : DashboardPanel.allCases {
                    let (screen, _) = runStudio(
                        workspace, start: [.dashboard(run: run)], size: size,
                        events: Event.keys("\(panel.rawValue + 1)"))
                    let text = screen.lastFrame.plainText
                    #expect(
                        Self.cutFigures(text).isEmpty, "run \(run) \(size) \(panel): \(Self.cutFigures(text))"
                    )
                    for shown in grid ? DashboardPanel.allCases : [panel] where !(grid && size.height < 40) {
                        for figure in Self.figures(shown, report) {
                            #expect(text.contains(figure), "run \(run) \(size) \(shown): \(figure)")
                        }
                    }
                }
            }
        }
    }

    @Test func theHandoffsPanelSaysHowManyWereNeverAssigned() throws {
        let workspace = try Self.workspace()
        let report = try RunReportBuilder.build(workspace.workspace, run: 2)
        let h = report.handoffs
        #expect(h.total > 0 && h.assigned + h.unassigned == h.total)
        let (screen, _) = runStudio(workspace, start: [.dashboard(run: 2)], events: Event.keys("6"))
        #expect(screen.lastFrame.plainText.contains("\(ReportFormat.count(h.assigned)) assigned"))
        assertSnapshot(screen.lastFrame, named: "dashboard-tab-handoffs-assigned-80x24")
        let (wide, _) = runStudio(
            workspace, start: [.dashboard(run: 2)], size: Size(width: 120, height: 40), events: [])
        assertSnapshot(wide.lastFrame, named: "dashboard-grid-handoffs-120x40")
    }

    /// The case: 984 of 1,314 handoffs never assigned, the 330 assigned all at once.
    /// "within 30s 100.0%" of the assigned would mislead; the headline is 25.1% of all.
    @Test func aQueueThatNeverDrainedIsAWarning() throws {
        let workspace = try Self.workspace()
        var report = try RunReportBuilder.build(workspace.workspace, run: 2)
        report.handoffs.total = 1314
        report.handoffs.assigned = 330
        report.handoffs.unassigned = 984
        report.handoffs.within30Seconds = 330.0 / 1314
        report.handoffs.within30SecondsOfAssigned = 1
        report.handoffs.queueWaitP50 = 0
        report.handoffs.queueWaitP90 = 12
        report.handoffs.warning =
            "984 of 1,314 handoffs were never assigned: the queue had not drained when the run ended"
        var screen = DashboardScreen(run: 2)
        screen.report = report
        screen.panel = .handoffs
        for (size, name) in [
            (Size(width: 80, height: 24), "80x24"), (Size(width: 120, height: 40), "120x40"),
        ] {
            var frame = Frame(size: size)
            DashboardView.render(screen, in: frame.area, frame: &frame)
            let text = frame.buffer.plainText
            for figure in ["1,314 handoffs", "330 assigned", "984 never assigned", "within 30s 25.1% of all"]
            {
                #expect(text.contains(figure), "\(name): \(figure)")
            }
            // The warning wraps in the grid's third of 120 columns (beside channels and the trend).
            #expect(text.contains("⚠ 984 of 1,314 handoffs were never"), "\(name)")
            #expect(Self.cutFigures(text).isEmpty, "\(name)")
            assertSnapshot(frame.buffer, named: "dashboard-handoffs-queue-\(name)")
        }
    }

    @Test func aTogglesTheAllPathsFunnelAndIShowsIds() throws {
        let workspace = try Self.workspace()
        let report = try RunReportBuilder.build(workspace.workspace, run: 1)
        let (main, _) = runStudio(workspace, start: [.dashboard(run: 1)], events: [])
        #expect(main.lastFrame.plainText.contains("other branches not counted"))
        let (all, model) = runStudio(workspace, start: [.dashboard(run: 1)], events: Event.keys("a"))
        #expect((model.current as? DashboardScreen)?.allPaths == true)
        let text = all.lastFrame.plainText
        #expect(text.contains("leads reaching each node by any path"))
        for stage in report.funnel.allPaths.prefix(10) {
            #expect(text.contains(stage.label), "\(stage.node)")
        }
        assertSnapshot(all.lastFrame, named: "dashboard-tab-funnel-all-paths-80x24")
        let (wide, _) = runStudio(
            workspace, start: [.dashboard(run: 1)], size: Size(width: 120, height: 40),
            events: Event.keys("a"))
        assertSnapshot(wide.lastFrame, named: "dashboard-grid-all-paths-120x40")
        // high-intent-fast-track (run 2) labels some of its nodes: `i` shows their ids instead.
        let labelled = try #require(
            try RunReportBuilder.build(workspace.workspace, run: 2).funnel.allPaths.first {
                $0.label != $0.node
            })
        let (named, _) = runStudio(workspace, start: [.dashboard(run: 2)], events: Event.keys("a"))
        #expect(named.lastFrame.plainText.contains(labelled.label))
        let (ids, _) = runStudio(workspace, start: [.dashboard(run: 2)], events: Event.keys("a", "i"))
        #expect(ids.lastFrame.plainText.contains(labelled.node))
        #expect(!ids.lastFrame.plainText.contains(labelled.label))
    }

    @Test func theSummaryReadsUnderTheHeading() throws {
        let workspace = try Self.workspace()
        let report = try RunReportBuilder.build(workspace.workspace, run: 1)
        let (screen, _) = runStudio(
            workspace, start: [.dashboard(run: 1)], size: Size(width: 120, height: 40), events: [])
        let text = screen.lastFrame.plainText.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains(report.summary[0]))
        #expect(text.contains(report.summary[1]))
    }
}
