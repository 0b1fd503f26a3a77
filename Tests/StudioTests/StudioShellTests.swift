import TerminalUI
import Testing

@testable import Studio

@Suite struct StudioShellTests {
    @Test func homeListsTheSeededJourneysAndCohorts() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, events: [])
        assertSnapshot(screen.lastFrame, named: "home-80x24")
    }

    @Test func homeAt120x40() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, size: Size(width: 120, height: 40), events: [])
        assertSnapshot(screen.lastFrame, named: "home-120x40")
    }

    @Test func belowTheMinimumSizeTheStudioSaysSo() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, size: Size(width: 60, height: 20), events: [])
        #expect(screen.lastFrame.plainText.contains("80×24"))
    }

    @Test func escapeWalksBackAndHelpListsTheScreensKeys() throws {
        let workspace = try TestWorkspace()
        let (screen, model) = runStudio(workspace, events: Event.keys("j", "enter", "?"))
        #expect(model.stack.count == 2)
        // The canvas lists its own keys first (the shared ones follow, further down).
        #expect(screen.lastFrame.plainText.contains("Select the nearest node to the left"))
        let (_, back) = runStudio(workspace, events: Event.keys("enter", "esc"))
        #expect(back.stack.count == 1)
    }

    @Test func thePaletteRunsAScreenCommandByName() throws {
        let workspace = try TestWorkspace()
        let (_, model) = runStudio(
            workspace, events: Event.keys(":") + Event.typing("open") + Event.keys("enter"))
        #expect(model.stack.count == 2)
        #expect(model.current.title == "california-messaging")
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func helpAndPaletteGoldens(size: Size) throws {
        let workspace = try TestWorkspace()
        let (help, _) = runStudio(workspace, size: size, events: Event.keys("?"))
        assertSnapshot(help.lastFrame, named: "help-home-\(size.width)x\(size.height)")
        let (palette, _) = runStudio(workspace, size: size, events: Event.keys(":") + Event.typing("rep"))
        assertSnapshot(palette.lastFrame, named: "palette-home-\(size.width)x\(size.height)")
    }

    @Test func theTrailGoesBackWhenClicked() throws {
        let workspace = try TestWorkspace()
        let click = Event.mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 3, y: 0)))
        let (_, model) = runStudio(workspace, events: Event.keys("enter", "h") + [click])
        #expect(model.stack.count == 1)
    }

    @Test func resizingRedrawsAtTheNewSizeAndBelowTheMinimumSaysSo() throws {
        let workspace = try TestWorkspace()
        let wide = Size(width: 120, height: 40)
        let tiny = Size(width: 50, height: 10)
        let (screen, model) = runStudio(
            workspace,
            events: Event.keys("enter") + [
                .resize(wide), .resize(tiny), .resize(Size(width: 80, height: 24)),
            ])
        let sizes = screen.frames.map(\.size)
        #expect(sizes.contains(wide) && sizes.contains(tiny))
        #expect(screen.frames.first { $0.size == tiny }?.plainText.contains("80×24") == true)
        #expect(screen.lastFrame.size == Size(width: 80, height: 24))
        #expect(screen.lastFrame.plainText.contains("Journeys › california-messaging"))
        #expect(model.environment.screenSize == Size(width: 80, height: 24))
    }

    /// NO_COLOR (monochrome: attributes only) and an ASCII locale together still give a usable home.
    @Test func homeInMonochromeAndASCII() throws {
        let workspace = try TestWorkspace()
        var program = Studio.program(environment: workspace.environment())
        let screen = TestScreen(
            size: Size(width: 80, height: 24), events: Event.keys("j"), colorDepth: .monochrome,
            glyphs: .ascii)
        _ = program.run(on: screen)
        assertSnapshot(screen.lastFrame, named: "home-mono-ascii-80x24")
    }

    /// How a run on `events` ends: quit, or still open when the events ran out.
    private func ending(
        _ workspace: TestWorkspace, size: Size = Size(width: 80, height: 24), _ events: [Event]
    )
        -> (Program<StudioModel, StudioMessage>.Ending, StudioModel, TestScreen)
    {
        var program = Studio.program(environment: workspace.environment(size: size))
        let screen = TestScreen(size: size, events: events)
        let result = program.run(on: screen)
        return (result.ending, result.model, screen)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func escOnHomeAsksBeforeQuittingAndQQuitsAtOnce(size: Size) throws {
        let workspace = try TestWorkspace()
        let (asked, model, screen) = ending(workspace, size: size, Event.keys("esc"))
        #expect(asked == .inputClosed)
        guard case .confirmLeave(_, quit: true) = model.overlay else {
            Issue.record("esc on home did not ask")
            return
        }
        assertSnapshot(screen.lastFrame, named: "home-quit-question-\(size.width)x\(size.height)")
        // A second Esc (or n) keeps the studio open; y quits; q quits without asking.
        let (stayed, kept, _) = ending(workspace, Event.keys("esc", "esc"))
        #expect(stayed == .inputClosed && kept.overlay == nil)
        #expect(ending(workspace, Event.keys("esc", "y")).0 == .quit)
        #expect(ending(workspace, Event.keys("q")).0 == .quit)
    }

    /// Below the minimum size the screens are hidden: keys must not act on them unseen.
    @Test func belowTheMinimumSizeOnlyQuitAndHelpAct() throws {
        let workspace = try TestWorkspace()
        let small = Size(width: 20, height: 6)
        let normal = Size(width: 80, height: 24)
        let (open, model, screen) = ending(
            workspace, [.resize(small)] + Event.keys("D", "j", "n") + [.resize(normal)])
        #expect(open == .inputClosed)
        let home = try #require(model.current as? JourneysScreen)
        #expect(home.mode == .browsing && home.list.selected == 0 && model.overlay == nil)
        #expect(!screen.lastFrame.plainText.contains("Archive"))
        let (_, helped, _) = ending(workspace, [.resize(small)] + Event.keys("?") + [.resize(normal)])
        guard case .help = helped.overlay else {
            Issue.record("? did not open help below the minimum size")
            return
        }
        #expect(ending(workspace, [.resize(small)] + Event.keys("q")).0 == .quit)
    }
}
