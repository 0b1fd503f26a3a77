import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

/// Webhook configurations and deliveries: saved, listed without secrets, recorded as lead
/// events in one transaction, replays refused, the delivery log pruned by the window.
@Suite struct WebhookStoreTests {
    static func configured() throws -> TestWorkspace {
        let test = try TestWorkspace()
        try test.workspace.saveWebhook(
            WebhookDefinition(
                name: "form", secret: "s", cohort: "inbound", leadIDField: "contact.id", timeField: "at",
                propertyMap: ["contact.state": "state"]))
        return test
    }

    static func delivery(_ payload: String, signature: String = "sha256=aa", signedAt: Int64? = nil) throws
        -> WebhookDelivery
    {
        WebhookDelivery(
            webhook: "form", signature: signature, signedAt: signedAt ?? EpochSeconds.now(),
            payload: try JSON.parse(payload))
    }

    @Test func savesListsAndRemovesWebhooks() throws {
        let test = try Self.configured()
        let listed = try test.workspace.webhooks()
        #expect(listed.map(\.name) == ["form"])
        #expect(listed.first?.cohort == "inbound")
        #expect(listed.first?.propertyMap == ["contact.state": "state"])
        #expect(try test.workspace.webhook(named: "form").secret == "s")
        #expect(try test.workspace.cohort(named: "inbound").leads == 0)
        #expect(throws: WorkspaceError.webhookNotFound("frm", suggestion: "form")) {
            try test.workspace.webhook(named: "frm")
        }
        #expect(throws: WorkspaceError.self) {
            try test.workspace.saveWebhook(
                WebhookDefinition(name: "bad name", secret: "s", leadIDField: "id"))
        }
        #expect(throws: WorkspaceError.self) {
            try test.workspace.saveWebhook(WebhookDefinition(name: "x", secret: "s", leadIDField: "a..b"))
        }
        try test.workspace.removeWebhook(named: "form")
        #expect(try test.workspace.webhooks().isEmpty)
    }

    @Test func recordsDeliveriesAsLeadEvents() throws {
        let test = try Self.configured()
        let first = try test.workspace.recordWebhookDelivery(
            try Self.delivery(#"{"contact": {"id": "A", "state": "CA"}, "at": "2026-11-02T09:30:00Z"}"#))
        #expect(first.leadCreated)
        #expect(first.occurredAt == EpochSeconds.parse("2026-11-02T09:30:00Z"))
        let second = try test.workspace.recordWebhookDelivery(
            try Self.delivery(#"{"contact": {"id": "A", "state": "NY"}}"#, signature: "sha256=bb"))
        #expect(!second.leadCreated)
        let summary = try test.workspace.cohort(named: "inbound")
        #expect(summary.leads == 1)
        #expect(summary.events == 2)
        var leads: [CohortLead] = []
        try test.workspace.forEachLead(inCohort: "inbound") { leads.append($0) }
        #expect(leads.first?.lead.properties["state"] == .string("NY"))
        #expect(
            leads.first?.events.allSatisfy { $0.type == "webhook" && $0.data["name"] == .string("form") }
                == true)
        #expect(try test.workspace.webhooks().first?.deliveries == 2)
    }

    @Test func refusesReplaysAndBadPayloadsWithoutWriting() throws {
        let test = try Self.configured()
        let payload = #"{"contact": {"id": "A"}}"#
        try test.workspace.recordWebhookDelivery(try Self.delivery(payload))
        #expect(throws: WorkspaceError.webhookReplayed("form")) {
            try test.workspace.recordWebhookDelivery(try Self.delivery(payload))
        }
        #expect(throws: WorkspaceError.self) {
            try test.workspace.recordWebhookDelivery(
                try Self.delivery(#"{"contact": {}}"#, signature: "sha256=cc"))
        }
        #expect(throws: WorkspaceError.self) {
            try test.workspace.recordWebhookDelivery(
                try Self.delivery(#"{"contact": {"id": "B"}, "at": "soon"}"#, signature: "sha256=dd"))
        }
        #expect(try test.count("lead_events") == 2, "one in the webhook's cohort, one in live")
        #expect(try test.count("webhook_deliveries") == 1)
    }

    @Test func prunesDeliveriesOlderThanTheWindow() throws {
        let test = try Self.configured()
        let old = EpochSeconds.now() - 1000
        try test.workspace.recordWebhookDelivery(
            try Self.delivery(#"{"contact": {"id": "A"}}"#, signature: "sha256=01", signedAt: old),
            window: 300)
        try test.workspace.recordWebhookDelivery(
            try Self.delivery(#"{"contact": {"id": "B"}}"#, signature: "sha256=02"), window: 300)
        #expect(try test.count("webhook_deliveries") == 1)
        #expect(try test.workspace.cohort(named: "inbound").events == 2)
    }

    @Test func trialReplaysReadSampleLeadsAndLeaveNothing() throws {
        let test = try TestWorkspace(seed: .bundled)
        let runs = try test.count("runs")
        let cohorts = try test.count("cohorts")
        let lines = """
            {"type": "lead", "id": "T1", "created_at": "2026-10-01T09:00:00Z", "consents": ["email"]}
            {"type": "event", "lead_id": "T1", "event": "opened", "channel": "email", "time": "2026-10-01T10:00:00Z"}
            """
        let outcome = try test.workspace.trialReplay(
            TrialReplayOrder(journey: "welcome-series", leads: .records(jsonLines: lines, source: "body")))
        #expect(outcome.leads == ["T1"])
        #expect(!outcome.records.isEmpty)
        #expect(try test.count("runs") == runs)
        #expect(try test.count("cohorts") == cohorts)
        #expect(try test.count("leads") > 0)
        #expect(throws: WorkspaceError.self) {
            try test.workspace.trialReplay(
                TrialReplayOrder(
                    journey: "welcome-series",
                    leads: .records(jsonLines: #"{"type": "lead", "id": ""}"#, source: "body")))
        }
        let fromCohort = try test.workspace.trialReplay(
            TrialReplayOrder(journey: "welcome-series", leads: .cohort("sample", limit: 2)))
        #expect(fromCohort.leads.count == 2)
    }
}
