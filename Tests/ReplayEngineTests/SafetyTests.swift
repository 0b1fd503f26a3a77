import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Runaway leads are halted with a reason; the run goes on.
@Suite struct SafetyTests {
    @Test func aLoopThatNeverWaitsIsHaltedAndOtherLeadsGoOn() {
        let spin = unvalidatedJourney(
            """
            journey: spin
            name: Spin
            entry:
              trigger: { type: event, event: lead.created }
              next: check
            nodes:
              - id: check
                kind: decision
                if: { type: property, field: vip, operator: equals, value: true }
                then: bump
                else: done
              - id: bump
                kind: action
                action: { type: score, by: 1 }
                next: check
              - id: done
                kind: exit
            """)
        let cohort = [
            member("Loop", created: "2026-05-01T00:00:00Z", properties: ["vip": true]),
            member("Fine", created: "2026-05-01T00:00:00Z", properties: ["vip": false]),
        ]
        let recorder = replay(spin, cohort)
        let halted = recorder.ending(of: "Loop")
        #expect(halted?.status == .halted)
        #expect(halted?.reason == "loop: node check visited 11 times without time passing")
        #expect(recorder.path(of: "Loop").count == 21)
        #expect(recorder.ending(of: "Fine")?.status == .completed)
        #expect(recorder.summary?.count(.halted) == 1)
    }

    let slowLoop = journey(
        """
        journey: slow-loop
        name: Slow loop
        entry:
          trigger: { type: event, event: lead.created }
          next: ping
        policy:
          max_steps: 20
        nodes:
          - id: ping
            kind: action
            action: { type: notify, to: ops, message: ping }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 1h }
            next: ping
        """)

    @Test func theJourneysStepLimitHaltsALoopThatWaits() {
        let recorder = replay(slowLoop, [member("L", created: "2026-05-01T00:00:00Z")])
        #expect(recorder.ending(of: "L")?.status == .halted)
        #expect(recorder.ending(of: "L")?.reason == "step limit: more than 20 steps in one rotation")
        #expect(recorder.ending(of: "L")?.steps == 21)
        #expect(recorder.path(of: "L").count == 21)
    }

    @Test func theActionRateLimitHaltsALeadActingTooOften() {
        let configuration = ReplayConfiguration(
            actionRateLimit: ActionRateLimit(maxActions: 3, window: .hours(3)))
        let recorder = replay(
            slowLoop, [member("L", created: "2026-05-01T00:00:00Z")], configuration: configuration)
        let ending = recorder.ending(of: "L")
        #expect(ending?.status == .halted)
        #expect(ending?.reason == "action rate limit: more than 3 actions in 3h")
        // Pings at 0h, 1h, 2h are within the limit; the one at 3h is the fourth in 3h.
        #expect(ending?.endedAt == at("2026-05-01T03:00:00Z"))
    }
}
