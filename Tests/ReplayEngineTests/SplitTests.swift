import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

@Suite struct SplitTests {
    func manyLeads(_ count: Int) -> [CohortLead] {
        (0..<count).map { member("lead-\($0)", created: "2026-05-01T00:00:00Z") }
    }

    @Test func tenThousandLeadsFollowTheWeights() {
        let abc = journey(
            """
            journey: abc
            name: ABC
            entry:
              trigger: { type: event, event: lead.created }
              next: test
            nodes:
              - id: test
                kind: split
                paths:
                  - { name: a, weight: 50, next: done }
                  - { name: b, weight: 30, next: done }
                  - { name: c, weight: 20, next: done }
              - id: done
                kind: exit
            """)
        let summary = replay(abc, manyLeads(10_000), configuration: ReplayConfiguration(seed: 7)).summary
        let paths = summary?.splits["test"] ?? [:]
        #expect(paths.values.reduce(0) { $0 + $1.leads } == 10_000)
        for (name, weight) in [("a", 50), ("b", 30), ("c", 20)] {
            let share = Double(paths[name]?.leads ?? 0) / 100
            #expect(abs(share - Double(weight)) < 2, "path \(name): \(share)% for weight \(weight)")
            #expect(paths[name]?.weight == weight)
        }
        #expect(summary?.edges[EdgeKey(from: "test", to: "done", label: "a")] == paths["a"]?.leads)
    }

    @Test func aLeadKeepsItsVariantAcrossRunsAndReentries() {
        let ab = journey(
            """
            journey: ab
            name: AB
            entry:
              trigger: { type: event, event: visited }
              reentry: always
              next: test
            nodes:
              - id: test
                kind: split
                paths:
                  - { name: a, weight: 50, next: done }
                  - { name: b, weight: 50, next: done }
              - id: done
                kind: exit
            """)
        let visits = (0..<200).map { index in
            member(
                "lead-\(index)", created: "2026-05-01T00:00:00Z",
                events: [("visited", nil, "2026-05-02T00:00:00Z"), ("visited", nil, "2026-05-09T00:00:00Z")])
        }
        let recorder = replay(ab, visits)
        let assignments = recorder.records.compactMap { record -> SplitAssignment? in
            if case .splitAssignment(let assignment) = record { return assignment } else { return nil }
        }
        #expect(assignments.count == 400)
        let byLead = Dictionary(grouping: assignments, by: \.execution.leadID)
        #expect(byLead.values.allSatisfy { Set($0.map(\.path)).count == 1 })
        // A different seed reshuffles the variants.
        let reseeded = replay(ab, visits, configuration: ReplayConfiguration(seed: 99)).records.compactMap {
            record -> SplitAssignment? in
            if case .splitAssignment(let assignment) = record { return assignment } else { return nil }
        }
        #expect(reseeded.map(\.path) != assignments.map(\.path))
    }

    @Test func holdoutLeadsLeaveAsControlAndTheirConversionsStillCount() {
        let offer = journey(
            """
            journey: offer
            name: Offer
            entry:
              trigger: { type: event, event: lead.created }
              next: test
            goal:
              name: bought
              when: { type: behavior, field: purchased, operator: exists }
            nodes:
              - id: test
                kind: split
                paths:
                  - { name: offer, weight: 50, next: send-offer }
                holdout: 50
              - id: send-offer
                kind: action
                action: { type: send, channel: email, template: offer }
                next: done
              - id: done
                kind: exit
            """)
        let cohort = (0..<400).map { index in
            member(
                "lead-\(index)", created: "2026-05-01T00:00:00Z",
                events: index % 4 == 0 ? [("purchased", nil, "2026-05-05T00:00:00Z")] : [])
        }
        let recorder = replay(
            offer, cohort, configuration: ReplayConfiguration(horizon: at("2026-06-01T00:00:00Z")))
        let summary = recorder.summary
        let holdout = summary?.splits["test"]?["holdout"]
        let treated = summary?.splits["test"]?["offer"]
        #expect(holdout?.isHoldout == true)
        #expect((holdout?.leads ?? 0) + (treated?.leads ?? 0) == 400)
        #expect((holdout?.conversions ?? 0) + (treated?.conversions ?? 0) == 100)
        #expect(summary?.count(.exited) == holdout?.leads)
        #expect(summary?.count(.completed) == treated?.leads)
        #expect(summary?.conversionsAfterExit == 100)
        let controlLead = recorder.executionsEnded.first { $0.status == .exited }
        #expect(controlLead?.reason == "holdout at test")
        #expect(recorder.stays(of: controlLead?.execution.leadID ?? "").map(\.outcome) == [.holdout])
        let conversion = recorder.conversions.first { $0.execution.leadID == "lead-0" }
        #expect(conversion?.afterExit == true)
        #expect(conversion?.at == at("2026-05-05T00:00:00Z"))
        #expect(conversion?.splitPaths.map(\.nodeID) == ["test"])
    }

    @Test func simulatedControlGroupsConvertAtTheOrganicRate() {
        let offer = journey(
            """
            journey: offer
            name: Offer
            entry:
              trigger: { type: event, event: lead.created }
              next: test
            nodes:
              - id: test
                kind: split
                paths:
                  - { name: offer, weight: 50, next: send-offer }
                holdout: 50
              - id: send-offer
                kind: action
                action: { type: send, channel: email, template: offer }
                next: done
              - id: done
                kind: exit
            """)
        let behavior = LeadBehavior(
            preferredChannel: .email, conversionPropensity: 0.5, organicConversionProbability: 0.1,
            meanOrganicConversionDelay: 86_400)
        let cohort = (0..<2_000).map {
            member("lead-\($0)", created: "2026-05-01T00:00:00Z", behavior: behavior)
        }
        let summary = replay(
            offer, cohort,
            configuration: ReplayConfiguration(mode: .simulated, horizon: at("2026-07-01T00:00:00Z"))
        ).summary
        let control = summary?.splits["test"]?["holdout"]?.conversionRate ?? 0
        let treated = summary?.splits["test"]?["offer"]?.conversionRate ?? 0
        #expect(abs(control - 0.1) < 0.03, "control \(control)")
        #expect(treated > control + 0.1, "treated \(treated) vs control \(control)")
    }
}
