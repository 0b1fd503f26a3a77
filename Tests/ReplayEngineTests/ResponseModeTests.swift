import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Where answers come from: recorded events, the behavior model, or each where it applies.
@Suite struct ResponseModeTests {
    let helloThenWait = journey(
        """
        journey: hello
        name: Hello
        entry:
          trigger: { type: event, event: lead.created }
          next: hello
        nodes:
          - id: hello
            kind: action
            action: { type: send, channel: email, template: hello }
            next: wait-open
          - id: wait-open
            kind: wait
            wait: { event: email.opened, timeout: 3d }
            next: opened
            on_timeout: silent
          - id: opened
            kind: exit
          - id: silent
            kind: exit
        """)

    let eager = LeadBehavior(
        channels: [
            .email: ChannelBehavior(
                openProbability: 1, clickProbability: 0, replyProbability: 0, meanResponseDelay: 600)
        ],
        unsubscribeProbability: 0, conversionPropensity: 0)

    @Test func simulatedAnswersDriveEventWaits() {
        let recorder = replay(
            helloThenWait, [member("L", created: "2026-05-01T10:00:00Z", behavior: eager)],
            configuration: ReplayConfiguration(mode: .simulated))
        let opened = recorder.messages(of: "L").first?.responses.openedAt
        #expect(opened != nil)
        #expect(recorder.path(of: "L") == ["hello", "wait-open", "opened"])
        #expect(recorder.stays(of: "L")[1].exitedAt == opened)
        #expect(recorder.stays(of: "L")[1].outcome == .event)
    }

    /// Simulated answers are drawn whole at the send, so the message is recorded then; a
    /// recorded one stays open until the next send on its channel or the execution's end.
    @Test func aSimulatedMessageIsRecordedAtItsSendARecordedOneWhenClosed() {
        let twoChannels = journey(
            """
            journey: two-channels
            name: Two channels
            entry:
              trigger: { type: event, event: lead.created }
              next: one
            nodes:
              - id: one
                kind: action
                action: { type: send, channel: email, template: one }
                next: two
              - id: two
                kind: action
                action: { type: send, channel: sms, template: two }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 1d }
                next: three
              - id: three
                kind: action
                action: { type: send, channel: email, template: three }
                next: done
              - id: done
                kind: exit
            """)
        let lead = member("L", created: "2026-05-01T10:00:00Z", behavior: eager)
        let simulated = replay(twoChannels, [lead], configuration: ReplayConfiguration(mode: .simulated))
        #expect(simulated.messages(of: "L").map(\.template) == ["one", "two", "three"])
        // Each right after its node's stay begins: before the stay at `one` is recorded.
        let first = simulated.records.firstIndex {
            if case .message = $0 { return true } else { return false }
        }
        let firstStay = simulated.records.firstIndex {
            if case .nodeStay = $0 { return true } else { return false }
        }
        #expect(first != nil && firstStay != nil && first! < firstStay!)
        let recorded = replay(twoChannels, [lead], configuration: ReplayConfiguration(mode: .recorded))
        // `one` closes when `three` goes out on email; the rest when the execution ends, by channel.
        #expect(recorded.messages(of: "L").map(\.template) == ["one", "three", "two"])
    }

    @Test func recordedModeIgnoresTheBehaviorModel() {
        let recorder = replay(
            helloThenWait, [member("L", created: "2026-05-01T10:00:00Z", behavior: eager)],
            configuration: ReplayConfiguration(mode: .recorded))
        #expect(recorder.messages(of: "L").first?.responses == MessageResponses())
        #expect(recorder.path(of: "L") == ["hello", "wait-open", "silent"])
    }

    @Test func mixedModeUsesRecordsWhereALeadHasThem() {
        let withHistory = member(
            "R", created: "2026-05-01T10:00:00Z", events: [("visited", nil, "2026-05-01T09:00:00Z")],
            behavior: eager)
        let without = member("S", created: "2026-05-01T10:00:00Z", behavior: eager)
        let recorder = replay(
            helloThenWait, [withHistory, without], configuration: ReplayConfiguration(mode: .mixed))
        #expect(recorder.path(of: "R") == ["hello", "wait-open", "silent"])
        #expect(recorder.path(of: "S") == ["hello", "wait-open", "opened"])
    }

