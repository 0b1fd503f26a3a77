import Analytics
import Foundation
import Testing
import Workspace

@testable import Automation

/// What goes wrong live: a journey that runs away is paused by its guard having delivered no
/// more than its ceiling; a channel that refuses a send (4xx) fails the execution that asked,
/// and `cairn live status`'s success rate counts it.
@Suite(.serialized) struct LiveFailureTests {
    static let runaway = """
        journey: runaway
        name: Runaway
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: ping
        policy:
          max_sends_per_minute: 20
        nodes:
          - id: ping
            kind: action
            action: { type: send, channel: email, template: ping }
            next: again
          - id: again
            kind: wait
            wait: { for: 0s }
            next: ping
        """

    @Test func aRunawayJourneyIsPausedHavingSentNoMoreThanItsCeiling() throws {
        let live = try LiveFixture(journey: Self.runaway)
        let t0 = LiveFixture.start
        try live.push((1...8).map { LiveFixture.lead("R\($0)", at: t0) })
        try live.run(from: t0, through: t0.addingTimeInterval(10))
        #expect(try live.count("SELECT COUNT(*) FROM outbox WHERE journey = 'runaway'") == 20)
        #expect(
            try live.rows("SELECT state, reason FROM live_journeys") == [
                ["paused", "runaway guard: more than 20 sends in a minute"]
            ])
        // Paused: nothing more, however long it waits.
        try live.run(from: t0.addingTimeInterval(61), through: t0.addingTimeInterval(63))
        #expect(try live.count("SELECT COUNT(*) FROM outbox WHERE journey = 'runaway'") == 20)
    }

    static let oneSms = """
        journey: one-sms
        name: One SMS
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: text
        nodes:
          - id: text
            kind: action
            action: { type: send, channel: sms, template: hello }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 1h }
            next: done
          - id: done
            kind: exit
            reason: done
        """

    @Test func aRefusedSendFailsItsExecutionAndTheSuccessRateSaysSo() throws {
        let receiver = try FakeReceiver(statuses: [400, 200])
        defer { receiver.stop() }
        let live = try LiveFixture(journey: Self.oneSms)
        try live.workspace.importChannels(
            yaml: "channels:\n  sms: { deliver: http, url: \"\(receiver.url)\", retries: 2, backoff: 30s }\n",
            file: "channels.yaml")
        let t0 = LiveFixture.start
        try live.push([LiveFixture.lead("S1", at: t0), LiveFixture.lead("S2", at: t0)])
        try live.runtime.iterate(at: t0)
        // The first send is refused for good (400), the second delivered.
        let pass = DeliveryPass(workspace: live.workspace, environment: [:])
        try pass.run(now: t0.timeIntervalSince1970 + 1)
        #expect(try live.rows("SELECT state FROM outbox ORDER BY id") == [["dead"], ["delivered"]])
        try live.runtime.iterate(at: t0.addingTimeInterval(2))
        let failed = try live.rows(
            "SELECT lead_id, status, reason FROM workflow_executions WHERE status = 'failed'")
        #expect(failed.count == 1)
        #expect(failed.first?[2].hasPrefix("delivery failed: HTTP 400") == true, "\(failed)")
        // The other waits its hour, then completes: one of two ended without failing.
        try live.runtime.iterate(at: t0.addingTimeInterval(3_601))
        let status = try LiveStatusBuilder.build(live.workspace, now: t0.timeIntervalSince1970 + 3_602)
        let journey = try #require(status.journeys.first { $0.journey == "one-sms" })
        #expect(journey.successRate == 0.5)
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions WHERE status != 'active'") == 2)
    }
}
