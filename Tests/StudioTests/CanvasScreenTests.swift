import Analytics
import Foundation
import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// The canvas screen on a real seeded workspace: drawing, navigation, editing, saving, the
/// run overlay.
@Suite struct CanvasScreenTests {
    static let welcome = Route.canvas(journey: "welcome-series", version: nil, run: nil)
    static let big = Size(width: 120, height: 40)
    /// An event after the last key, so messages sent by a finished load (a toast) get drawn.
    static let settle = Event.resize(Size(width: 80, height: 24))

    static func canvas(_ model: StudioModel) throws -> CanvasScreen {
        try #require(model.current as? CanvasScreen)
    }

    /// A replay of welcome-series over the bundled 60-lead cohort, fixed seed, simulated responses.
    static func replayWelcome(_ workspace: TestWorkspace) throws -> Int64 {
        try workspace.workspace.replay(
            ReplayOrder(journey: "welcome-series", cohort: "sample", seed: 7, mode: .simulated)
        ).runID
    }

    @Test func welcomeSeriesAt80x24() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, start: [.journeys, Self.welcome], events: [])
        assertSnapshot(screen.lastFrame, named: "canvas-welcome-80x24")
    }

    @Test func welcomeSeriesAt120x40() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, start: [.journeys, Self.welcome], size: Self.big, events: [])
        assertSnapshot(screen.lastFrame, named: "canvas-welcome-120x40")
    }

    @Test func compactZoomAt120x40() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], size: Self.big, events: Event.keys("z"))
        #expect(try Self.canvas(model).compact)
        assertSnapshot(screen.lastFrame, named: "canvas-compact-120x40")
        let (small, _) = runStudio(workspace, start: [.journeys, Self.welcome], events: Event.keys("z"))
        assertSnapshot(small.lastFrame, named: "canvas-compact-80x24")
    }

    @Test func outlineAt80x24() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], events: Event.keys("o", "j", "j"))
        #expect(try Self.canvas(model).selection == "wait-2d")
        assertSnapshot(screen.lastFrame, named: "canvas-outline-80x24")
    }

    @Test func asciiGlyphsAt80x24() throws {
        let workspace = try TestWorkspace()
        var program = Studio.program(environment: workspace.environment(), start: [.journeys, Self.welcome])
        let screen = TestScreen(size: Size(width: 80, height: 24), events: Event.keys("l"), glyphs: .ascii)
        _ = program.run(on: screen)
        assertSnapshot(screen.lastFrame, named: "canvas-ascii-80x24")
    }

    @Test func arrowsTabAndJumpMoveTheSelection() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let (_, right) = runStudio(workspace, start: start, events: Event.keys("l", "l", "l"))
        #expect(try Self.canvas(right).selection == "opened-welcome")
        // From the decision, Tab takes "yes" first, then (back and again) "no".
        let (_, tabs) = runStudio(
            workspace, start: start, events: Event.keys("tab", "tab", "tab", "tab", "shift+tab", "tab"))
        #expect(try Self.canvas(tabs).selection == "sms-nudge")
        // Laid out left to right (from 100 columns), j goes to the box below: the decision's "no".
        let (_, down) = runStudio(
            workspace, start: start, size: Self.big, events: Event.keys("l", "l", "l", "l", "j"))
        #expect(try Self.canvas(down).selection == "sms-nudge")
        let (screen, jump) = runStudio(
            workspace, start: start, size: Self.big,
            events: Event.keys("g") + Event.typing("offer") + Event.keys("enter"))
        let canvas = try Self.canvas(jump)
        #expect(canvas.selection == "special-offer")
        // The viewport followed: the selected box is on screen.
        #expect(screen.lastFrame.plainText.contains("special-offer"))
        #expect(canvas.viewport.offset.x > 0)
    }

    @Test func aClickSelectsANodeAndTheWheelScrolls() throws {
        let workspace = try TestWorkspace()
        let model = runStudio(workspace, start: [.journeys, Self.welcome], events: []).model
        let layout = try #require(try Self.canvas(model).layout(for: Size(width: 80, height: 21)))
        let box = try #require(layout.box("wait-2d"))
        let click = Event.mouse(
            MouseEvent(kind: .press(button: 1), position: Point(x: box.rect.x + 2, y: box.rect.y + 1 + 1)))
        let (_, clicked) = runStudio(workspace, start: [.journeys, Self.welcome], events: [click])
        #expect(try Self.canvas(clicked).selection == "wait-2d")
        // Laid out left to right (120 columns), welcome-series fits top to bottom, so the wheel
        // pans along it; at 80 columns it runs top to bottom and the wheel scrolls down it.
        let wheel = Event.mouse(MouseEvent(kind: .wheelDown, position: Point(x: 10, y: 10)))
        let (_, scrolled) = runStudio(
            workspace, start: [.journeys, Self.welcome], size: Self.big, events: [wheel, wheel])
        #expect(try Self.canvas(scrolled).viewport.offset == Point(x: 24, y: 0))
        let (_, narrow) = runStudio(workspace, start: [.journeys, Self.welcome], events: [wheel, wheel])
        #expect(try Self.canvas(narrow).viewport.offset == Point(x: 0, y: 6))
    }

    @Test func jumpPromptCompletesFuzzily() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace, start: [.journeys, Self.welcome], events: Event.keys("g") + Event.typing("wt"))
        assertSnapshot(screen.lastFrame, cursor: screen.cursor, named: "canvas-jump-80x24")
    }

    @Test func addingAfterTheSelectionPicksAKindAndUndoRedoWork() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let add = Event.keys("l", "a") + Event.typing("wait") + Event.keys("enter")
        let (_, added) = runStudio(workspace, start: start, events: add)
        let canvas = try Self.canvas(added)
        #expect(canvas.selection == "wait-4")
        let journey = try #require(canvas.currentJourney)
        #expect(journey.node("welcome-email")?.edges.map(\.target) == ["wait-4"])
        #expect(journey.node("wait-4")?.edges.map(\.target) == ["wait-2d"])
        #expect(canvas.leaveQuestion != nil)
        let (_, undone) = runStudio(workspace, start: start, events: add + Event.keys("u"))
        #expect(try Self.canvas(undone).currentJourney?.node("wait-4") == nil)
        #expect(try Self.canvas(undone).leaveQuestion == nil)
        let (_, redone) = runStudio(workspace, start: start, events: add + Event.keys("u", "ctrl+r"))
        #expect(try Self.canvas(redone).currentJourney?.node("wait-4") != nil)
    }

    @Test func deleteAsksWithNoAsTheDefaultAndReconnects() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let (_, kept) = runStudio(workspace, start: start, events: Event.keys("l", "l", "D", "enter"))
        #expect(try Self.canvas(kept).currentJourney?.node("wait-2d") != nil)
        let (_, deleted) = runStudio(workspace, start: start, events: Event.keys("l", "l", "D", "y"))
        let journey = try #require(try Self.canvas(deleted).currentJourney)
        #expect(journey.node("wait-2d") == nil)
        #expect(journey.node("welcome-email")?.edges.map(\.target) == ["opened-welcome"])
        #expect(try Self.canvas(deleted).selection == "welcome-email")
    }

    @Test func aProblemIsMarkedAndItsMessageShown() throws {
        let workspace = try TestWorkspace()
        // Disconnect welcome-email from wait-2d: the rest of the journey can no longer be reached.
        let (screen, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], events: Event.keys("l", "x", "enter"))
        let canvas = try Self.canvas(model)
        #expect(canvas.document?.problemNodes.contains("wait-2d") == true)
        assertSnapshot(screen.lastFrame, named: "canvas-problem-80x24")
    }

    @Test func savingMakesAVersionAndIdenticalContentIsANoOp() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let before = try workspace.workspace.journeyVersion("welcome-series").version
        let (same, _) = runStudio(workspace, start: start, events: Event.keys("s", "enter") + [Self.settle])
        #expect(try workspace.workspace.journeyVersion("welcome-series").version == before)
        #expect(
            same.frames.contains { $0.plainText.contains("No change: v\(before) already has this content") })
        let addWait = Event.keys("l", "a") + Event.typing("wait") + Event.keys("enter")
        let (prompt, _) = runStudio(
            workspace, start: start, events: addWait + Event.keys("s") + Event.typing("one more day"))
        assertSnapshot(prompt.lastFrame, named: "canvas-save-80x24")
        let (saved, model) = runStudio(
            workspace, start: start,
            events: addWait + Event.keys("s") + Event.typing("one more day") + Event.keys("enter") + [
                Self.settle
            ])
        let latest = try workspace.workspace.journeyVersion("welcome-series")
        #expect(latest.version == before + 1)
        #expect(latest.message == "one more day")
        #expect(try Self.canvas(model).leaveQuestion == nil)
        #expect(try Self.canvas(model).document?.version == before + 1)
        #expect(saved.frames.contains { $0.plainText.contains("Saved welcome-series v\(before + 1)") })
    }

    @Test func readOnlyRefusesEditingKeys() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], mode: .readOnly, events: Event.keys("l", "a"))
        #expect(try Self.canvas(model).currentJourney?.nodes.count == 9)
        #expect(screen.frames.contains { $0.plainText.contains("Read-only") })
    }

    @Test func leavingWithUnsavedChangesAsks() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], events: Event.keys("l", "l", "D", "y", "esc"))
        #expect(model.stack.count == 2)
        #expect(screen.lastFrame.plainText.contains("unsaved changes"))
    }

    @Test func theRunOverlayShowsArrivalsConversionsAndShares() throws {
        let workspace = try TestWorkspace()
        let run = try Self.replayWelcome(workspace)
        let route = Route.canvas(journey: "welcome-series", version: nil, run: run)
        let (screen, model) = runStudio(
            workspace, start: [.journeys, route], size: Self.big,
            events: Event.keys("g") + Event.typing("opened")
                + Event.keys("enter"))
        let counts = try #require(try Self.canvas(model).counts)
        #expect(counts.arrivals["opened-welcome"] == 22)
        #expect(counts.share(of: RunCounts.Edge(from: "opened-welcome", to: "sms-nudge")) == 6.0 / 22.0)
        assertSnapshot(screen.lastFrame, named: "canvas-overlay-120x40")
        let (small, _) = runStudio(workspace, start: [.journeys, route], events: [])
        assertSnapshot(small.lastFrame, named: "canvas-overlay-80x24")
        let (hidden, _) = runStudio(
            workspace, start: [.journeys, route], size: Self.big, events: Event.keys("v"))
        #expect(!hidden.lastFrame.plainText.contains("24 in"))
    }

    /// welcome-series over the 60-lead sample cohort, seed 7, simulated: 24 leads are created
    /// inside the replay and enter; 2 convert at the welcome email, 1 after the day-5 wait.
    @Test func runNodeCountsAreExactOnASmallReplay() throws {
        let workspace = try TestWorkspace()
        let run = try Self.replayWelcome(workspace)
        let counts = try RunNodeCounts.load(workspace.workspace, run: run)
        #expect(
            counts.arrivals == [
                "entry": 24, "welcome-email": 24, "wait-2d": 22, "opened-welcome": 22, "sms-nudge": 6,
                "wait-to-day-5": 22, "educational": 21, "wait-to-day-7": 21, "special-offer": 21, "done": 21,
            ])
        #expect(counts.conversions == ["entry": 3, "welcome-email": 2, "wait-to-day-5": 1])
        let edges = Dictionary(uniqueKeysWithValues: counts.edges.map { ("\($0.from)>\($0.to)", $0.leads) })
        #expect(
            edges == [
                "entry>welcome-email": 24, "welcome-email>wait-2d": 22, "wait-2d>opened-welcome": 22,
                "opened-welcome>wait-to-day-5": 16, "opened-welcome>sms-nudge": 6,
                "sms-nudge>wait-to-day-5": 6,
                "wait-to-day-5>educational": 21, "educational>wait-to-day-7": 21,
                "wait-to-day-7>special-offer": 21, "special-offer>done": 21,
            ])
        #expect(throws: RunReportBuilder.Failure.unknownRun(run + 1)) {
            try RunNodeCounts.load(workspace.workspace, run: run + 1)
        }
    }

    @Test func enterOpensTheNodeEditorWhichTakesEveryKeyUntilItCloses() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let (_, open) = runStudio(workspace, start: start, events: Event.keys("l", "enter", "q"))
        let canvas = try Self.canvas(open)
        guard case .editor(let editor) = canvas.mode else {
            Issue.record("the editor is not open")
            return
        }
        #expect(editor.target == .node("welcome-email"))
        #expect(canvas.statusMode == "EDIT")
        // Esc closes the editor, not the canvas.
        let (_, closed) = runStudio(workspace, start: start, events: Event.keys("l", "enter", "esc"))
        #expect(closed.stack.count == 2)
        guard case .browsing = try Self.canvas(closed).mode else {
            Issue.record("the editor is still open")
            return
        }
        let (_, goal) = runStudio(workspace, start: start, events: Event.keys("G"))
        guard case .editor(let goalEditor) = try Self.canvas(goal).mode else {
            Issue.record("the goal editor is not open")
            return
        }
        #expect(goalEditor.target == .goal)
    }

    /// The node editor on the canvas: from 100 columns beside the graph with all but 40 columns,
    /// so a condition row's field and value show whole and `within` and `since` are captioned.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func theEditorTakesTheRoomItNeeds(size: Size) throws {
        let workspace = try TestWorkspace()
        let chat = Route.canvas(journey: "chat-qualified-to-closer", version: nil, run: nil)
        let (screen, _) = runStudio(
            workspace, start: [.journeys, chat], size: size,
            events: Event.keys("g") + Event.typing("still-open")
                + Event.keys("enter", "enter", "down", "down", "down"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("owner_role") && text.contains("within any time since (none)"))
        assertSnapshot(
            screen.lastFrame, cursor: screen.cursor, named: "canvas-editor-\(size.width)x\(size.height)")
        if size.width >= CanvasScreenView.editorBesideWidth {
            #expect(CanvasScreenView.editorWidth(forCanvasWidth: size.width) == size.width - 40)
        }
    }

    @Test func onAWideTerminalTheEditedNodeStaysBesideTheEditor() throws {
        let workspace = try TestWorkspace()
        let (_, model) = runStudio(
            workspace, start: [.journeys, Self.welcome], size: Self.big,
            events: Event.keys("g") + Event.typing("opened") + Event.keys("enter", "enter"))
        let canvas = try Self.canvas(model)
        let box = try #require(canvas.layout(for: Self.big)?.box("opened-welcome"))
        #expect(box.rect.x >= canvas.viewport.offset.x)
        #expect(
            box.rect.maxX - canvas.viewport.offset.x <= Self.big.width
                - CanvasScreenView.editorWidth(forCanvasWidth: Self.big.width))
    }

    @Test func insertOnAnEdgeAndConnectPickFromPrompts() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        let insert =
            Event.keys("i") + Event.typing("nudge") + Event.keys("enter") + Event.typing("goal")
            + Event.keys("enter")
        let (_, inserted) = runStudio(workspace, start: start, events: insert)
        let journey = try #require(try Self.canvas(inserted).currentJourney)
        #expect(journey.node("sms-nudge")?.edges.map(\.target) == ["goal-1"])
        #expect(try Self.canvas(inserted).selection == "goal-1")
        // Disconnect the nudge's way on, then connect it to done by name.
        let reconnect =
            Event.keys("g") + Event.typing("sms-nudge") + Event.keys("enter", "x", "enter", "c")
            + Event.typing("done") + Event.keys("enter")
        let (_, connected) = runStudio(workspace, start: start, events: reconnect)
        #expect(try Self.canvas(connected).currentJourney?.node("sms-nudge")?.edges.map(\.target) == ["done"])
    }

    @Test func runKeysOpenTheReplayDashboardAndLeadInspector() throws {
        let workspace = try TestWorkspace()
        let (_, replay) = runStudio(workspace, start: [.journeys, Self.welcome], events: Event.keys("r"))
        #expect(replay.stack.count == 3)
        let (noRun, _) = runStudio(workspace, start: [.journeys, Self.welcome], events: Event.keys("d", "f"))
        #expect(noRun.frames.contains { $0.plainText.contains("No run") })
        let run = try Self.replayWelcome(workspace)
        let route = Route.canvas(journey: "welcome-series", version: 1, run: run)
        let (_, dashboard) = runStudio(workspace, start: [.journeys, route], events: Event.keys("d"))
        #expect(dashboard.current is DashboardScreen)
        let (_, lead) = runStudio(
            workspace, start: [.journeys, route],
            events: Event.keys("f") + Event.typing("lead-7") + Event.keys("enter"))
        let inspector = try #require(lead.current as? LeadInspectorScreen)
        #expect(inspector.lead == "lead-7" && inspector.run == run)
    }

    @Test func theRouteVersionIsTheOneDrawn() throws {
        let workspace = try TestWorkspace()
        let start: [Route] = [.journeys, Self.welcome]
        _ = runStudio(
            workspace, start: start,
            events: Event.keys("l", "a") + Event.typing("exit") + Event.keys("enter", "s", "enter") + [
                Self.settle
            ])
        let (_, first) = runStudio(
            workspace, start: [.journeys, .canvas(journey: "welcome-series", version: 1, run: nil)],
            events: [])
        #expect(try Self.canvas(first).document?.version == 1)
        #expect(try Self.canvas(first).currentJourney?.node("exit-2") == nil)
        let (_, second) = runStudio(
            workspace, start: [.journeys, .canvas(journey: "welcome-series", version: 2, run: nil)],
            events: [])
        #expect(try Self.canvas(second).currentJourney?.node("exit-2") != nil)
    }
}
