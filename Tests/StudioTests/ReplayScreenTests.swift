import Analytics
import Foundation
import JourneyModel
import ReplayEngine
import TerminalUI
import Testing

@testable import Studio
@testable import Workspace

/// Ticks that let a chain of effects (a task that opens a screen that loads) finish before the
/// script ends: the test screen waits for running effects before each event.
let settle: [Event] = [.tick, .tick, .tick]

@Suite struct ReplayScreenTests {
    static let start: [Route] = [.journeys, .replay(journey: "welcome-series", version: nil)]

    @Test func theFormOffersTheCohortsSeedAndMode() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(workspace, start: Self.start, events: [])
        assertSnapshot(screen.lastFrame, named: "replay-setup-80x24")
        #expect(model.current.statusMode == "SETUP")
    }

    @Test func onAChoiceQuestionMarkShowsHelpButInASeedItIsTyped() throws {
        let workspace = try TestWorkspace()
        let (help, _) = runStudio(workspace, start: Self.start, events: Event.keys("?"))
        #expect(help.lastFrame.plainText.contains("Start the replay"))
        let (_, typed) = runStudio(workspace, start: Self.start, events: Event.keys("tab", "?"))
        let screen = try #require(typed.current as? ReplayScreen)
        #expect(screen.setup.text(.seed) == "1?")
    }

    @Test func theFormAt120x40() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace, start: Self.start, size: Size(width: 120, height: 40), events: [])
        assertSnapshot(screen.lastFrame, named: "replay-setup-120x40")
    }

    @Test func enterReplaysWelcomeSeriesOnSampleAndShowsTheRunsNumbers() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(workspace, start: Self.start, events: Event.keys("enter"))
        let run = try #require(try workspace.workspace.runs().first)
        #expect(run.journey == "welcome-series" && run.cohort == "sample" && run.seed == 1)
        #expect(run.status == "completed")
        let report = try RunReportBuilder.build(workspace.workspace, run: run.id)
        let text = screen.lastFrame.plainText
        #expect(text.contains("Run #\(run.id) finished — cohort sample, seed 1, mixed"))
        #expect(text.contains("Leads         \(run.leads)"))
        #expect(text.contains("Entries       \(run.entries)"))
        #expect(text.contains("Conversions   \(run.conversions) ("))
        #expect(text.contains("Success rate  \(ReportFormat.percent(report.health.successRate))"))
        let sent = report.channels.map(\.sent).reduce(0, +)
        let suppressed = report.channels.flatMap(\.suppressed.values).reduce(0, +)
        #expect(text.contains("Sent          \(sent)"))
        #expect(text.contains("Suppressed    \(suppressed)"))
        #expect(text.contains("Handoffs      \(report.handoffs.total)"))
        let halted = report.health.byStatus["halted"] ?? 0
        let failed = report.health.byStatus["failed"] ?? 0
        #expect(text.contains("Halted/failed \(halted)/\(failed)"))
        assertSnapshot(screen.lastFrame, named: "replay-finished-80x24")
        guard case .finished(let result) = (model.current as? ReplayScreen)?.phase else {
            Issue.record("the replay did not finish")
            return
        }
        // The counts drawn on the journey are the run's.
        #expect(result.counts.arrivals["entry"] == run.entries)
        #expect(result.counts.conversions["entry"] == run.conversions)
    }

    @Test func theFinishedReplayAt120x40() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace, start: Self.start, size: Size(width: 120, height: 40), events: Event.keys("enter"))
        assertSnapshot(screen.lastFrame, named: "replay-finished-120x40")
    }

    @Test func enterOnTheSummaryOpensTheRunsDashboardInItsPlace() throws {
        let workspace = try TestWorkspace()
        let (_, model) = runStudio(
            workspace, start: Self.start, events: Event.keys("enter", "enter") + settle)
        let dashboard = try #require(model.current as? DashboardScreen)
        #expect(dashboard.report?.run.id == 1)
        #expect(model.stack.count == 2)
    }

    /// Canvas → replay → Enter (the dashboard) → Esc: the canvas shows the run's counts; and a
    /// canvas opened without a run finds the newest one with `v`.
    @Test func backOnTheCanvasAfterAReplayItShowsTheRunsCounts() throws {
        let workspace = try TestWorkspace()
        let canvas = Route.canvas(journey: "welcome-series", version: nil, run: nil)
        let (screen, model) = runStudio(
            workspace, start: [.journeys, canvas],
            events: Event.keys("r") + settle + Event.keys("enter") + settle + Event.keys("enter") + settle
                + Event.keys("esc") + settle)
        let back = try #require(model.current as? CanvasScreen)
        let expected = RunCounts(try RunNodeCounts.load(workspace.workspace, run: 1))
        #expect(back.run == 1 && back.counts == expected && back.overlayCounts != nil)
        #expect(screen.lastFrame.plainText.contains("Showing run #1's counts"))
        let (_, found) = runStudio(workspace, start: [.journeys, canvas], events: Event.keys("v") + settle)
        let later = try #require(found.current as? CanvasScreen)
        #expect(later.run == 1 && later.counts == expected)
        let (none, _) = runStudio(
            workspace, start: [.journeys, .canvas(journey: "re-engagement", version: nil, run: nil)],
            events: Event.keys("v") + settle)
        #expect(none.lastFrame.plainText.contains("No run of re-engagement yet: press r to replay it"))
    }

    @Test func cancellingKeepsTheRunMarkedCancelled() throws {
        let workspace = try TestWorkspace()
        let cancellation = ReplayCancellation()
        let messages = Messages()
        let request = ReplayRequest(
            order: ReplayOrder(journey: "welcome-series", cohort: WorkspaceSeed.syntheticCohort, seed: 1),
            synthesis: nil)
        let journey = try workspace.workspace.journeyToReplay("welcome-series", version: nil).journey
        ReplayJob.run(request, of: journey, in: workspace.workspace, cancellation: cancellation) { message in
            // Cancel as soon as the first progress report comes, as `x` does mid-run.
            if case .progress = message { cancellation.cancel() }
            messages.append(message)
        }
        var screen = ReplayScreen(journey: "welcome-series", version: nil)
        screen.phase = .running(nil, cancelling: true)
        screen.request = request
        let environment = workspace.environment()
        for message in messages.all { _ = screen.receive(message, environment) }
        guard case .finished(let result) = screen.phase else {
            Issue.record("no result: \(screen.phase)")
            return
        }
        #expect(result.summary.cancelled)
        #expect(result.summary.leadsAdmitted < 2000)
        let run = try #require(try workspace.workspace.runs().first)
        #expect(run.id == result.runID && run.status == "cancelled")
        var frame = Frame(size: Size(width: 80, height: 22))
        screen.view(in: frame.area, frame: &frame, environment)
        #expect(frame.buffer.plainText.contains("Run #\(run.id) cancelled"))
    }

    @Test func progressShowsLeadsPerSecondAndTheTimeLeft() throws {
        let workspace = try TestWorkspace()
        let environment = workspace.environment()
        var screen = ReplayScreen(journey: "welcome-series", version: nil)
        for message in [ReplayScreen.Message.loaded(.success(try Self.inputs(workspace)))] {
            _ = screen.receive(message, environment)
        }
        // Starting returns the replay as an effect, which this test does not run.
        _ = screen.perform(.start, environment)
        // A snapshot as the job sends it; its elapsed time is fixed here, so the frame is too.
        let report = ReplayProgressReport(
            runID: 7, leadsAdmitted: 500, cohortLeads: 2000, recordsEmitted: 12_345,
            virtualTime: Date(timeIntervalSince1970: 0))
        var counts = RunCounts()
        counts.arrivals = ["entry": 500, "welcome-email": 480]
        _ = screen.receive(
            .progress(ReplayProgressSnapshot(stage: .replaying(report), counts: counts, elapsed: 2)),
            environment)
        var frame = Frame(size: Size(width: 80, height: 22))
        screen.view(in: frame.area, frame: &frame, environment)
        let text = frame.buffer.plainText
        #expect(text.contains("25% 500/2k · 250/s · ETA 0:06"))
        #expect(text.contains("Run #7 · sample · 12,345 records"))
        assertSnapshot(frame.buffer, named: "replay-running-80x22")
    }

    static func inputs(_ workspace: TestWorkspace) throws -> ReplayScreen.Inputs {
        let stored = try workspace.workspace.journeyVersion("welcome-series")
        let journey = try #require(
            JourneyReader.readAndValidate(bytes: Array(stored.yaml.utf8), file: "welcome-series").journey)
        return ReplayScreen.Inputs(
            journey: journey, version: stored.version, cohorts: try workspace.workspace.cohorts())
    }

    @Test func leavingWhileARunGoesAsksAndCancelsIt() throws {
        var screen = ReplayScreen(journey: "welcome-series", version: nil)
        #expect(screen.leaveQuestion == nil)
        screen.phase = .running(nil, cancelling: false)
        #expect(screen.leaveQuestion?.contains("cancels it") == true)
        screen.willLeave()
        #expect(screen.cancellation.isCancelled)
    }

    @Test func readOnlyStudiosRefuseToReplay() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace, start: Self.start, mode: .readOnly, events: Event.keys("enter"))
        #expect(try workspace.workspace.runs().isEmpty)
        #expect(screen.lastFrame.plainText.contains("read-only"))
    }

    @Test func aNewSyntheticCohortIsWrittenThenReplayed() throws {
        let workspace = try TestWorkspace()
        // The cohort list ends with "new synthetic cohort…": left from the first wraps to it.
        let events =
            Event.keys("left", "tab", "tab", "tab", "ctrl+u") + Event.typing("150") + Event.keys("enter")
        let (_, model) = runStudio(workspace, start: Self.start, events: events)
        let cohort = try #require(try workspace.workspace.cohorts().first { $0.name == "b2b-saas-150-s1" })
        #expect(cohort.leads == 150)
        let run = try #require(try workspace.workspace.runs().first)
        #expect(run.cohort == "b2b-saas-150-s1" && run.leads == 150)
        guard case .finished = (model.current as? ReplayScreen)?.phase else {
            Issue.record("the replay did not finish")
            return
        }
    }

    @Test func countsFromRecordsCreditEdgesAndConversions() throws {
        let workspace = try TestWorkspace()
        let journey = try workspace.workspace.journeyToReplay("welcome-series", version: nil).journey
        let counts = LiveRunCounts(journey: journey)
        let outcome = try workspace.workspace.replay(
            ReplayOrder(journey: "welcome-series", cohort: "sample", seed: 1), observe: { counts.record($0) })
        let snapshot = counts.snapshot()
        #expect(snapshot.arrivals["entry"] == outcome.summary.entries)
        #expect(snapshot.conversions["entry"] == outcome.summary.conversions)
        let fromEntry = snapshot.edges.filter { $0.key.from == "entry" }.values.reduce(0, +)
        #expect(fromEntry == outcome.summary.entries)
        #expect(snapshot.arrivals["welcome-email"] == outcome.summary.nodes["welcome-email"]?.entered)
    }

    static let loopingJourney = """
        journey: looping
        name: Looping
        entry:
          trigger: { type: event, event: lead.created }
          next: nudge
        nodes:
          - id: nudge
            kind: action
            action: { type: notify, to: ops, message: nudge }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 1d }
            next: again
          - id: again
            kind: decision
            if: { type: time, field: days_since_entry, operator: less_than, value: 3 }
            then: nudge
            else: done
          - id: done
            kind: exit
            reason: looped enough
        """

    /// A journey that loops: each lead passes `nudge` three times but arrives there once, so the
    /// live canvas counts it once, as the stored run does (docs/analytics.md, "Canvas counts").
    @Test func liveCountsOfALoopingJourneyAreTheStoredRunsCounts() throws {
        let workspace = try TestWorkspace()
        _ = try workspace.workspace.saveJourney(yaml: Self.loopingJourney, file: "looping.journey.yaml")
        let journey = try workspace.workspace.journeyToReplay("looping", version: nil).journey
        let counts = LiveRunCounts(journey: journey)
        let outcome = try workspace.workspace.replay(
            ReplayOrder(journey: "looping", cohort: "sample", seed: 1), observe: { counts.record($0) })
        let live = counts.snapshot()
        let stored = RunCounts(try RunNodeCounts.load(workspace.workspace, run: outcome.runID))
        #expect(outcome.summary.entries > 0)
        #expect(live.arrivals["nudge"] == outcome.summary.entries)
        #expect(live.edges[RunCounts.Edge(from: "again", to: "nudge")] == 2 * outcome.summary.entries)
        #expect(live == stored)
    }
}

/// Messages a job sent, collected across its thread.
final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ReplayScreen.Message] = []

    func append(_ message: ReplayScreen.Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [ReplayScreen.Message] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
