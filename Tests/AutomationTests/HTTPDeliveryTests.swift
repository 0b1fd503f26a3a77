import Foundation
import Testing
import Workspace

@testable import Automation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The http channel against a receiver on 127.0.0.1: retried through a 500, refused for good by
/// a 400, and a receiver that never answers counts as a timeout. No timing is asserted: passes
/// run at chosen instants, so a retry is due when the test says so.
@Suite(.serialized) struct HTTPDeliveryTests {
    static func channels(_ url: String, timeout: String = "5s", retries: Int = 3) -> String {
        """
        channels:
          sms: { deliver: http, url: "\(url)", secret_env: SMS_SECRET, timeout: \(timeout), retries: \(retries), backoff: 30s }
        """
    }

    static let environment = ["SMS_SECRET": "s3cret"]

    @Test func aReceiverThatRecoversGetsTheSameKeyTwiceSigned() throws {
        let receiver = try FakeReceiver(statuses: [500, 200])
        defer { receiver.stop() }
        let fixture = try DeliveryFixture(channels: Self.channels(receiver.url))
        try fixture.workspace.enqueue([DeliveryFixture.request("k1", channel: "sms")])
        let pass = DeliveryPass(workspace: fixture.workspace, environment: Self.environment)
        try pass.run(now: 2_000)
        var entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .pending && entry.attempts == 1 && entry.request.dueAt == 2_030)
        #expect(entry.lastError?.hasPrefix("HTTP 500") == true)
        #expect(try pass.run(now: 2_029) == 0)
        try pass.run(now: 2_030)
        entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .delivered && entry.attempts == 2)
        let requests = receiver.requests
        #expect(requests.count == 2)
        #expect(requests.map { $0.header("Idempotency-Key") } == ["k1", "k1"])
        for (index, request) in requests.enumerated() {
            let timestamp = try #require(
                request.header(WebhookSignature.timestampHeader).flatMap { Int64($0) })
            let signature = try #require(request.header(WebhookSignature.signatureHeader))
            #expect(
                WebhookSignature.isValid(
                    signature: signature, body: request.body, timestamp: timestamp, secret: "s3cret"))
            #expect(
                !WebhookSignature.isValid(
                    signature: signature, body: request.body, timestamp: timestamp, secret: "other"))
            let object = try JSON.parse(String(decoding: request.body, as: UTF8.self))
            #expect(object["attempt"] == .number(Double(index + 1)))
            #expect(object["idempotency_key"] == .string("k1"))
        }
    }

    @Test func a400IsDeadWithTheReasonAndNotRetried() throws {
        let receiver = try FakeReceiver(statuses: [400])
        defer { receiver.stop() }
        let fixture = try DeliveryFixture(channels: Self.channels(receiver.url))
        try fixture.workspace.enqueue([DeliveryFixture.request("k1", channel: "sms")])
        let pass = DeliveryPass(workspace: fixture.workspace, environment: Self.environment)
        try pass.run(now: 2_000)
        try pass.run(now: 100_000)
        let entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .dead && entry.attempts == 1)
        #expect(entry.lastError == "HTTP 400: refused by the fake receiver")
        #expect(receiver.requests.count == 1)
    }

    @Test func aReceiverThatNeverAnswersTimesOutAndIsRetried() throws {
        let receiver = try FakeReceiver(statuses: [], silent: true)
        defer { receiver.stop() }
        let fixture = try DeliveryFixture(channels: Self.channels(receiver.url, timeout: "1s"))
        try fixture.workspace.enqueue([DeliveryFixture.request("k1", channel: "sms")])
        try DeliveryPass(workspace: fixture.workspace, environment: Self.environment).run(now: 2_000)
        let entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .pending && entry.attempts == 1 && entry.request.dueAt == 2_030)
        #expect(entry.lastError == "timed out")
    }

    @Test func aRefusedConnectionIsRetriedUntilTheRetriesRunOut() throws {
        let receiver = try FakeReceiver(statuses: [200])
        let url = receiver.url
        receiver.stop()
        let fixture = try DeliveryFixture(channels: Self.channels(url, retries: 1))
        try fixture.workspace.enqueue([DeliveryFixture.request("k1", channel: "sms")])
        let pass = DeliveryPass(workspace: fixture.workspace, environment: Self.environment)
        try pass.run(now: 2_000)
        #expect(try fixture.entry("k1")?.state == .pending)
        try pass.run(now: 2_030)
        let entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .dead && entry.attempts == 2)
        #expect(entry.lastError?.hasPrefix("gave up after 2 attempts: request failed") == true)
    }

    /// A receiver that is down costs one attempt per pass: the channel's other rows wait
    /// without an attempt counted.
    @Test func aFailingChannelPostponesItsOtherRowsInThePass() throws {
        let receiver = try FakeReceiver(statuses: [200])
        let url = receiver.url
        receiver.stop()
        let fixture = try DeliveryFixture(channels: Self.channels(url))
        try fixture.workspace.enqueue([
            DeliveryFixture.request("k1", channel: "sms", at: 1_000),
            DeliveryFixture.request("k2", channel: "sms", at: 1_001),
        ])
        try DeliveryPass(workspace: fixture.workspace, environment: Self.environment).run(now: 2_000)
        let first = try #require(try fixture.entry("k1"))
        let second = try #require(try fixture.entry("k2"))
        #expect(first.attempts == 1 && first.state == .pending && first.request.dueAt == 2_030)
        #expect(second.attempts == 0 && second.state == .pending && second.request.dueAt == 2_030)
        #expect(second.lastError?.hasPrefix("not attempted: channel 'sms' failed: request failed") == true)
    }

    @Test func aMissingSecretIsNotSentUnsigned() throws {
        let receiver = try FakeReceiver(statuses: [200])
        defer { receiver.stop() }
        let fixture = try DeliveryFixture(channels: Self.channels(receiver.url))
        try fixture.workspace.enqueue([DeliveryFixture.request("k1", channel: "sms")])
        try DeliveryPass(workspace: fixture.workspace, environment: [:]).run(now: 2_000)
        let entry = try #require(try fixture.entry("k1"))
        #expect(entry.state == .pending)
        #expect(entry.lastError == "the environment variable SMS_SECRET (the signing secret) is not set")
        #expect(receiver.requests.isEmpty)
    }

    @Test func statusesAreClassified() {
        func result(_ status: Int) -> DeliveryResult {
            let response = HTTPURLResponse(
                url: URL(fileURLWithPath: "/"), statusCode: status, httpVersion: nil, headerFields: nil)
            return HTTPDeliveryAdapter.classify(
                Exchange(data: Data("no".utf8), response: response, error: nil))
        }
        #expect(result(204) == .delivered)
        #expect(result(503) == .failed(reason: "HTTP 503: no", retryable: true))
        #expect(result(429) == .failed(reason: "HTTP 429: no", retryable: true))
        #expect(result(404) == .failed(reason: "HTTP 404: no", retryable: false))
    }
}
