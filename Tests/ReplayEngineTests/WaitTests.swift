import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct WaitTests {
    let clickOrNudge = journey(
        """
        journey: click-or-nudge
        name: Click or nudge
        entry:
          trigger: { type: event, event: lead.created }
          next: wait-click
        nodes:
          - id: wait-click
            kind: wait
            wait: { event: email.clicked, timeout: 4d }
            next: clicked
            on_timeout: nudge
          - id: clicked
            kind: exit
            reason: clicked
          - id: nudge
            kind: exit
            reason: no click
        """)

    @Test func anEventWaitMovesOnWhenTheEventComes() {
        let recorder = replay(
            clickOrNudge,
            [
                member(
                    "L", created: "2026-05-01T10:00:00Z",
                    events: [("clicked", .email, "2026-05-02T09:30:00Z")])
            ])
        #expect(recorder.path(of: "L") == ["wait-click", "clicked"])
        let stay = recorder.stays(of: "L")[0]
        #expect(stay.outcome == .event)
        #expect(stay.exitedAt == at("2026-05-02T09:30:00Z"))
        #expect(stay.edgeLabel == "event")
    }

    @Test func anEventWaitTakesTheTimeoutEdgeWhenNothingComes() {
        let recorder = replay(
            clickOrNudge,
            [
                member(
                    "L", created: "2026-05-01T10:00:00Z", events: [("clicked", .sms, "2026-05-02T09:30:00Z")])
            ])
        #expect(recorder.path(of: "L") == ["wait-click", "nudge"])
        let stay = recorder.stays(of: "L")[0]
        #expect(stay.outcome == .timeout)
        #expect(stay.exitedAt == at("2026-05-05T10:00:00Z"))
        #expect(stay.edgeLabel == "timeout")
    }

    @Test func anEventBeforeTheWaitDoesNotCount() {
        let recorder = replay(
            clickOrNudge,
            [
                member(
                    "L", created: "2026-05-01T10:00:00Z",
                    events: [("clicked", .email, "2026-04-30T09:30:00Z")])
            ])
        #expect(recorder.path(of: "L") == ["wait-click", "nudge"])
    }

    @Test func aWindowWaitOpensInTheLeadsOwnZone() {
        let businessHours = journey(
            """
            journey: business-hours
            name: Business hours
            entry:
              trigger: { type: event, event: lead.created }
              next: office
            nodes:
              - id: office
                kind: wait
                wait: { until: { from: "09:00", to: "17:00", days: [mon, tue, wed, thu, fri] } }
                next: done
              - id: done
                kind: exit
            """)
        // Saturday 2026-05-02 12:00 in New York; the window opens Monday 09:00 EDT = 13:00 UTC.
        let weekend = member("W", created: "2026-05-02T16:00:00Z", zone: newYork)
        // Monday 10:00 EDT: already inside, no wait at all.
        let weekday = member("D", created: "2026-05-04T14:00:00Z", zone: newYork)
        let recorder = replay(businessHours, [weekend, weekday])
        #expect(recorder.stays(of: "W")[0].exitedAt == at("2026-05-04T13:00:00Z"))
        #expect(recorder.stays(of: "D")[0].exitedAt == at("2026-05-04T14:00:00Z"))
    }
}
