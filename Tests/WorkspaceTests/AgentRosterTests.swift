import Foundation
import GRDB
import JourneyModel
import Testing

@testable import Workspace

@Suite struct AgentRosterTests {
    @Test func theSampleRosterImports() throws {
        let test = try TestWorkspace()
        let agents = try test.workspace.importAgents(
            yaml: try Repository.text("sample-journeys/agents.yaml"), file: "agents.yaml")
        #expect(agents.count == 7)
        let stored = try test.workspace.agents()
        #expect(stored.map(\.id).sorted() == agents.map(\.id).sorted())
        let maria = stored.first { $0.id == "maria-lopez" }
        #expect(maria?.kind == .human)
        #expect(maria?.channels == [.chat, .email])
        #expect(maria?.timeZone.identifier == "America/New_York")
        #expect(maria?.workingHours?.from == TimeOfDay(hour: 9, minute: 0))
        #expect(maria?.workingHours?.days.count == 5)
        #expect(stored.first { $0.id == "sms-bot" }?.workingHours == nil)
    }

    @Test func everyExpertiseTheSampleJourneysAskForIsOnTheRoster() throws {
        let roster = try RosterReader.read(try Repository.text("sample-journeys/agents.yaml"), file: "a")
            .get()
        let tags = Set(roster.flatMap(\.expertise))
        for tag in ["closing", "enterprise", "demo", "enterprise-sales", "sales"] {
            #expect(tags.contains(tag), "no agent has expertise '\(tag)'")
        }
    }

    @Test func reimportingMarksMissingAgentsInactiveAndKeepsThem() throws {
        let test = try TestWorkspace()
        try test.workspace.importAgents(
            yaml: try Repository.text("sample-journeys/agents.yaml"), file: "a.yaml")
        try test.workspace.importAgents(
            yaml: "agents:\n  - { id: email-bot, kind: bot, channels: [email], capacity: 5 }\n",
            file: "b.yaml")
        #expect(try test.workspace.agents().map(\.id) == ["email-bot"])
        #expect(try test.workspace.agents().first?.capacity == 5)
        #expect(try test.workspace.storedAgents().count == 7)
    }

    @Test func rosterErrorsAreLocated() throws {
        let text = """
            agents:
              - id: bot-1
                kind: robot
                channels: [email, fax]
                capacity: 0
              - id: Ana
                kind: human
                channels: [chat]
                capacity: 3
                time_zone: Europe/Lisbn
                working_hours: { days: [mon, funday], from: "9:00", to: "25:00" }
              - id: bot-2
                kind: bot
                channels: [sms]
                capacity: 2
                colour: blue
            """
        guard case .failure(let error) = RosterReader.read(text, file: "agents.yaml") else {
            Issue.record("expected errors")
            return
        }
        #expect(
            error.description.split(separator: "\n").map(String.init) == [
                "agents.yaml:3:11: error: kind must be bot or human, not 'robot'",
                "agents.yaml:4:23: error: unknown channel 'fax' (channels: email, sms, chat)",
                "agents.yaml:5:15: error: 'capacity' in agent 'bot-1' must be between 1 and 1000000",
                "agents.yaml:6:9: error: agent id 'Ana' must be lowercase letters, digits and dashes",
                "agents.yaml:10:16: error: unknown time zone 'Europe/Lisbn' (did you mean 'Europe/Lisbon'?)",
                "agents.yaml:11:34: error: 'funday' is not a day (mon, tue, wed, thu, fri, sat, sun)",
                "agents.yaml:11:61: error: 'to' must be a time as HH:MM, not '25:00'",
                "agents.yaml:16:5: error: unknown key 'colour' in an agent (expected: id, "
                    + "name, kind, channels, expertise, capacity, time_zone, working_hours)",
            ])
    }

    @Test func aDuplicateAgentIdIsReported() throws {
        let text = """
            agents:
              - { id: a, kind: bot, channels: [email], capacity: 1 }
              - { id: a, kind: bot, channels: [sms], capacity: 1 }
            """
        guard case .failure(let error) = RosterReader.read(text, file: "r.yaml") else {
            Issue.record("expected errors")
            return
        }
        #expect(error.description == "r.yaml:3:5: error: agent id 'a' is used twice (first on line 2)")
    }
}
