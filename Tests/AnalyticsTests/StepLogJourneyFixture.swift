import Foundation
import GRDB
import JourneyModel
import ReplayEngine
import Testing

@testable import Workspace

/// A journey with a split and its holdout, an event wait with a timeout, a decision and a handoff
/// to a human who takes one lead at a time (so handoffs queue), replayed over 240 seeded leads
/// of whom some convert on their own (so held-out leads convert after they exit), up to a
/// horizon that leaves some waiting. (WorkspaceTests' StepLogSummariesTests replays the same.)
enum StepLogJourneyFixture {
    static let start = Date(timeIntervalSince1970: 1_780_000_000)

    static let journeyYAML = """
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

    static let rosterYAML = """
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

    static func cohort() -> [CohortLead] {
        (0..<240).map { i in
            let lead = Lead(
                id: String(format: "L%03d", i), properties: ["score": .number(Double(i % 100))],
                timeZone: TimeZone(identifier: "America/New_York") ?? .gmt,
                consents: i % 9 == 0 ? [.email] : [.email, .sms, .chat],
                createdAt: start.addingTimeInterval(Double(i) * 1_800))
            let preferred: Channel = [.email, .sms, .chat][i % 3]
            return CohortLead(
                lead: lead,
                behavior: LeadBehavior(
                    preferredChannel: preferred, organicConversionProbability: 0.3,
                    meanOrganicConversionDelay: 2 * 86_400))
        }
    }

    struct Replayed {
        let workspace: Workspace
        let runID: Int64
        let journey: Journey
        let folder: URL
    }

    /// The journey replayed into a fresh workspace the way `cairn replay` does.
    static func replay() throws -> Replayed {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-steplog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let workspace = try Workspace.open(at: folder.appendingPathComponent("w.db").path)
        let saved = try workspace.saveJourney(yaml: journeyYAML, file: "check.journey.yaml")
        let journey = try #require(JourneyReader.read(journeyYAML, file: "check.journey.yaml").journey)
        let agents = try workspace.importAgents(yaml: rosterYAML, file: "agents.yaml")
        try workspace.pool.write { db in
            try db.execute(
                sql:
                    "INSERT INTO cohorts (name, origin, author, created_at, lead_count) VALUES ('c', 'csv', 't', 0, 240)"
            )
        }
        let horizon = start.addingTimeInterval(6 * 86_400)
        let recorder = try workspace.startRun(
            ReplayOrder(
                journey: journey.id, version: saved.version, cohort: "c", seed: 7, mode: .simulated,
                horizon: horizon),
            engineVersion: "test")
        _ = Replay.run(
            journey: journey, cohort: cohort(), agents: agents,
            configuration: ReplayConfiguration(seed: 7, mode: .simulated, horizon: horizon),
            recorder: recorder)
        #expect(recorder.failure == nil)
        return Replayed(workspace: workspace, runID: recorder.runID, journey: journey, folder: folder)
    }
}
