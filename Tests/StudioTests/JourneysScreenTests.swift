import Foundation
import JourneyModel
import TerminalUI
import Testing
import Workspace

@testable import Studio

/// Home: creating, duplicating, importing, exporting, activating and archiving journeys, and
/// the history screen, driven by keys on a real seeded workspace.
@Suite struct JourneysScreenTests {
    @Test func theTemplatePickerListsBlankAndThePrebuiltJourneys() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, events: Event.keys("n", "j"))
        assertSnapshot(screen.lastFrame, named: "home-new-template-80x24")
        #expect(JourneyTemplate.all.first?.name == "Blank")
        #expect(JourneyTemplate.all.map(\.name).contains("Welcome Series"))
    }

    @Test func aNewJourneyFromATemplateIsSavedAsVersionOneAndOpened() throws {
        let workspace = try TestWorkspace()
        let welcome = try #require(JourneyTemplate.all.firstIndex { $0.name == "Welcome Series" })
        let moves = Array(repeating: Event.key(.down), count: welcome)
        let (screen, model) = runStudio(
            workspace,
            events: Event.keys("n") + moves + Event.keys("enter", "ctrl+u") + Event.typing("Spring Promo")
                + Event.keys("enter"))
        let version = try workspace.workspace.journeyVersion("spring-promo")
        #expect(version.version == 1)
        #expect(version.message == "Created from Welcome Series")
        let journey = try #require(JourneyReader.read(bytes: Array(version.yaml.utf8), file: "x").journey)
        #expect(journey.name == "Spring Promo")
        #expect(journey.nodes.count == JourneyTemplate.all[welcome].journey?.nodes.count)
        #expect(model.current.title == "spring-promo")
        #expect(screen.frames.contains { $0.plainText.contains("Created spring-promo v1") })
    }

    @Test func aBlankJourneyIsValidAndATakenNameIsRefusedAsYouType() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace, events: Event.keys("n", "enter") + Event.typing("Welcome Series") + Event.keys("enter")
        )
        #expect(screen.lastFrame.plainText.contains("welcome-series is taken: pick another name"))
        assertSnapshot(screen.lastFrame, named: "home-name-taken-80x24")
        runStudio(workspace, events: Event.keys("n", "enter") + Event.typing("Scratch") + Event.keys("enter"))
        let blank = try workspace.workspace.journeyVersion("scratch")
        let read = JourneyReader.readAndValidate(bytes: Array(blank.yaml.utf8), file: "scratch")
        #expect(read.diagnostics.errors.isEmpty)
        #expect(read.journey?.entry.trigger == .event("lead.created"))
    }

    @Test func duplicateCopiesTheLatestVersionUnderTheNewName() throws {
        let workspace = try TestWorkspace()
        runStudio(
            workspace, events: Event.keys("c", "ctrl+u") + Event.typing("Cali Two") + Event.keys("enter"))
        let copy = try workspace.workspace.journeyVersion("cali-two")
        #expect(copy.message == "Copied from california-messaging v1")
        let original = try workspace.workspace.journeyVersion("california-messaging")
        let a = try #require(JourneyReader.read(bytes: Array(original.yaml.utf8), file: "a").journey)
        let b = try #require(JourneyReader.read(bytes: Array(copy.yaml.utf8), file: "b").journey)
        #expect(a.nodes == b.nodes)
        #expect(b.name == "Cali Two")
    }

    @Test func exportWritesTheLatestVersionAndImportReadsItBack() throws {
        let workspace = try TestWorkspace()
        let file = workspace.folder.appendingPathComponent("out.journey.yaml").path
        runStudio(workspace, events: Event.keys("x", "ctrl+u") + Event.typing(file) + Event.keys("enter"))
        let stored = try workspace.workspace.journeyVersion("california-messaging")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == stored.yaml)

        // The same content imports as nothing new; a changed name makes version 2.
        let (same, _) = runStudio(
            workspace, events: Event.keys("i") + Event.typing(file) + Event.keys("enter"))
        #expect(same.frames.contains { $0.plainText.contains("already has this content") })
        try stored.yaml.replacingOccurrences(of: "name: California Messaging", with: "name: California 2")
            .write(toFile: file, atomically: true, encoding: .utf8)
        runStudio(workspace, events: Event.keys("i") + Event.typing(file) + Event.keys("enter"))
        #expect(try workspace.workspace.journeyVersion("california-messaging").version == 2)
    }

    @Test func aBrokenFileIsRefusedWithItsLocatedError() throws {
        let workspace = try TestWorkspace()
        let file = workspace.folder.appendingPathComponent("broken.journey.yaml").path
        try "id: broken\nname: Broken\nentry:\n  trigger: {event: lead.created}\n  next: nowhere\nnodes: []\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let (screen, _) = runStudio(
            workspace, events: Event.keys("i") + Event.typing(file) + Event.keys("enter"))
        #expect(screen.frames.contains { $0.plainText.contains("broken.journey.yaml:") })
        #expect(try workspace.workspace.journeys().contains { $0.journey == "broken" } == false)
    }

    @Test func archiveAsksFirstAndNoIsTheDefault() throws {
        let workspace = try TestWorkspace()
        let (asked, _) = runStudio(workspace, events: Event.keys("D"))
        assertSnapshot(asked.lastFrame, named: "home-archive-confirm-80x24")
        runStudio(workspace, events: Event.keys("D", "enter"))
        #expect(try workspace.workspace.journeys().contains { $0.journey == "california-messaging" })
        runStudio(workspace, events: Event.keys("D", "left", "enter"))
        #expect(try workspace.workspace.journeys().contains { $0.journey == "california-messaging" } == false)
    }

    @Test func historyShowsVersionsAndTheDiffAndRollsBack() throws {
        let workspace = try TestWorkspace()
        let stored = try workspace.workspace.journeyVersion("california-messaging")
        try workspace.workspace.saveJourney(
            yaml: stored.yaml.replacingOccurrences(
                of: "name: California Messaging", with: "name: California 2"),
            file: "v2", message: "rename")
        let (screen, _) = runStudio(workspace, events: Event.keys("h"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("History of california-messaging"))
        #expect(text.contains("rename"))
        #expect(text.contains("-name: California Messaging"))
        #expect(text.contains("+name: California 2"))
        runStudio(workspace, events: Event.keys("h", "j", "b", "left", "enter"))
        let latest = try workspace.workspace.journeyVersion("california-messaging")
        #expect(latest.version == 3)
        #expect(latest.restoredFrom == 1)
        runStudio(workspace, events: Event.keys("h", "j", "a"))
        #expect(try workspace.workspace.activeJourneyVersion("california-messaging")?.version == 2)
    }

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func historyGolden(size: Size) throws {
        let workspace = try TestWorkspace()
        let stored = try workspace.workspace.journeyVersion("california-messaging")
        try workspace.workspace.saveJourney(
            yaml: stored.yaml.replacingOccurrences(
                of: "name: California Messaging", with: "name: California 2"),
            file: "v2", message: "rename", author: "ana")
        let (screen, _) = runStudio(workspace, size: size, events: Event.keys("h"))
        assertSnapshot(maskingTimes(screen.lastFrame), named: "history-\(size.width)x\(size.height)")
    }

    @Test func readOnlyRefusesChanges() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(workspace, mode: .readOnly, events: Event.keys("n", "D", "a"))
        #expect(screen.frames.contains { $0.plainText.contains("Read-only") })
        #expect(try workspace.workspace.journeys().count == 10)
    }

    @Test func aClickSelectsARowAndASecondClickOpensIt() throws {
        let workspace = try TestWorkspace()
        let click = Event.mouse(MouseEvent(kind: .press(button: 1), position: Point(x: 10, y: 6)))
        let (_, once) = runStudio(workspace, events: [click])
        #expect((once.current as? JourneysScreen)?.list.selected == 2)
        let (_, twice) = runStudio(workspace, events: [click, click])
        #expect(twice.current.title == "email-silence-to-sms")
    }
}

