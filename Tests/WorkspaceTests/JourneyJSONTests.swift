import Foundation
import JourneyModel
import Testing

@testable import Workspace

/// The journey's JSON is built from the model; it must equal its canonical YAML read back,
/// which is what the API and the plan's columns gave before.
@Suite struct JourneyJSONTests {
    static let everyKey = """
        journey: every-key
        name: "Every key: 1"
        description: "line one\\nline two"
        entry:
          trigger:
            type: condition
            when:
              all:
                - { type: property, field: state, operator: in, value: [California, "07", 3, true] }
                - not: { type: property, field: score, operator: less_than, value: -2.5 }
          audience: { type: property, field: country, operator: equals, value: "yes" }
          reentry: { after: 30d }
          next: route
        goal:
          name: converted
          when: { type: behavior, field: converted, operator: exists }
        policy:
          frequency_cap: { per_day: 2, per_week: 5 }
          channel_caps:
            sms: { per_day: 1, per_week: 2 }
            chat: { per_week: 1 }
          when_capped: skip
          quiet_hours: { from: "21:00", to: "08:00" }
          max_steps: 100
          stale_after: 1d12h
          max_sends_per_minute: 100
          max_steps_per_minute: 1000
          handoff_rules:
            - name: email-silence
              when:
                any:
                  - { type: time, field: days_since_entry, operator: at_least, value: 3 }
                  - { type: behavior, field: email.clicked, operator: at_least, value: 1, within: 2h, since: last_send }
              to: { channel: sms, kind: bot }
              reason: no email reply in 3 days
        nodes:
          - id: route
            label: Route 66
            kind: decision
            branches:
              - if: { type: property, field: state, operator: equals, value: Texas }
                then: test
              - if:
                  not:
                    any:
                      - { type: property, field: zip, operator: exists }
                      - { type: engagement, field: score, operator: between, value: [0.1, 1e21] }
                then: wait-window
            else: wait-event
          - id: test
            kind: split
            paths:
              - { name: a, weight: 45, next: send }
              - { name: b, weight: 45, next: score }
            holdout: 10
          - id: wait-window
            kind: wait
            wait: { until: { from: "09:00", to: "18:00", days: [mon, fri] } }
            next: hand
          - id: wait-event
            kind: wait
            wait: { event: email.opened, timeout: 2d }
            next: notify
            on_timeout: hook
          - id: send
            kind: action
            action: { type: send, channel: best, template: welcome }
            next: update
          - id: update
            kind: action
            action: { type: update, field: stage, value: null }
            next: done
          - id: score
            kind: action
            action: { type: score, by: -0.30000000000000004 }
            next: done
          - id: hand
            kind: action
            action: { type: handoff, to: { kind: human, expertise: [demo, "2fa"] }, reason: high intent }
            next: done
          - id: notify
            kind: action
            action: { type: notify, to: "#sales", message: "Hot: lead" }
            next: done
          - id: hook
            kind: action
            action: { type: webhook, url: "https://x.example/h", retries: 5, backoff: 2m, failure_rate: 0.02 }
            next: won
          - id: won
            kind: goal
            name: won
          - id: done
            kind: exit
            reason: finished
        """

    static func sampleTexts() throws -> [String] {
        let folder = Repository.root.appendingPathComponent("sample-journeys")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".journey.yaml") }.sorted()
        return try names.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            + [everyKey]
    }

    @Test func modelJSONEqualsTheCanonicalYAMLReadBack() throws {
        for text in try Self.sampleTexts() {
            let read = JourneyReader.read(text, file: "j.yaml")
            let journey = try #require(read.journey, "\(read.diagnostics)")
            let viaYAML = try #require(JourneyJSON.json(ofYAML: JourneyWriter.write(journey)))
            let direct = JourneyJSON.json(of: journey)
            #expect(direct == viaYAML, "\(journey.id)")
            #expect(JSONText.encode(direct) == JSONText.encode(viaYAML))
        }
    }

    /// The live-only policy keys are typed as their YAML reads (a duration is text, a count a
    /// number), and a JSON body carrying them reads back as the same journey.
    @Test func livePolicyKeysGoThroughJSONAndBack() throws {
        let journey = try #require(JourneyReader.read(Self.everyKey, file: "j.yaml").journey)
        let json = JourneyJSON.json(of: journey)
        #expect(json["policy"]?["stale_after"] == .string("1d12h"))
        #expect(json["policy"]?["max_sends_per_minute"] == .number(100))
        #expect(json["policy"]?["max_steps_per_minute"] == .number(1000))
        let back = JourneyReader.read(JSONText.encode(json), file: "j.json")
        #expect(back.diagnostics.map(\.description) == [])
        #expect(back.journey == journey)
    }
}
