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
}