extension JourneysScreenTests {
    @Test func homeShowsWhatTheCanvasSavedWhenYouComeBack() throws {
        let workspace = try TestWorkspace()
        let (screen, _) = runStudio(
            workspace,
            events: Event.keys("enter", "a") + Event.typing("exit") + Event.keys("enter", "s")
                + Event.typing("more")
                + Event.keys("enter", "esc"))
        #expect(try workspace.workspace.journeyVersion("california-messaging").version == 2)
        let row = screen.lastFrame.plainText.split(separator: "\n").first {
            $0.contains("california-messaging")
        }
        #expect(row?.contains(#/California Messaging +v1 +v2\b/#) == true)
    }

    /// The name prompt shows the id it will create as you type; after the journey is created and
    /// the canvas left, home has it selected and says it is not active, and how to activate it.
    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func aNewJourneyIsSelectedOnHomeAndSaysItIsNotActive(size: Size) throws {
        let workspace = try TestWorkspace()
        let (typing, _) = runStudio(
            workspace, size: size, events: Event.keys("n", "enter") + Event.typing("Spring Promo"))
        #expect(typing.lastFrame.plainText.contains("creates the journey id spring-promo"))
        assertSnapshot(typing.lastFrame, named: "home-new-name-\(size.width)x\(size.height)")
        let (screen, model) = runStudio(
            workspace, size: size,
            events: Event.keys("n", "enter") + Event.typing("Autumn Promo") + Event.keys("enter", "esc"))
        let home = try #require(model.current as? JourneysScreen)
        #expect(home.selected?.summary.journey == "autumn-promo")
        #expect(screen.lastFrame.plainText.contains("autumn-promo is not active: press a to activate v1"))
        assertSnapshot(screen.lastFrame, named: "home-after-new-\(size.width)x\(size.height)")
    }
}