    @Test func fatigueDampsAnswersAsMessagesPileUp() {
        let three = journey(
            """
            journey: three
            name: Three
            entry:
              trigger: { type: event, event: lead.created }
              next: one
            nodes:
              - id: one
                kind: action
                action: { type: send, channel: email, template: one }
                next: two
              - id: two
                kind: action
                action: { type: send, channel: email, template: two }
                next: done
              - id: done
                kind: exit
            """)
        var tired = eager
        tired.fatigueFactor = 0
        let recorder = replay(
            three, [member("L", created: "2026-05-01T10:00:00Z", behavior: tired)],
            configuration: ReplayConfiguration(mode: .simulated))
        let byTemplate = Dictionary(
            uniqueKeysWithValues: recorder.messages(of: "L").map { ($0.template, $0) })
        #expect(byTemplate["one"]?.responses.openedAt != nil)
        #expect(byTemplate["two"]?.responses.openedAt == nil)
        // A floor keeps some appetite however many messages came before.
        tired.fatigueFloor = 1
        let floored = replay(
            three, [member("L", created: "2026-05-01T10:00:00Z", behavior: tired)],
            configuration: ReplayConfiguration(mode: .simulated))
        #expect(floored.messages(of: "L").allSatisfy { $0.responses.openedAt != nil })
    }

    @Test func fatigueCountsEveryEarlierMessageNotOnlyThisWeeks() {
        let fortnight = journey(
            """
            journey: fortnight
            name: Fortnight
            entry:
              trigger: { type: event, event: lead.created }
              next: one
            nodes:
              - id: one
                kind: action
                action: { type: send, channel: email, template: one }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 14d }
                next: two
              - id: two
                kind: action
                action: { type: send, channel: email, template: two }
                next: done
              - id: done
                kind: exit
            """)
        var tired = eager
        tired.fatigueFactor = 0
        let recorder = replay(
            fortnight, [member("L", created: "2026-05-01T10:00:00Z", behavior: tired)],
            configuration: ReplayConfiguration(mode: .simulated))
        let byTemplate = Dictionary(
            uniqueKeysWithValues: recorder.messages(of: "L").map { ($0.template, $0) })
        #expect(byTemplate["one"]?.responses.openedAt != nil)
        // Two weeks later the first message still counts (docs/cohort-format.md: each earlier
        // message), so the second finds the lead tired out.
        #expect(byTemplate["two"]?.status == .sent)
        #expect(byTemplate["two"]?.responses.openedAt == nil)
    }

    @Test func fatigueIsTheFactorPerEarlierMessageDownToTheFloor() {
        let behavior = LeadBehavior(fatigueFactor: 0.5, fatigueFloor: 0.2)
        #expect(behavior.fatigue(afterMessages: 0) == 1)
        #expect(behavior.fatigue(afterMessages: 1) == 0.5)
        #expect(behavior.fatigue(afterMessages: 2) == 0.25)
        #expect(behavior.fatigue(afterMessages: 3) == 0.2)
        #expect(behavior.fatigue(afterMessages: 1000) == 0.2)
    }

    @Test func aSimulatedUnsubscribeStopsTheChannel() {
        let spaced = journey(
            """
            journey: spaced
            name: Spaced
            entry:
              trigger: { type: event, event: lead.created }
              next: one
            nodes:
              - id: one
                kind: action
                action: { type: send, channel: email, template: one }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 7d }
                next: two
              - id: two
                kind: action
                action: { type: send, channel: email, template: two }
                next: done
              - id: done
                kind: exit
            """)
        var leaving = eager
        leaving.unsubscribeProbability = 1
        let recorder = replay(
            spaced, [member("L", created: "2026-05-01T10:00:00Z", behavior: leaving)],
            configuration: ReplayConfiguration(mode: .simulated))
        let messages = recorder.messages(of: "L")
        #expect(messages.first { $0.template == "one" }?.responses.unsubscribedAt != nil)
        #expect(messages.first { $0.template == "two" }?.status == .suppressed)
        #expect(messages.first { $0.template == "two" }?.reason == .unsubscribed)
    }

    @Test func aSimulatedConversionMeetsTheGoal() {
        let goal = journey(
            """
            journey: goal
            name: Goal
            entry:
              trigger: { type: event, event: lead.created }
              next: hello
            goal:
              name: purchase
              when: { type: behavior, field: purchased, operator: exists }
            nodes:
              - id: hello
                kind: action
                action: { type: send, channel: email, template: hello }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 30d }
                next: done
              - id: done
                kind: exit
            """)
        var buyer = eager
        buyer.channels[.email]?.clickProbability = 1
        buyer.conversionPropensity = 1
        let recorder = replay(
            goal, [member("L", created: "2026-05-01T10:00:00Z", behavior: buyer)],
            configuration: ReplayConfiguration(mode: .simulated))
        let ending = recorder.ending(of: "L")
        #expect(ending?.status == .converted)
        #expect(recorder.conversions.first?.nodeID == "pause")
        #expect(recorder.conversions.first?.lastChannel == .email)
        #expect(recorder.summary?.channels[.email]?.converted == 1)
        // A `converted` event converts whatever the goal's condition says.
        #expect(ending?.reason == "purchase")
    }
}
