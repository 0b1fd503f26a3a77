import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct ConfigurationTests {
    @Test func withoutAHorizonTimeTriggersFireForTheOpenEndedSpan() {
        let daily = journey(
            """
            journey: daily
            name: Daily
            entry:
              trigger: { type: time, schedule: "daily at 09:00" }
              reentry: always
              next: done
            nodes:
              - id: done
                kind: exit
            """)
        let recorder = replay(
            daily, [member("L", created: "2026-05-01T00:00:00Z")],
            configuration: ReplayConfiguration(openEndedTriggerSpan: .days(3)))
        #expect(
            recorder.rotations(of: "L").map(\.startedAt) == [
                at("2026-05-01T09:00:00Z"), at("2026-05-02T09:00:00Z"), at("2026-05-03T09:00:00Z"),
            ])
    }

    @Test func aMessageDeferredPastTheHorizonLeavesTheLeadActive() {
        let quiet = journey(
            """
            journey: quiet
            name: Quiet
            entry:
              trigger: { type: event, event: lead.created }
              next: hello
            policy:
              quiet_hours: { from: "21:00", to: "08:00" }
            nodes:
              - id: hello
                kind: action
                action: { type: send, channel: email, template: hello }
                next: done
              - id: done
                kind: exit
            """)
        let recorder = replay(
            quiet, [member("L", created: "2026-05-01T22:00:00Z")],
            configuration: ReplayConfiguration(horizon: at("2026-05-02T06:00:00Z")))
        #expect(recorder.messages(of: "L").map(\.status) == [.deferred])
        #expect(recorder.ending(of: "L")?.status == .active)
        #expect(recorder.ending(of: "L")?.nodeID == "hello")
    }

    @Test func leadsCreatedAfterTheHorizonAreNotAdmitted() {
        let plain = journey(
            """
            journey: plain
            name: Plain
            entry:
              trigger: { type: event, event: lead.created }
              next: done
            nodes:
              - id: done
                kind: exit
            """)
        let counting = CountingCohort(
            (0..<10).map { member("L\($0)", created: String(format: "2026-05-%02dT00:00:00Z", $0 + 1)) })
        let recorder = CollectingRecorder()
        let summary = Replay.run(
            journey: plain, cohort: counting,
            configuration: ReplayConfiguration(horizon: at("2026-05-03T12:00:00Z")),
            recorder: recorder)
        #expect(summary.leadsAdmitted == 3)
        // The fourth lead was read, found to lie beyond the horizon, and reading stopped.
        #expect(counting.read == 4)
    }

    @Test func priorsCanBeEstimatedFromRecordedHistory() {
        let cohort = [
            member(
                "A", created: "2026-05-01T00:00:00Z",
                events: [
                    ("sent", .email, "2026-04-01T00:00:00Z"), ("opened", .email, "2026-04-01T01:00:00Z"),
                    ("sent", .email, "2026-04-02T00:00:00Z"), ("sent", .sms, "2026-04-03T00:00:00Z"),
                ])
        ]
        let priors = ChannelPriors.estimated(from: cohort, weight: 4)
        #expect(priors.belief(for: .email) == BetaBelief(alpha: 3, beta: 3))
        #expect(priors.belief(for: .sms) == BetaBelief(alpha: 1, beta: 5))
        #expect(priors.belief(for: .chat) == BetaBelief(alpha: 1, beta: 1))
    }
}
