import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

/// Leads and events coming in live: stored in the `live` cohort exactly as given, leads
/// updated when sent again, events appended, every bad record located and nothing stored then.
@Suite struct LiveRecordsTests {
    static func push(_ test: TestWorkspace, _ name: String, _ lines: [String]) throws -> LiveIntake {
        let path = try test.file(name, lines.joined(separator: "\n") + "\n")
        return try test.workspace.pushLiveRecords(
            CohortImportInput(name: name, format: .jsonLines, path: path) { InputStream(fileAtPath: path) })
    }

    static func leads(_ test: TestWorkspace) throws -> [String: CohortLead] {
        var leads: [String: CohortLead] = [:]
        try test.workspace.forEachLead(inCohort: "live") { leads[$0.lead.id] = $0 }
        return leads
    }

    static let ava =
        #"{"type": "lead", "id": "A", "created_at": "2026-11-02T09:30:00Z", "time_zone": "Europe/Paris", "consents": ["email", "sms"], "properties": {"plan": "trial", "score": 52, "tags": ["x", "y"]}}"#
    static let opened =
        #"{"type": "event", "lead_id": "A", "event": "opened", "channel": "email", "time": "2026-11-02T10:00:00Z", "data": {"link": "pricing"}}"#

    @Test func storesLeadsAndEventsExactly() throws {
        let test = try TestWorkspace()
        let early = #"{"type": "event", "lead_id": "B", "event": "visited", "time": "2026-11-03T08:00:00Z"}"#
        let ben = #"{"type": "lead", "id": "B", "created_at": "2026-11-03"}"#
        let intake = try Self.push(test, "in.jsonl", [Self.ava, Self.opened, "", early, ben])
        #expect(intake.leadsCreated == 2)
        #expect(intake.events == 2)
        #expect(intake.leadsUpdated == 0 && intake.leadsUnchanged == 0)
        let order = intake.arrivals.map { arrival -> String in
            switch arrival {
            case .leadCreated(let lead): return "created \(lead)"
            case .leadChanged(let lead, _, _, _): return "changed \(lead)"
            case .event(_, let lead, let type): return "\(type) \(lead)"
            }
        }
        #expect(order == ["created A", "opened A", "created B", "visited B"], "B's event waits for B")
        let cohort = try test.workspace.cohort(named: "live")
        #expect(cohort.leads == 2 && cohort.events == 2 && cohort.origin == "jsonl")
        let leads = try Self.leads(test)
        let a = try #require(leads["A"])
        #expect(a.lead.timeZone.identifier == "Europe/Paris")
        #expect(a.lead.consents == [.email, .sms])
        #expect(a.lead.createdAt == EpochSeconds.date(EpochSeconds.parse("2026-11-02T09:30:00Z") ?? 0))
        #expect(
            a.lead.properties == [
                "plan": .string("trial"), "score": .number(52), "tags": .list([.string("x"), .string("y")]),
            ])
        #expect(a.events.map(\.type) == ["opened"])
        #expect(a.events.first?.channel == .email)
        #expect(a.events.first?.data == ["link": .string("pricing")])
        let b = try #require(leads["B"])
        #expect(b.lead.timeZone.secondsFromGMT() == 0 && b.lead.consents.isEmpty)
        #expect(b.events.map(\.type) == ["visited"])
        let stamped = try test.workspace.pool.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT (SELECT COUNT(*) FROM leads WHERE updated_at IS NOT NULL)
                        + (SELECT COUNT(*) FROM lead_events WHERE received_at IS NOT NULL)
                    """)
        }
        #expect(stamped == 4)
    }

    @Test func aLeadSentAgainIsUpdatedAndEventsAppend() throws {
        let test = try TestWorkspace()
        try Self.push(test, "one.jsonl", [Self.ava, Self.opened])
        let update =
            #"{"type": "lead", "id": "A", "created_at": "2026-12-01T00:00:00Z", "time_zone": "America/New_York", "properties": {"plan": "pro", "tags": null, "city": "Paris", "score": 52}}"#
        let same = #"{"type": "lead", "id": "A", "created_at": "2026-12-01", "properties": {"plan": "pro"}}"#
        let intake = try Self.push(test, "two.jsonl", [update, Self.opened, same])
        #expect(intake.leadsCreated == 0 && intake.leadsUpdated == 1 && intake.leadsUnchanged == 1)
        #expect(intake.events == 1)
        #expect(
            intake.arrivals.first
                == .leadChanged(
                    lead: "A", properties: ["city", "plan", "tags"], consents: false, timeZone: true))
        let a = try #require(try Self.leads(test)["A"])
        #expect(
            a.lead.properties == ["plan": .string("pro"), "score": .number(52), "city": .string("Paris")])
        #expect(a.lead.consents == [.email, .sms], "consents not given: kept")
        #expect(a.lead.timeZone.identifier == "America/New_York")
        #expect(a.lead.createdAt == EpochSeconds.date(EpochSeconds.parse("2026-11-02T09:30:00Z") ?? 0))
        #expect(a.events.count == 2)
        let cohort = try test.workspace.cohort(named: "live")
        #expect(cohort.leads == 1 && cohort.events == 2)
        let unsubscribed = #"{"type": "lead", "id": "A", "created_at": "2026-12-01", "consents": []}"#
        let third = try Self.push(test, "three.jsonl", [unsubscribed])
        #expect(third.arrivals == [.leadChanged(lead: "A", properties: [], consents: true, timeZone: false)])
        #expect(try Self.leads(test)["A"]?.lead.consents == [])
    }

    @Test func aBadRecordInTheMiddleLeavesNothing() throws {
        let test = try TestWorkspace()
        let before = try test.count("cohorts")
        let bad = #"{"type": "lead", "id": "C", "created_at": "2026-02-30", "propertes": {}}"#
        #expect(
            throws: WorkspaceError.liveRecordsRefused(
                problems: [
                    ImportProblem(
                        file: "bad.jsonl", line: 3,
                        message: "unknown field \"propertes\" in a lead (did you mean 'properties'?) "
                            + "(fields: type, id, created_at, time_zone, consents, properties)"),
                    ImportProblem(
                        file: "bad.jsonl", line: 4, message: "not JSON: expected a quoted key (column 2)"),
                    ImportProblem(file: "bad.jsonl", line: 6, message: "event for unknown lead 'Z'"),
                ], count: 3)
        ) {
            try Self.push(
                test, "bad.jsonl",
                [
                    Self.ava, Self.opened, bad, "{",
                    #"{"type": "lead", "id": "D", "created_at": "2026-11-05"}"#,
                    #"{"type": "event", "lead_id": "Z", "event": "opened", "time": "2026-11-05"}"#,
                ])
        }
        #expect(try test.count("cohorts") == before, "the live cohort is not created either")
        #expect(try test.count("leads") == 0 && test.count("lead_events") == 0)
        try Self.push(test, "good.jsonl", [Self.ava])
        #expect(throws: WorkspaceError.self) {
            try Self.push(
                test, "more.jsonl", [#"{"type": "lead", "id": "E", "created_at": "2026-11-05"}"#, "[]"])
        }
        #expect(try test.count("leads") == 1 && test.workspace.cohort(named: "live").leads == 1)
    }

    @Test func eventsNameAStoredLeadOrOneInTheSameInput() throws {
        let test = try TestWorkspace()
        try Self.push(test, "leads.jsonl", [Self.ava])
        let later = try Self.push(test, "events.jsonl", [Self.opened])
        #expect(later.events == 1)
        #expect(
            throws: WorkspaceError.liveRecordsRefused(
                problems: [ImportProblem(file: "z.jsonl", line: 1, message: "event for unknown lead 'Z'")],
                count: 1)
        ) {
            try Self.push(
                test, "z.jsonl", [#"{"type": "event", "lead_id": "Z", "event": "x", "time": "2026-11-05"}"#])
        }
        #expect(throws: WorkspaceError.invalidArgument("nope.jsonl: no such file")) {
            try test.workspace.pushLiveRecords(.file("nope.jsonl"))
        }
    }

    @Test func importsAndSynthesisLeaveTheLiveNameAlone() throws {
        let test = try TestWorkspace()
        let path = try test.file("c.jsonl", Self.ava + "\n")
        #expect(throws: WorkspaceError.self) {
            try test.workspace.importCohort(name: "live", inputs: [.file(path)])
        }
        #expect(try test.workspace.cohorts().isEmpty)
    }

    @Test func webhookDeliveriesAlsoLandInTheLiveCohort() throws {
        let test = try WebhookStoreTests.configured()
        let receipt = try test.workspace.recordWebhookDelivery(
            try WebhookStoreTests.delivery(#"{"contact": {"id": "A", "state": "CA"}}"#))
        #expect(receipt.cohort == "inbound")
        #expect(receipt.arrivals.count == 2)
        #expect(receipt.arrivals.first == .leadCreated(lead: "A"))
        let live = try test.workspace.cohort(named: "live")
        let inbound = try test.workspace.cohort(named: "inbound")
        #expect(live.leads == 1 && live.events == 1 && inbound.leads == 1 && inbound.events == 1)
        let lead = try #require(try Self.leads(test)["A"])
        #expect(lead.lead.properties == ["state": .string("CA")])
        #expect(lead.events.first?.data == ["name": .string("form"), "state": .string("CA")])
        try test.workspace.saveWebhook(
            WebhookDefinition(name: "direct", secret: "s", cohort: "live", leadIDField: "id"))
        try test.workspace.recordWebhookDelivery(
            WebhookDelivery(
                webhook: "direct", signature: "sha256=cc", signedAt: EpochSeconds.now(),
                payload: try JSON.parse(#"{"id": "A"}"#)))
        #expect(try test.workspace.cohort(named: "live").events == 2, "a webhook into live writes once")
    }
}
