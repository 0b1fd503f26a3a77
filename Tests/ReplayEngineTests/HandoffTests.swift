import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct HandoffTests {
    let toRep = journey(
        """
        journey: to-rep
        name: To rep
        entry:
          trigger: { type: event, event: lead.created }
          next: hello
        nodes:
          - id: hello
            kind: action
            action: { type: send, channel: sms, template: hello }
            next: hand-over
          - id: hand-over
            kind: action
            action: { type: handoff, to: { kind: human, expertise: [demo] }, reason: high intent }
            next: talk
          - id: talk
            kind: wait
            wait: { for: 1d }
            next: done
          - id: done
            kind: exit
        """)

    let ana = Agent(
        id: "ana", name: "Ana", kind: .human, expertise: ["demo", "enterprise"], capacity: 1)
    let bo = Agent(id: "bo", name: "Bo", kind: .human, expertise: ["demo"], capacity: 2)

    @Test func aFreeAgentTakesTheLeadAtOnceLeastLoadedFirst() {
        let cohort = ["A", "B", "C"].map {
            member($0, created: "2026-05-01T10:00:00Z", properties: ["score": 70])
        }
        let recorder = replay(toRep, cohort, agents: [ana, bo])
        let handoffs = recorder.handoffs
        // A to Ana (both empty, roster order); B to Bo (Ana is full... and busier); C to Bo.
        #expect(handoffs.map(\.toAgentID) == ["ana", "bo", "bo"])
        #expect(handoffs.allSatisfy { $0.outcome == .assigned && $0.queueWaitSeconds == 0 })
        let context = handoffs.first?.context
        #expect(context?.score == 70)
        #expect(context?.reason == "high intent")
        #expect(context?.conversation.map(\.type) == ["sent"])
        #expect(context?.conversation.first?.template == "hello")
        #expect(context?.metadata["node"] == "hand-over")
        #expect(handoffs.first?.id == "A/1/1")
        #expect(recorder.summary?.handoffs.assigned == 3)
        #expect(recorder.summary?.handoffs.queued == 0)
    }

    @Test func aFullRosterQueuesTheLeadAndTheWaitIsRecorded() {
        let cohort = ["A", "B"].map { member($0, created: "2026-05-01T10:00:00Z") }
        let recorder = replay(toRep, cohort, agents: [ana])
        let handoffs = recorder.handoffs
        #expect(handoffs.map(\.execution.leadID) == ["A", "B"])
        #expect(handoffs.map(\.toAgentID) == ["ana", "ana"])
        // B waits until A's execution ends, a day later, and Ana is free again.
        #expect(handoffs.last?.requestedAt == at("2026-05-01T10:00:00Z"))
        #expect(handoffs.last?.assignedAt == at("2026-05-02T10:00:00Z"))
        #expect(handoffs.last?.queueWaitSeconds == 86_400)
        #expect(recorder.summary?.handoffs.queued == 1)
        #expect(recorder.summary?.handoffs.queueWait.max == 86_400)
        #expect(recorder.summary?.handoffs.meanQueueWaitSeconds == 43_200)
        #expect(recorder.summary?.handoffs.assignedWithinThirtySeconds == 1)
    }

    @Test func outsideWorkingHoursTheLeadQueuesUntilTheyBegin() {
        let office = Agent(
            id: "ana", name: "Ana", kind: .human, expertise: ["demo"], capacity: 5,
            timeZone: TimeZone(identifier: "America/New_York")!,
            workingHours: WorkingHours(
                days: [.mon, .tue, .wed, .thu, .fri],
                from: TimeOfDay(hour: 9, minute: 0), to: TimeOfDay(hour: 17, minute: 0)))
        // Friday 2026-05-01 20:00 UTC is 16:00 in New York... one hour before closing.
        let friday = member("F", created: "2026-05-01T20:00:00Z")
        // Friday 22:00 UTC (18:00 EDT): closed until Monday 09:00 EDT = 13:00 UTC.
        let late = member("L", created: "2026-05-01T22:00:00Z")
        let recorder = replay(toRep, [friday, late], agents: [office])
        #expect(recorder.handoffs.first { $0.execution.leadID == "F" }?.queueWaitSeconds == 0)
        let queued = recorder.handoffs.first { $0.execution.leadID == "L" }
        // The lead's own execution ended after a day (Saturday 22:00): it left the queue first.
        #expect(queued?.outcome == .abandoned)
        #expect(queued?.toAgentID == nil)
        #expect(recorder.summary?.handoffs.abandoned == 1)
        #expect(recordOrderProblems(recorder.records).isEmpty)
    }

    @Test func aQueuedLeadStillInTheJourneyIsServedWhenHoursBegin() {
        let office = Agent(
            id: "ana", name: "Ana", kind: .human, expertise: ["demo"], capacity: 5,
            timeZone: TimeZone(identifier: "America/New_York")!,
            workingHours: WorkingHours(
                from: TimeOfDay(hour: 9, minute: 0), to: TimeOfDay(hour: 17, minute: 0)))
        let late = member("L", created: "2026-05-01T22:00:00Z")
        let recorder = replay(toRep, [late], agents: [office])
        let handoff = recorder.handoffs.first
        #expect(handoff?.assignedAt == at("2026-05-02T13:00:00Z"))
        #expect(handoff?.queueWaitSeconds == 54_000)  // 15 hours
    }

    @Test func noMatchingAgentIsRecordedAsSuch() {
        let bot = Agent(id: "sms-bot", name: "SMS bot", kind: .bot, channels: [.sms], capacity: 100)
        let recorder = replay(toRep, [member("A", created: "2026-05-01T10:00:00Z")], agents: [bot])
        #expect(recorder.handoffs.first?.outcome == .noMatchingAgent)
        #expect(recorder.ending(of: "A")?.status == .completed)
    }

    @Test func handoffRulesFireOnceAfterTheStepThatMakesThemHold() {
        let silence = journey(
            """
            journey: silence
            name: Silence
            entry:
              trigger: { type: event, event: lead.created }
              next: intro
            policy:
              handoff_rules:
                - name: email-silence
                  when:
                    all:
                      - { type: time, field: days_since_entry, operator: at_least, value: 3 }
                      - { type: behavior, field: email.replied, operator: equals, value: 0 }
                  to: { channel: sms, kind: bot }
                  reason: no email reply in 3 days
                - name: engaged-on-sms
                  when: { type: behavior, field: sms.replied, operator: at_least, value: 1 }
                  to: { channel: chat, kind: bot }
                  reason: high SMS engagement
            nodes:
              - id: intro
                kind: action
                action: { type: send, channel: email, template: intro }
                next: wait-3d
              - id: wait-3d
                kind: wait
                wait: { for: 3d }
                next: follow-up
              - id: follow-up
                kind: action
                action: { type: send, channel: email, template: follow-up }
                next: wait-4d
              - id: wait-4d
                kind: wait
                wait: { for: 4d }
                next: done
              - id: done
                kind: exit
            """)
        let smsBot = Agent(id: "sms-bot", name: "SMS bot", kind: .bot, channels: [.sms], capacity: 100)
        let chatBot = Agent(
            id: "chat-bot", name: "Chat bot", kind: .bot, channels: [.chat], capacity: 100)
        let cohort = [
            member(
                "Silent", created: "2026-05-01T00:00:00Z", events: [("replied", .sms, "2026-05-05T00:00:00Z")]
            ),
            member(
                "Replier", created: "2026-05-01T00:00:00Z",
                events: [("replied", .email, "2026-05-02T00:00:00Z")]),
        ]
        let recorder = replay(silence, cohort, agents: [smsBot, chatBot])
        let silent = recorder.handoffs.filter { $0.execution.leadID == "Silent" }
        #expect(silent.map(\.rule) == ["email-silence", "engaged-on-sms"])
        #expect(silent.map(\.requestedAt) == [at("2026-05-04T00:00:00Z"), at("2026-05-05T00:00:00Z")])
        #expect(silent.map(\.toAgentID) == ["sms-bot", "chat-bot"])
        #expect(silent.last?.fromAgentID == "sms-bot")
        #expect(silent.last?.context.previousAgents == ["sms-bot"])
        #expect(recorder.handoffs.filter { $0.execution.leadID == "Replier" }.isEmpty)
        #expect(
            recorder.summary?.handoffs.byRoute[
                HandoffRoute(fromAgentID: "sms-bot", toAgentID: "chat-bot", reason: "high SMS engagement")]?
                .handoffs == 1)
    }
}
