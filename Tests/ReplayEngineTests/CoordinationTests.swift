import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Consent, unsubscribes, frequency caps and quiet hours before every send.
@Suite struct CoordinationTests {
    func twoEmails(policy: String) -> Journey {
        journey(
            """
            journey: two-emails
            name: Two emails
            entry:
              trigger: { type: event, event: lead.created }
              next: first
            policy:
            \(policy)
            nodes:
              - id: first
                kind: action
                action: { type: send, channel: email, template: one }
                next: second
              - id: second
                kind: action
                action: { type: send, channel: email, template: two }
                next: third
              - id: third
                kind: action
                action: { type: send, channel: sms, template: three }
                next: done
              - id: done
                kind: exit
            """)
    }

    @Test func aCappedMessageIsDeferredToWhenTheCapAllows() {
        let capped = twoEmails(policy: "  frequency_cap: { per_day: 1 }")
        let recorder = replay(capped, [member("L", created: "2026-05-01T10:00:00Z")])
        let messages = recorder.messages(of: "L")
        let two = messages.filter { $0.template == "two" }
        #expect(two.map(\.status) == [.deferred, .sent])
        #expect(two.first?.reason == .frequencyCap)
        #expect(two.first?.deferredUntil == at("2026-05-02T10:00:00Z"))
        #expect(two.last?.sentAt == at("2026-05-02T10:00:00Z"))
        let three = messages.filter { $0.template == "three" }
        #expect(three.map(\.status) == [.deferred, .sent])
        #expect(three.last?.sentAt == at("2026-05-03T10:00:00Z"))
        #expect(recorder.stays(of: "L")[1].exitedAt == at("2026-05-02T10:00:00Z"))
        #expect(recorder.summary?.channels[.email]?.deferred == 1)
        #expect(recorder.summary?.channels[.email]?.sent == 2)
    }

    @Test func aCappedMessageIsSkippedWhenThePolicySaysSo() {
        let capped = twoEmails(policy: "  channel_caps: { email: { per_week: 1 } }\n  when_capped: skip")
        let recorder = replay(capped, [member("L", created: "2026-05-01T10:00:00Z")])
        let messages = recorder.messages(of: "L")
        #expect(messages.first { $0.template == "two" }?.status == .suppressed)
        #expect(messages.first { $0.template == "two" }?.reason == .frequencyCap)
        // The per-channel cap leaves SMS alone, and the lead went on at once.
        #expect(messages.first { $0.template == "three" }?.status == .sent)
        #expect(recorder.ending(of: "L")?.endedAt == at("2026-05-01T10:00:00Z"))
        #expect(recorder.summary?.channels[.email]?.suppressed[.frequencyCap] == 1)
    }

    @Test func quietHoursDeferToTheirLocalEndAcrossTheSpringForward() {
        let quiet = twoEmails(policy: "  quiet_hours: { from: \"21:00\", to: \"08:00\" }")
        // Saturday 2026-03-07 22:00 EST; clocks go forward that night, so 08:00 on Sunday is
        // EDT: 12:00 UTC, not 13:00.
        let recorder = replay(quiet, [member("L", created: "2026-03-08T03:00:00Z", zone: newYork)])
        let messages = recorder.messages(of: "L")
        let one = messages.filter { $0.template == "one" }
        #expect(one.map(\.status) == [.deferred, .sent])
        #expect(one.first?.reason == .quietHours)
        #expect(one.first?.deferredUntil == at("2026-03-08T12:00:00Z"))
        #expect(one.last?.sentAt == at("2026-03-08T12:00:00Z"))
        #expect(messages.filter { $0.template == "two" }.map(\.status) == [.sent])
    }

