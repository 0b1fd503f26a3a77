import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// One engine, two clocks: the same leads and events played as a replay (everything known in
/// advance, virtual time) and live (each lead and event handed over when a stepped clock
/// reaches it, nothing known ahead) give the same paths, the same endings and the same
/// messages; and a live engine stopped at any moment and resumed from its stored lead states
/// carries on exactly as if it had never stopped.
@Suite struct TwoClocksTests {
    let flow = journey(
        """
        journey: two-clocks
        name: Two clocks
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: welcome
        goal:
          name: customer
          when: { type: behavior, field: converted, operator: at_least, value: 1 }
        policy:
          frequency_cap: { per_day: 2 }
          quiet_hours: { from: "21:00", to: "08:00" }
        nodes:
          - id: welcome
            kind: action
            action: { type: send, channel: email, template: welcome }
            next: wait-open
          - id: wait-open
            kind: wait
            wait: { event: email.opened, timeout: 2d }
            next: opened
            on_timeout: test
          - id: opened
            kind: action
            action: { type: score, by: 10 }
            next: test
          - id: test
            kind: split
            paths:
              - { name: a, weight: 45, next: tier }
              - { name: b, weight: 45, next: nudge }
            holdout: 10
          - id: tier
            kind: decision
            if: { type: property, field: plan, operator: equals, value: pro }
            then: nudge
            else: wait-day
          - id: nudge
            kind: action
            action: { type: send, channel: sms, template: nudge }
            next: wait-day
          - id: wait-day
            kind: wait
            wait: { for: 1d }
            next: offer
          - id: offer
            kind: action
            action: { type: send, channel: email, template: offer }
            next: done
          - id: done
            kind: exit
            reason: series complete
        """)

    /// Leads every 7 minutes over a day; about half open the welcome (some late, some never),
    /// a few convert, a few unsubscribe. No event falls on the same second as a wake-up.
    func cohort(_ count: Int) -> [CohortLead] {
        (0..<count).map { index in
            let created = Date(timeIntervalSince1970: 1_777_000_000 + Double(index) * 420 + 13)
            var events: [LeadEvent] = []
            let id = "lead-\(index)"
            func event(_ type: String, _ channel: Channel?, after seconds: Double) {
                events.append(
                    LeadEvent(
                        leadID: id, type: type, channel: channel,
                        time: created.addingTimeInterval(seconds + 0.5)))
            }
            if index % 2 == 0 { event("opened", .email, after: Double(600 + index * 977 % 200_000)) }
            if index % 7 == 0 { event("converted", nil, after: Double(90_000 + index * 31)) }
            if index % 11 == 0 { event("unsubscribed", .sms, after: 3_600) }
            let lead = Lead(
                id: id, properties: ["plan": .string(index % 3 == 0 ? "pro" : "free")],
                timeZone: index % 2 == 0 ? utc : newYork, createdAt: created)
            return CohortLead(lead: lead, events: events)
        }
    }

    /// Lead creations and events in time order: what arrives live, and when.
    enum Arrival {
        case lead(CohortLead)
        case event(LeadEvent)

        var time: Date {
            switch self {
            case .lead(let member): return member.lead.createdAt
            case .event(let event): return event.time
            }
        }
    }

    func arrivals(_ cohort: [CohortLead]) -> [Arrival] {
        let all = cohort.map(Arrival.lead) + cohort.flatMap { $0.events.map(Arrival.event) }
        return all.enumerated().sorted {
            $0.element.time != $1.element.time ? $0.element.time < $1.element.time : $0.offset < $1.offset
        }.map(\.element)
    }

    /// Plays the arrivals on a stepped wall clock; after `restartAfter` arrivals, the engine is
    /// dropped and a new one resumes from the lead states the old one handed over.
    func live(_ cohort: [CohortLead], restartAfter: Int? = nil) -> [ReplayRecord] {
        let recorder = CollectingRecorder()
        var engine = JourneyEngine(journey: flow, configuration: .live(), recorder: recorder)
        var stored: [String: LeadSnapshot] = [:]
        for (index, arrival) in arrivals(cohort).enumerated() {
            engine.advance(through: arrival.time)
            engine.setClock(arrival.time)
            switch arrival {
            case .lead(let member): engine.admit(CohortLead(lead: member.lead))
            case .event(let event): engine.receive(event)
            }
            engine.advance(through: arrival.time)
            for snapshot in engine.takeChanges() { stored[snapshot.leadID] = snapshot }
            if index + 1 == restartAfter {
                let clock = engine.now
                engine = JourneyEngine(journey: flow, configuration: .live(), recorder: recorder)
                engine.setClock(clock)
                for snapshot in stored.values.sorted(by: { $0.leadID < $1.leadID }) {
                    // Round-trips through its stored form, as `live_leads.state` keeps it.
                    let text = (try? JSONEncoder().encode(snapshot)) ?? Data()
                    if let decoded = try? JSONDecoder().decode(LeadSnapshot.self, from: text) {
                        engine.restore(decoded)
                    }
                }
            }
        }
        engine.advance(through: .distantFuture)
        return recorder.records
    }

    func paths(_ records: [ReplayRecord]) -> [String: [String]] {
        var paths: [String: [String]] = [:]
        for record in records {
            switch record {
            case .nodeStay(let stay):
                paths[stay.execution.description, default: []].append(
                    "\(stay.nodeID)→\(stay.outcome.rawValue)")
            case .executionEnded(let end):
                paths[end.execution.description, default: []].append("end:\(end.status.rawValue)")
            case .message(let message):
                paths[message.execution.description, default: []].append(
                    "\(message.template):\(message.status.rawValue):\(message.reason?.rawValue ?? "")")
            default:
                break
            }
        }
        return paths
    }

    @Test func replayAndLiveTakeTheSamePaths() {
        let leads = cohort(200)
        let replayed = replay(flow, leads).records
        let lived = live(leads)
        #expect(paths(replayed).count == 200)
        #expect(paths(lived) == paths(replayed))
        // Live hands every send to the outbox, once per node visit.
        let sends = lived.compactMap { record -> OutwardAction? in
            if case .outward(let action) = record { return action } else { return nil }
        }
        let sent = replayed.filter {
            if case .message(let message) = $0 { return message.status == .sent } else { return false }
        }
        #expect(sends.count == sent.count)
        #expect(Set(sends.map { "\($0.execution)/\($0.nodeID)/\($0.visit)" }).count == sends.count)
    }

    @Test(arguments: [1, 57, 200, 333])
    func aRestartedEngineCarriesOnFromTheStoredStates(after arrivals: Int) {
        let leads = cohort(200)
        #expect(paths(live(leads, restartAfter: arrivals)) == paths(live(leads)))
    }
}
