import Foundation
import Testing
import Workspace

@testable import Automation

/// The file channel, the delivery object and the at-least-once promise.
@Suite struct FileDeliveryTests {
    static let channels = "channels:\n  email: { deliver: file, path: out/email.jsonl }\n"

    @Test func aDueRowBecomesOneLineAndIsMarkedDelivered() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        try fixture.workspace.enqueue([
            DeliveryFixture.request("k1"), DeliveryFixture.request("later", at: 5_000),
        ])
        let pass = DeliveryPass(workspace: fixture.workspace, environment: [:])
        #expect(try pass.run(now: 2_000) == 1)
        let lines = try fixture.lines("out/email.jsonl")
        #expect(lines.count == 1)
        let object = try #require(lines.first)
        #expect(object["idempotency_key"] == .string("k1"))
        #expect(object["journey"] == .string("welcome-series"))
        #expect(object["version"] == .number(3))
        #expect(object["node"] == .string("welcome-email"))
        #expect(object["lead_id"] == .string("lead-k1"))
        #expect(object["channel"] == .string("email"))
        #expect(object["template"] == .string("welcome"))
        #expect(object["requested_at"] == .number(1_000.5))
        #expect(object["attempt"] == .number(1))
        #expect(object["payload"]?["subject"] == .string("Welcome"))
        let entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .delivered && entry.attempts == 1 && entry.deliveredAt == 2_000)
        #expect(try fixture.entry("later")?.state == .pending)
        #expect(try pass.nextDue() == 5_000)
    }

    @Test func notifyAndHandoffCarryTo() {
        var request = DeliveryFixture.request("n", channel: "notify")
        request.recipient = "#sales"
        let entry = OutboxEntry(
            id: 1, request: request, attempts: 2, state: .pending, lastError: nil, deliveredAt: nil)
        let object = DeliveryObject.json(entry, attempt: 3)
        #expect(object["to"] == .string("#sales"))
        #expect(object["attempt"] == .number(3))
        #expect(DeliveryObject.text(entry, attempt: 3) == DeliveryObject.text(entry, attempt: 3))
    }

    /// Delivered but not marked (the process died in between): the next worker delivers again,
    /// with the same key, and the receiver sees the key twice.
    @Test func aCrashBetweenDeliveringAndMarkingDeliversAgainWithTheSameKey() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        try fixture.workspace.enqueue([DeliveryFixture.request("k1")])
        let first = DeliveryPass(workspace: fixture.workspace, environment: [:])
        let (channels, entries) = try first.take(now: 2_000)
        #expect(first.deliver(entries, channels: channels).map(\.result) == [.delivered])
        // No record: the crash. A new worker starts.
        let restarted = DeliveryPass(workspace: fixture.workspace, environment: [:])
        #expect(try restarted.run(now: 2_001) == 1)
        let keys = try fixture.lines("out/email.jsonl").map { $0["idempotency_key"] }
        #expect(keys == [.string("k1"), .string("k1")])
        #expect(try fixture.entry("k1")?.state == .delivered)
        #expect(try restarted.run(now: 2_002) == 0)
    }

    @Test func rowsOfAnUnconfiguredChannelWaitPending() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        try fixture.workspace.enqueue([DeliveryFixture.request("s", channel: "sms")])
        let pass = DeliveryPass(workspace: fixture.workspace, environment: [:])
        #expect(try pass.run(now: 2_000) == 0)
        #expect(try pass.nextDue() == nil)
        #expect(try fixture.entry("s")?.state == .pending)
    }

    @Test func anUnwritableFileIsRetriedLater() throws {
        let fixture = try DeliveryFixture(
            channels: "channels:\n  email: { deliver: file, path: blocked/email.jsonl, backoff: 10s }\n")
        try Data().write(to: fixture.folder.appendingPathComponent("blocked"))
        try fixture.workspace.enqueue([DeliveryFixture.request("k")])
        try DeliveryPass(workspace: fixture.workspace, environment: [:]).run(now: 2_000)
        let entry = try #require(try fixture.entry("k"))
        #expect(entry.state == .pending && entry.attempts == 1 && entry.request.dueAt == 2_010)
        #expect(entry.lastError?.contains("blocked") == true)
    }

    @Test func retriesDoubleTheBackoffThenGiveUp() {
        let policy = RetryPolicy(retries: 2, backoff: 30)
        let failure = DeliveryResult.failed(reason: "HTTP 503", retryable: true)
        #expect(policy.outcome(of: failure, attempt: 1, now: 100) == .retry(at: 130, reason: "HTTP 503"))
        #expect(policy.outcome(of: failure, attempt: 2, now: 100) == .retry(at: 160, reason: "HTTP 503"))
        #expect(
            policy.outcome(of: failure, attempt: 3, now: 100)
                == .dead(reason: "gave up after 3 attempts: HTTP 503"))
        #expect(
            policy.outcome(of: .failed(reason: "HTTP 400", retryable: false), attempt: 1, now: 100)
                == .dead(reason: "HTTP 400"))
        #expect(
            RetryPolicy(retries: 50, backoff: 30).outcome(of: failure, attempt: 40, now: 0)
                == .retry(at: 3600, reason: "HTTP 503"))
    }

    /// The worker on its own thread delivers what is due, wakes when told and stops.
    @Test func theWorkerDeliversOnItsThreadAndStops() throws {
        let fixture = try DeliveryFixture(channels: Self.channels)
        let now = Date().timeIntervalSince1970
        try fixture.workspace.enqueue([DeliveryFixture.request("first", at: now)])
        let worker = DeliveryWorker.start(workspace: fixture.workspace, environment: [:], idleCheck: 60)
        defer { worker.stop() }
        #expect(try waitUntil { try fixture.entry("first")?.state == .delivered })
        try fixture.workspace.enqueue([DeliveryFixture.request("second", at: Date().timeIntervalSince1970)])
        worker.wake()
        #expect(try waitUntil { try fixture.entry("second")?.state == .delivered })
        #expect(try fixture.lines("out/email.jsonl").count == 2)
    }

    /// Polls `condition` for at most ten seconds (bounded; not a timing assertion).
    func waitUntil(_ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<200 {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