    @Test func aCapThenQuietHoursGiveTwoDeferrals() {
        let both = twoEmails(
            policy: "  frequency_cap: { per_day: 1 }\n  quiet_hours: { from: \"21:00\", to: \"08:00\" }")
        // A message recorded at 22:30 the night before (another campaign) counts against the
        // cap: it frees at 22:30, inside quiet hours, which hold the email until 08:00.
        let recorder = replay(
            both,
            [member("L", created: "2026-05-02T09:00:00Z", events: [("sent", .email, "2026-05-01T22:30:00Z")])]
        )
        let one = recorder.messages(of: "L").filter { $0.template == "one" }
        #expect(one.map(\.reason) == [.frequencyCap, .quietHours, nil])
        #expect(one.map(\.deferredUntil) == [at("2026-05-02T22:30:00Z"), at("2026-05-03T08:00:00Z"), nil])
        #expect(one.last?.sentAt == at("2026-05-03T08:00:00Z"))
    }

    @Test func noConsentMeansNoMessageOnThatChannel() {
        let plain = twoEmails(policy: "  when_capped: defer")
        let recorder = replay(plain, [member("L", created: "2026-05-01T10:00:00Z", consents: [.email])])
        let sms = recorder.messages(of: "L").first { $0.channel == .sms }
        #expect(sms?.status == .suppressed)
        #expect(sms?.reason == .consent)
        #expect(recorder.ending(of: "L")?.status == .completed)
        #expect(recorder.summary?.channels[.sms]?.suppressed[.consent] == 1)
    }

    @Test func anUnsubscribeStopsTheChannelAtOnce() {
        let spaced = journey(
            """
            journey: spaced
            name: Spaced
            entry:
              trigger: { type: event, event: lead.created }
              next: first
            nodes:
              - id: first
                kind: action
                action: { type: send, channel: email, template: one }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 1d }
                next: second
              - id: second
                kind: action
                action: { type: send, channel: email, template: two }
                next: third
              - id: third
                kind: action
                action: { type: send, channel: sms, template: three }
                next: done
              - id: done
                kind: exit
            """)
        let recorder = replay(
            spaced,
            [
                member(
                    "L", created: "2026-05-01T10:00:00Z",
                    events: [("unsubscribed", .email, "2026-05-01T11:00:00Z")])
            ])
        let messages = recorder.messages(of: "L")
        #expect(
            messages.first { $0.template == "one" }?.responses.unsubscribedAt == at("2026-05-01T11:00:00Z"))
        #expect(messages.first { $0.template == "two" }?.status == .suppressed)
        #expect(messages.first { $0.template == "two" }?.reason == .unsubscribed)
        #expect(messages.first { $0.template == "three" }?.status == .sent)
        #expect(recorder.summary?.channels[.email]?.unsubscribed == 1)
    }

    @Test func recordedResponsesBelongToTheLatestSendBeforeThem() {
        let spaced = journey(
            """
            journey: spaced
            name: Spaced
            entry:
              trigger: { type: event, event: lead.created }
              next: first
            nodes:
              - id: first
                kind: action
                action: { type: send, channel: email, template: one }
                next: pause
              - id: pause
                kind: wait
                wait: { for: 2d }
                next: second
              - id: second
                kind: action
                action: { type: send, channel: email, template: two }
                next: done
              - id: done
                kind: exit
            """)
        let recorder = replay(
            spaced,
            [
                member(
                    "L", created: "2026-05-01T00:00:00Z",
                    events: [
                        ("opened", .email, "2026-05-01T05:00:00Z"),
                        ("opened", .email, "2026-05-04T05:00:00Z"),
                        ("clicked", .email, "2026-05-04T06:00:00Z"),
                    ])
            ])
        let one = recorder.messages(of: "L").first { $0.template == "one" }
        let two = recorder.messages(of: "L").first { $0.template == "two" }
        #expect(one?.responses == MessageResponses(openedAt: at("2026-05-01T05:00:00Z")))
        #expect(
            two?.responses
                == MessageResponses(
                    openedAt: at("2026-05-04T05:00:00Z"), clickedAt: at("2026-05-04T06:00:00Z")))
    }
}
