import Foundation
import GRDB
import Testing

@testable import Workspace

/// The outbox's state machine: pending → delivered, pending → pending later (a retry), pending
/// → dead; keys are unique; rows are written inside another transaction.
@Suite struct OutboxTests {
    static func request(_ key: String, channel: String = "email", due: Double = 100.25) -> OutboxRequest {
        OutboxRequest(
            idempotencyKey: key, journey: "welcome-series", version: 2, node: "welcome-email", leadID: "L1",
            channel: channel, template: "welcome", payload: .object(["subject": .string("Hi")]),
            requestedAt: 100.25, dueAt: due)
    }

    @Test func theKeyIsExecutionNodeAndVisit() {
        #expect(OutboxKey.make(execution: "E1", node: "welcome-email", visit: 2) == "E1:welcome-email:2")
        #expect(
            OutboxKey.make(execution: "E1", node: "n", visit: 1)
                != OutboxKey.make(execution: "E1", node: "n", visit: 2))
    }

    @Test func enqueueKeepsOneRowPerKeyWithEverything() throws {
        let test = try TestWorkspace()
        #expect(
            try test.workspace.enqueue([Self.request("k1"), Self.request("k1"), Self.request("k2")]) == 2)
        let entry = try #require(try test.workspace.outboxEntry(key: "k1"))
        #expect(entry.request == Self.request("k1"))
        #expect(
            entry.state == .pending && entry.attempts == 0 && entry.lastError == nil
                && entry.deliveredAt == nil)
    }

    @Test func enqueueJoinsTheCallersTransaction() throws {
        let test = try TestWorkspace()
        struct StepFailed: Error {}
        #expect(throws: StepFailed.self) {
            try test.workspace.pool.write { db in
                try Workspace.enqueue(Self.request("k1"), in: db)
                throw StepFailed()
            }
        }
        #expect(try test.count("outbox") == 0)
        try test.workspace.pool.write { db in _ = try Workspace.enqueue(Self.request("k1"), in: db) }
        #expect(try test.count("outbox") == 1)
    }

    @Test func dueRowsComeOldestFirstForConfiguredChannelsOnly() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([
            Self.request("late", due: 300), Self.request("early", due: 50),
            Self.request("sms", channel: "sms", due: 10),
        ])
        let due = try test.workspace.dueOutbox(at: 200, channels: ["email"], limit: 10)
        #expect(due.map(\.request.idempotencyKey) == ["early"])
        #expect(
            try test.workspace.dueOutbox(at: 400, channels: ["email", "sms"], limit: 2).map(
                \.request.idempotencyKey) == ["sms", "early"])
        #expect(try test.workspace.nextOutboxDue(channels: ["email"]) == 50)
        #expect(try test.workspace.nextOutboxDue(channels: []) == nil)
    }

    @Test func retryThenDeliveredThenNothingMore() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([Self.request("k")])
        let id = try #require(try test.workspace.outboxEntry(key: "k")).id
        try test.workspace.retryOutboxLater(id, at: 160, reason: "HTTP 503", now: 130)
        var entry = try #require(try test.workspace.outboxEntry(key: "k"))
        #expect(entry.state == .pending && entry.attempts == 1 && entry.lastError == "HTTP 503")
        #expect(try test.workspace.dueOutbox(at: 150, channels: ["email"], limit: 5).isEmpty)
        #expect(try test.workspace.nextOutboxDue(channels: ["email"]) == 160)
        try test.workspace.markOutboxDelivered(id, at: 161.5)
        entry = try #require(try test.workspace.outboxEntry(key: "k"))
        #expect(entry.state == .delivered && entry.attempts == 2 && entry.deliveredAt == 161.5)
        // A late second mark (another pass) changes nothing.
        try test.workspace.markOutboxDead(id, reason: "late", at: 170)
        #expect(try test.workspace.outboxEntry(key: "k") == entry)
        #expect(try test.workspace.nextOutboxDue(channels: ["email"]) == nil)
    }

    @Test func aPostponedRowWaitsWithoutAnAttempt() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([Self.request("k")])
        let id = try #require(try test.workspace.outboxEntry(key: "k")).id
        try test.workspace.recordOutboxOutcomes(
            [(id, .postponed(until: 200, reason: "channel down"))], at: 150)
        let entry = try #require(try test.workspace.outboxEntry(key: "k"))
        #expect(entry.state == .pending && entry.attempts == 0 && entry.request.dueAt == 200)
        #expect(entry.lastError == "channel down")
    }

    @Test func deadKeepsTheReasonAndCountsByState() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([Self.request("a"), Self.request("b"), Self.request("c", channel: "sms")])
        let a = try #require(try test.workspace.outboxEntry(key: "a")).id
        try test.workspace.markOutboxDead(a, reason: "HTTP 400: unknown template", at: 101)
        let entry = try #require(try test.workspace.outboxEntry(key: "a"))
        #expect(
            entry.state == .dead && entry.lastError == "HTTP 400: unknown template" && entry.attempts == 1)
        let counts = try test.workspace.outboxCounts()
        #expect(counts["email"] == [.dead: 1, .pending: 1])
        #expect(counts["sms"] == [.pending: 1])
    }

    @Test func theStateIsOneOfThree() throws {
        let test = try TestWorkspace()
        try test.workspace.enqueue([Self.request("a")])
        #expect(throws: DatabaseError.self) {
            try test.workspace.pool.write { db in try db.execute(sql: "UPDATE outbox SET state = 'lost'") }
        }
    }
}
