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

    /// A journey where nothing reacts to an open, a click, a reply or an unsubscribe when it
    /// happens does not wake the lead for them (they only join its history, as before): the
    /// same journey with a handoff rule that never holds, which makes the engine wake leads
    /// for every response, gives every lead the same records, decision explanations and
    /// suppressions by unsubscribe included, and the same summary.
    @Test func responsesNothingReactsToWakeNoOneAndChangeNoRecord() {
        let series = """
            journey: series
            name: Series
            entry:
              trigger: { type: event, event: lead.created }
              next: one
            goal:
              name: customer
              when: { type: property, field: status, operator: equals, value: customer }
            policy:
              frequency_cap: { per_day: 2, per_week: 5 }
              quiet_hours: { from: "21:00", to: "08:00" }
            %@
            nodes:
              - id: one
                kind: action
                action: { type: send, channel: email, template: one }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 2d }
                next: opened
              - id: opened
                kind: decision
                if:
                  any:
                    - { type: behavior, field: email.opened, operator: exists }
                    - { type: behavior, field: email.clicked, operator: at_least, value: 1 }
                then: two
                else: nudge
              - id: nudge
                kind: action
                action: { type: send, channel: sms, template: nudge }
                next: two
              - id: two
                kind: action
                action: { type: send, channel: email, template: two }
                next: done
              - id: done
                kind: exit
            """
        let neverHolds = """
            handoff_rules:
                - name: never
                  when: { type: property, field: never_set, operator: equals, value: "yes" }
                  to: { channel: chat, kind: bot }
                  reason: never
            """
        let inert = journey(series.replacingOccurrences(of: "%@", with: ""))
        let watched = journey(
            series.replacingOccurrences(
                of: "%@", with: "  " + neverHolds.replacingOccurrences(of: "\n", with: "\n  ")))
        let lively = LeadBehavior(
            channels: [
                .email: ChannelBehavior(
                    openProbability: 0.7, clickProbability: 0.5, replyProbability: 0.3,
                    meanResponseDelay: 3_600),
                .sms: ChannelBehavior(
                    openProbability: 0.5, clickProbability: 0.3, replyProbability: 0.3, meanResponseDelay: 600
                ),
            ],
            unsubscribeProbability: 0.2, conversionPropensity: 0.3)
        let cohort = (0..<120).map { index in
            member(
                "L\(index)",
                created: ISODate.format(at("2026-05-01T00:00:00Z").addingTimeInterval(Double(index) * 2_777)),
                behavior: lively)
        }
        let configuration = ReplayConfiguration(seed: 7, mode: .simulated)
        let engine = { (journey: Journey) in
            JourneyEngine(journey: journey, configuration: configuration, recorder: CollectingRecorder())
        }
        #expect(!engine(inert).simulatedResponsesMatter && engine(watched).simulatedResponsesMatter)
        let quiet = replay(inert, cohort, configuration: configuration)
        let woken = replay(watched, cohort, configuration: configuration)
        #expect(quiet.messages.contains { $0.responses.unsubscribedAt != nil })
        #expect(quiet.messages.contains { $0.status == .suppressed && $0.reason == .unsubscribed })
        #expect(
            quiet.decisions.contains { $0.branchIndex == 0 }
                && quiet.decisions.contains { $0.branchIndex == nil })
        #expect(quiet.records.count > 1_000)
        // Lead by lead, the same records in the same order; between leads woken at one
        // instant the order may differ (ties go in scheduling order, and the watched run
        // reschedules leads at every response).
        #expect(
            Dictionary(grouping: quiet.records, by: \.execution)
                == Dictionary(grouping: woken.records, by: \.execution))
        #expect(quiet.summary == woken.summary)
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
