import Foundation
import TerminalUI
import TestSupport
import Testing

@testable import Studio
@testable import Workspace

/// The replay screen states the span a run covered and, when it let nobody in, why: on the
/// hand-computed `WinBackFixture` whose audience ("nothing in 400 days") refuses everyone.
@Suite struct ReplayEntryDiagnosisTests {
    static let start: [Route] = [.journeys, .replay(journey: "win-back", version: nil)]

    static func workspace() throws -> TestWorkspace {
        let test = try TestWorkspace(seed: nil)
        try test.workspace.importCohort(
            name: "history", inputs: [.text(WinBackFixture.cohortJSONL, name: "history.jsonl")])
        try test.workspace.saveJourney(
            yaml: WinBackFixture.journeyYAML(within: "400d"), file: "win-back.journey.yaml")
        return test
    }

    @Test func aRunThatLetsNobodyInSaysWhyAt80x24() throws {
        let test = try Self.workspace()
        let (screen, _) = runStudio(test, start: Self.start, events: Event.keys("enter"))
        let text = screen.lastFrame.plainText
        #expect(text.contains("Run #1 finished — cohort history, seed 1, mixed"))
        #expect(text.contains("span 2025-01-01T00:00:00Z – 2025-07-17T12:00:00Z (recorded history"))
        #expect(text.contains("nobody entered: the audience refused 108 of 108 trigger fires;"))
        assertSnapshot(screen.lastFrame, named: "replay-nobody-entered-80x24")
    }

    @Test func aRunThatLetsNobodyInSaysWhyAt120x40() throws {
        let test = try Self.workspace()
        let (screen, _) = runStudio(
            test, start: Self.start, size: Size(width: 120, height: 40), events: Event.keys("enter"))
        assertSnapshot(screen.lastFrame, named: "replay-nobody-entered-120x40")
    }
}
