import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Triggers and re-entry rules: each entry is a new rotation.
@Suite struct EntryTests {
    func onVisit(reentry: String) -> Journey {
        journey(
            """
            journey: on-visit
            name: On visit
            entry:
              trigger: { type: event, event: visited }
              reentry: \(reentry)
              next: pause
            nodes:
              - id: pause
                kind: wait
                wait: { for: 1d }
                next: done
              - id: done
                kind: exit
            """)
    }

    let visits = member(
        "L", created: "2026-05-01T00:00:00Z",
        events: [
            ("visited", nil, "2026-05-01T10:00:00Z"),
            // While the first rotation is in flight: never a second entry.
            ("visited", nil, "2026-05-01T12:00:00Z"),
            ("visited", nil, "2026-05-04T10:00:00Z"),
            ("visited", nil, "2026-05-09T10:00:00Z"),
        ])

    @Test func reentryNeverLetsALeadInOnce() {
        let recorder = replay(onVisit(reentry: "never"), [visits])
        #expect(recorder.rotations(of: "L").map(\.startedAt) == [at("2026-05-01T10:00:00Z")])
    }

    @Test func reentryAlwaysLetsALeadInEachTimeItIsNotInFlight() {
        let recorder = replay(onVisit(reentry: "always"), [visits])
        #expect(
            recorder.rotations(of: "L").map(\.startedAt) == [
                at("2026-05-01T10:00:00Z"), at("2026-05-04T10:00:00Z"), at("2026-05-09T10:00:00Z"),
            ])
        #expect(recorder.rotations(of: "L").map(\.execution.rotation) == [1, 2, 3])
        #expect(recorder.stays(of: "L", rotation: 2).map(\.nodeID) == ["pause", "done"])
    }

    @Test func reentryAfterADurationWaitsThatLongSinceTheLastEntry() {
        let recorder = replay(onVisit(reentry: "{ after: 7d }"), [visits])
        #expect(
            recorder.rotations(of: "L").map(\.startedAt) == [
                at("2026-05-01T10:00:00Z"), at("2026-05-09T10:00:00Z"),
            ])
    }

    @Test func aConditionTriggerFiresWhenTheConditionComesToHold() {
        let clicker = journey(
            """
            journey: clicker
            name: Clicker
            entry:
              trigger:
                type: condition
                when: { type: behavior, field: clicked, operator: at_least, value: 2, within: 7d }
              reentry: always
              next: done
            nodes:
              - id: done
                kind: exit
            """)
        let recorder = replay(
            clicker,
            [
                member(
                    "L", created: "2026-05-01T00:00:00Z",
                    events: [
                        ("clicked", .email, "2026-05-02T00:00:00Z"),
                        ("clicked", .sms, "2026-05-03T00:00:00Z"),
                        // Still holding: no new entry.
                        ("clicked", .email, "2026-05-04T00:00:00Z"),
                        // A lone click weeks later: the condition stopped holding and holds
                        // again only with the next one.
                        ("clicked", .email, "2026-06-01T00:00:00Z"),
                        ("clicked", .email, "2026-06-02T00:00:00Z"),
                    ])
            ])
        #expect(
            recorder.rotations(of: "L").map(\.startedAt) == [
                at("2026-05-03T00:00:00Z"), at("2026-06-02T00:00:00Z"),
            ])
        #expect(recorder.executionsEnded.first?.status == .completed)
    }

    @Test func aTimeTriggerFiresInEachLeadsZoneForTheAudienceWithinTheHorizon() {
        let daily = journey(
            """
            journey: daily
            name: Daily
            entry:
              trigger: { type: time, schedule: "daily at 09:00" }
              audience: { type: property, field: plan, operator: equals, value: pro }
              reentry: always
              next: done
            nodes:
              - id: done
                kind: exit
            """)
        let cohort = [
            member("NY", created: "2026-05-01T00:00:00Z", zone: newYork, properties: ["plan": "pro"]),
            member("UTC", created: "2026-05-01T00:00:00Z", properties: ["plan": "pro"]),
            member("FREE", created: "2026-05-01T00:00:00Z", properties: ["plan": "free"]),
        ]
        let recorder = replay(
            daily, cohort, configuration: ReplayConfiguration(horizon: at("2026-05-03T12:00:00Z")))
        #expect(
            recorder.rotations(of: "UTC").map(\.startedAt) == [
                at("2026-05-01T09:00:00Z"), at("2026-05-02T09:00:00Z"), at("2026-05-03T09:00:00Z"),
            ])
        #expect(
            recorder.rotations(of: "NY").map(\.startedAt) == [
                at("2026-05-01T13:00:00Z"), at("2026-05-02T13:00:00Z"),
            ])
        #expect(recorder.rotations(of: "FREE").isEmpty)
        #expect(recorder.summary?.leadsAdmitted == 3)
    }

    @Test func aWebhookTriggerFiresOnItsNamedWebhookEvent() {
        let form = journey(
            """
            journey: form
            name: Form
            entry:
              trigger: { type: webhook, webhook: form }
              reentry: always
              next: done
            nodes:
              - id: done
                kind: exit
            """)
        let id = "L"
        let named = LeadEvent(
            leadID: id, type: "webhook", time: at("2026-05-02T00:00:00Z"), data: ["name": "form"])
        let other = LeadEvent(
            leadID: id, type: "webhook", time: at("2026-05-03T00:00:00Z"), data: ["name": "chat"])
        let dotted = LeadEvent(leadID: id, type: "webhook.form", time: at("2026-05-04T00:00:00Z"))
        let lead = Lead(id: id, createdAt: at("2026-05-01T00:00:00Z"))
        let recorder = replay(form, [CohortLead(lead: lead, events: [named, other, dotted])])
        #expect(
            recorder.rotations(of: id).map(\.startedAt) == [
                at("2026-05-02T00:00:00Z"), at("2026-05-04T00:00:00Z"),
            ])
        #expect(
            recorder.records.contains { record in
                if case .executionStarted(let started) = record { return started.trigger == "webhook form" }
                return false
            })
    }

    @Test func theGoalConvertsALeadMidWait() {
        let booking = journey(
            """
            journey: booking
            name: Booking
            entry:
              trigger: { type: event, event: lead.created }
              next: long-wait
            goal:
              name: meeting booked
              when: { type: behavior, field: meeting_booked, operator: at_least, value: 1 }
            nodes:
              - id: long-wait
                kind: wait
                wait: { for: 3d }
                next: done
              - id: done
                kind: exit
            """)
        let recorder = replay(
            booking,
            [
                member(
                    "B", created: "2026-05-01T00:00:00Z",
                    events: [("meeting_booked", nil, "2026-05-02T06:00:00Z")]),
                member("N", created: "2026-05-01T00:00:00Z"),
            ])
        #expect(recorder.ending(of: "B")?.status == .converted)
        #expect(recorder.ending(of: "B")?.reason == "meeting booked")
        #expect(recorder.ending(of: "B")?.endedAt == at("2026-05-02T06:00:00Z"))
        #expect(recorder.stays(of: "B").map(\.outcome) == [.converted])
        #expect(recorder.conversions.first?.nodeID == "long-wait")
        #expect(recorder.ending(of: "N")?.status == .completed)
        #expect(recorder.summary?.nodes["long-wait"]?.converted == 1)
    }

    @Test func theHorizonLeavesLeadsInFlightActive() {
        let slow = onVisit(reentry: "never")
        let recorder = replay(
            slow, [visits], configuration: ReplayConfiguration(horizon: at("2026-05-01T20:00:00Z")))
        let ending = recorder.ending(of: "L")
        #expect(ending?.status == .active)
        #expect(ending?.endedAt == at("2026-05-01T20:00:00Z"))
        #expect(ending?.nodeID == "pause")
        #expect(ending?.reason == "horizon reached")
        #expect(recorder.stays(of: "L").map(\.outcome) == [.waiting])
        #expect(recorder.stays(of: "L").first?.exitedAt == nil)
        #expect(recorder.summary?.count(.active) == 1)
        #expect(recorder.summary?.nodes["pause"]?.waiting == 1)
    }
}
