import Foundation
import GRDB
import Testing

@testable import Workspace

@Suite struct JourneyVersionTests {
    static let welcomePath = "sample-journeys/welcome-series.journey.yaml"

    func welcome() throws -> String { try Repository.text(Self.welcomePath) }

    /// The welcome series with one template changed: different content.
    func editedWelcome() throws -> String {
        try welcome().replacingOccurrences(
            of: "template: special-offer-20", with: "template: special-offer-30")
    }

    @Test func importingCreatesVersionOneWithAuthorHashAndMessage() throws {
        let test = try TestWorkspace()
        let outcome = try test.workspace.saveJourney(
            yaml: try welcome(), file: "welcome.yaml", message: "first cut", origin: .import, author: "ana")
        #expect(outcome == JourneySaveOutcome(journey: "welcome-series", version: 1, created: true))
        let version = try test.workspace.journeyVersion("welcome-series")
        #expect(version.version == 1)
        #expect(version.author == "ana")
        #expect(version.message == "first cut")
        #expect(version.origin == .import)
        #expect(version.yaml == (try welcome()))
        #expect(version.contentHash.count == 64)
        #expect(version.isActive == false)
    }

    @Test func savingIdenticalContentMakesNoNewVersion() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        let again = try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        #expect(again == JourneySaveOutcome(journey: "welcome-series", version: 1, created: false))
        // Comments and formatting alone are not new content either.
        let reformatted = "# a new comment\n" + (try welcome())
        #expect(try test.workspace.saveJourney(yaml: reformatted, file: "w.yaml").created == false)
        #expect(try test.count("journey_versions") == 1)
        let changed = try test.workspace.saveJourney(yaml: try editedWelcome(), file: "w.yaml")
        #expect(changed == JourneySaveOutcome(journey: "welcome-series", version: 2, created: true))
    }

    @Test func anInvalidJourneyIsRefusedWithLocatedErrors() throws {
        let test = try TestWorkspace()
        let broken = try welcome().replacingOccurrences(of: "next: wait-2d", with: "next: wait-2days")
        do {
            try test.workspace.saveJourney(yaml: broken, file: "broken.yaml")
            Issue.record("expected an error")
        } catch {
            guard case .invalidJourney(let diagnostics) = error else { throw error }
            #expect(diagnostics.errors.first?.location?.file == "broken.yaml")
            #expect(error.description.hasPrefix("broken.yaml:"))
        }
        #expect(try test.count("workflows") == 0)
    }

    @Test func activateMakesOneVersionActive() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        try test.workspace.saveJourney(yaml: try editedWelcome(), file: "w.yaml")
        #expect(try test.workspace.activate("welcome-series", version: 1) == 1)
        #expect(try test.workspace.activeJourneyVersion("welcome-series")?.version == 1)
        #expect(try test.workspace.activate("welcome-series") == 2)
        let history = try test.workspace.history(of: "welcome-series")
        #expect(history.map(\.isActive) == [false, true])
        let active = try test.workspace.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT active, active_version FROM workflows")
        }
        #expect(active?["active"] == 1)
        #expect(active?["active_version"] == 2)
        #expect(throws: WorkspaceError.versionNotFound(journey: "welcome-series", version: 7, latest: 2)) {
            try test.workspace.activate("welcome-series", version: 7)
        }
    }

    @Test func rollbackRecordsANewVersionWithTheOldContent() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        try test.workspace.saveJourney(yaml: try editedWelcome(), file: "w.yaml")
        try test.workspace.activate("welcome-series")
        let restored = try test.workspace.rollback("welcome-series", to: 1, author: "ben")
        #expect(restored == 3)
        let history = try test.workspace.history(of: "welcome-series")
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history[2].yaml == history[0].yaml)
        #expect(history[2].contentHash == history[0].contentHash)
        #expect(history[2].origin == .rollback)
        #expect(history[2].restoredFrom == 1)
        #expect(history[2].message == "rollback to version 1")
        #expect(history[2].author == "ben")
        #expect(history[2].isActive)
        // The plan's columns follow the active version.
        let actions = try test.workspace.pool.read { db in
            try String.fetchOne(db, sql: "SELECT actions FROM workflows")
        }
        #expect(actions?.contains("special-offer-20") == true)
    }

    @Test func versionsCannotBeRewrittenOrDeleted() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        #expect(throws: DatabaseError.self) {
            try test.workspace.pool.write { db in
                try db.execute(sql: "UPDATE journey_versions SET yaml = 'x'")
            }
        }
        #expect(throws: DatabaseError.self) {
            try test.workspace.pool.write { db in try db.execute(sql: "DELETE FROM journey_versions") }
        }
    }

    @Test func archivingHidesTheJourneyButKeepsItsHistory() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        try test.workspace.activate("welcome-series")
        try test.workspace.archive("welcome-series")
        #expect(try test.workspace.journeys().isEmpty)
        #expect(try test.workspace.journeys(includeArchived: true).map(\.archived) == [true])
        #expect(try test.workspace.history(of: "welcome-series").count == 1)
        #expect(throws: WorkspaceError.journeyArchived("welcome-series")) {
            try test.workspace.activate("welcome-series")
        }
        // Importing it again brings it back, with history intact.
        let again = try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        #expect(again.created == false)
        #expect(try test.workspace.journeys().map(\.journey) == ["welcome-series"])
    }

    @Test func unknownJourneySuggestsTheClosestName() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        #expect(throws: WorkspaceError.journeyNotFound("welcome-serie", suggestion: "welcome-series")) {
            try test.workspace.history(of: "welcome-serie")
        }
        #expect(
            WorkspaceError.journeyNotFound("welcome-serie", suggestion: "welcome-series").description
                == "no journey 'welcome-serie' in this workspace (did you mean 'welcome-series'?)")
    }

    @Test func planColumnsHoldTheTriggerConditionsAndActionsAsJSON() throws {
        let test = try TestWorkspace()
        try test.workspace.saveJourney(yaml: try welcome(), file: "w.yaml")
        let row = try test.workspace.pool.read { db in
            try Row.fetchOne(db, sql: "SELECT id, trigger_config, conditions, actions, active FROM workflows")
        }
        let id: String = row?["id"] ?? ""
        #expect(UUID(uuidString: id) != nil)
        let trigger: String = row?["trigger_config"] ?? ""
        #expect(trigger.contains(#""event":"lead.created""#))
        let actions: String = row?["actions"] ?? ""
        #expect(actions.contains(#""template":"welcome""#))
        let conditions: String = row?["conditions"] ?? ""
        #expect(conditions.contains(#""id":"opened-welcome""#))
        #expect(row?["active"] == 0)
    }
}
