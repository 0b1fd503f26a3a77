import Foundation
import GRDB
import JourneyModel
import Testing

@testable import Workspace

/// `live_arrivals`: one row per change a push or a webhook made, and one per outbox row marked
/// dead, each in the transaction that made it; read back in order by cursor.
@Suite struct LiveArrivalTests {
    @Test func aPushWritesItsArrivalsInOrder() throws {
        let test = try TestWorkspace()
        #expect(try test.workspace.lastLiveArrivalID() == 0)
        _ = try LiveRecordsTests.push(test, "a.jsonl", [LiveRecordsTests.ava, LiveRecordsTests.opened])
        let changed =
            #"{"type": "lead", "id": "A", "created_at": "2026-11-02", "consents": ["email"], "properties": {"score": 60}}"#
        let intake = try LiveRecordsTests.push(test, "b.jsonl", [changed])
        let rows = try test.workspace.liveArrivals(after: 0, limit: 10)
        #expect(rows.map(\.kind) == [.leadCreated, .event, .leadChanged])
        #expect(rows.map(\.id) == rows.map(\.id).sorted())
        #expect(rows[1].eventID != nil && rows[1].detail == .object(["type": .string("opened")]))
        #expect(rows[2].arrival == intake.arrivals.first)
        #expect(
            rows[2].detail
                == .object([
                    "properties": .array([.string("score")]), "consents": .bool(true),
                    "time_zone": .bool(false),
                ]))
        #expect(try test.workspace.liveArrivals(after: rows[0].id, limit: 1).map(\.kind) == [.event])
        #expect(try test.workspace.lastLiveArrivalID() == rows[2].id)
        let bad = #"{"type": "event", "lead_id": "nobody", "event": "opened", "time": "2026-11-02"}"#
        #expect(throws: WorkspaceError.self) { try LiveRecordsTests.push(test, "c.jsonl", [bad]) }
        #expect(try test.workspace.lastLiveArrivalID() == rows[2].id, "a refused push writes no arrival")
    }

    @Test func aWebhookDeliveryWritesTheLiveCohortsArrivalsOnce() throws {
        let test = try WebhookStoreTests.configured()
        let payload = #"{"contact": {"id": "L9", "state": "CA"}, "at": "2026-11-02T10:00:00Z"}"#
        let receipt = try test.workspace.recordWebhookDelivery(try WebhookStoreTests.delivery(payload))
        let rows = try test.workspace.liveArrivals(after: 0, limit: 10)
        #expect(rows.map(\.kind) == [.leadCreated, .event])
        #expect(rows.compactMap(\.arrival) == receipt.arrivals)
        let liveEvent = try test.workspace.pool.read { db in
            try Int64.fetchOne(
                db,
                sql:
                    "SELECT e.id FROM lead_events e JOIN cohorts c ON c.id = e.cohort_id WHERE c.name = 'live'"
            )
        }
        #expect(rows[1].eventID == liveEvent && rows[1].leadID == "L9")
    }

    @Test func aRowMarkedDeadWritesADeliveryDeadArrival() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([OutboxTests.request("E1:email:1"), OutboxTests.request("E2:email:1")])
        let entries = try test.workspace.dueOutbox(at: 1000, channels: ["email"], limit: 10)
        try test.workspace.recordOutboxOutcomes(
            [
                (entries[0].id, .dead(reason: "HTTP 400: no")),
                (entries[1].id, .retry(at: 2000, reason: "HTTP 503")),
            ],
            at: 500.5)
        try test.workspace.markOutboxDead(entries[0].id, reason: "again", at: 501)
        let rows = try test.workspace.liveArrivals(after: 0, limit: 10)
        #expect(rows.count == 1, "one arrival per row marked dead, none for a retry or a row already dead")
        #expect(
            rows.first?.kind == .deliveryDead && rows.first?.leadID == "L1" && rows.first?.receivedAt == 500.5
        )
        #expect(
            rows.first?.detail
                == .object([
                    "idempotency_key": .string("E1:email:1"), "journey": .string("welcome-series"),
                    "node": .string("welcome-email"), "reason": .string("HTTP 400: no"),
                    "version": .number(2),
                ]))
        let text = try test.workspace.pool.read { db in
            try String.fetchOne(db, sql: "SELECT detail FROM live_arrivals")
        }
        #expect(
            text
                == #"{"idempotency_key":"E1:email:1","journey":"welcome-series","node":"welcome-email","reason":"HTTP 400: no","version":2}"#
        )
    }
}
