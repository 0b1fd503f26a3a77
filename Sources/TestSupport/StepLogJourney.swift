import Foundation
import JourneyModel
import ReplayEngine

/// The journey every step-log check replays: a split with its holdout, an event wait with a
/// timeout, a decision and a handoff to a human who takes one lead at a time (so handoffs
/// queue), over 240 seeded leads of whom some convert on their own (so held-out leads convert
/// after they exit). AnalyticsTests recomputes the report from its step log, WorkspaceTests the
/// summaries.
public enum StepLogJourney {
    public static let start = Date(timeIntervalSince1970: 1_780_000_000)

    public static let journeyYAML = """
        journey: step-log-check
        name: Step log check
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: offer-test
        goal:
          name: replied
          when: { type: behavior, field: replied, operator: at_least, value: 1 }
        nodes:
          - id: offer-test
            kind: split
            paths:
              - { name: email-first, weight: 45, next: intro-email }
              - { name: sms-first, weight: 45, next: intro-sms }
            holdout: 10
          - id: intro-email
            kind: action
            action: { type: send, channel: email, template: intro }
            next: wait-open
          - id: wait-open
            kind: wait
            wait: { event: email.opened, timeout: 2d }
            next: engaged
            on_timeout: nudge-sms
          - id: nudge-sms
            kind: action
            action: { type: send, channel: sms, template: nudge }
            next: wait-1d
          - id: intro-sms
            kind: action
            action: { type: send, channel: sms, template: intro-sms }
            next: wait-click
          - id: wait-click
            kind: wait
            wait: { event: sms.clicked, timeout: 1d }
            next: engaged
            on_timeout: no-click
          - id: no-click
            kind: exit
            reason: no click
          - id: wait-1d
            kind: wait
            wait: { for: 1d }
            next: engaged
          - id: engaged
            kind: decision
            if: { type: property, field: score, operator: at_least, value: 40 }
            then: to-human
            else: done
          - id: to-human
            kind: action
            action: { type: handoff, to: { kind: human, expertise: [sales] }, reason: engaged lead }
            next: after-handoff
          - id: after-handoff
            kind: wait
            wait: { for: 3d }
            next: done
          - id: done
            kind: exit
            reason: finished
        """

    public static let rosterYAML = """
        agents:
          - id: ana
            name: Ana
            kind: human
            channels: [email, sms, chat]
            expertise: [sales]
            capacity: 1
            time_zone: America/New_York
            working_hours: { days: [mon, tue, wed, thu, fri], from: "09:00", to: "17:00" }
        """

    public static func cohort() -> [CohortLead] {
        (0..<240).map { i in
            let lead = Lead(
                id: String(format: "L%03d", i), properties: ["score": .number(Double(i % 100))],
                timeZone: TimeZone(identifier: "America/New_York") ?? .gmt,
                consents: i % 9 == 0 ? [.email] : [.email, .sms, .chat],
                createdAt: start.addingTimeInterval(Double(i) * 1_800))
            let preferred: Channel = [.email, .sms, .chat][i % 3]
            // Some convert on their own, so held-out leads convert after they exit.
            return CohortLead(
                lead: lead,
                behavior: LeadBehavior(
                    preferredChannel: preferred, organicConversionProbability: 0.3,
                    meanOrganicConversionDelay: 2 * 86_400))
        }
    }
}
