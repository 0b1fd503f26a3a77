import Foundation
import JourneyModel
import Testing

@testable import ReplayEngine

/// Every node kind on hand-built journeys, with exact paths and times.
@Suite struct NodeKindTests {
    let welcome = journey(
        """
        journey: welcome
        name: Welcome
        entry:
          trigger: { type: event, event: lead.created }
          next: hello
        nodes:
          - id: hello
            kind: action
            action: { type: send, channel: email, template: hello }
            next: wait-2d
          - id: wait-2d
            kind: wait
            wait: { for: 2d }
            next: opened
          - id: opened
            kind: decision
            if: { type: behavior, field: email.opened, operator: exists }
            then: bump
            else: nudge
          - id: bump
            kind: action
            action: { type: score, by: 10 }
            next: tag
          - id: tag
            kind: action
            action: { type: update, field: stage, value: warm }
            next: done
          - id: nudge
            kind: action
            action: { type: send, channel: sms, template: nudge }
            next: done
          - id: done
            kind: exit
            reason: series complete
        """)

    @Test func aLeadThatOpenedTakesTheYesBranchWithItsExplanation() {
        let cohort = [
            member(
                "L1", created: "2026-03-02T10:00:00Z", properties: ["score": 5],
                events: [("opened", .email, "2026-03-02T12:00:00Z")])
        ]
        let recorder = replay(welcome, cohort)
        #expect(recorder.path(of: "L1") == ["hello", "wait-2d", "opened", "bump", "tag", "done"])
        let stays = recorder.stays(of: "L1")
        #expect(stays[1].enteredAt == at("2026-03-02T10:00:00Z"))
        #expect(stays[1].exitedAt == at("2026-03-04T10:00:00Z"))
        #expect(stays[2].edgeLabel == "yes")
        let decision = recorder.decisions.first
        #expect(decision?.branchIndex == 0)
        #expect(decision?.nextNodeID == "bump")
        #expect(decision?.explanation.map(\.field) == ["email.opened"])
        #expect(decision?.explanation.first?.actual == "1")
        #expect(decision?.explanation.first?.matched == true)
        let ending = recorder.ending(of: "L1")
        #expect(ending?.status == .completed)
        #expect(ending?.reason == "series complete")
        #expect(ending?.endedAt == at("2026-03-04T10:00:00Z"))
        let changes = recorder.records.compactMap { record -> PropertyChange? in
            if case .propertyChange(let change) = record { return change } else { return nil }
        }
        #expect(changes.map(\.field) == ["score", "stage"])
        #expect(changes.first?.oldValue == .number(5))
        #expect(changes.first?.newValue == .number(15))
        #expect(changes.last?.newValue == .string("warm"))
        // The recorded open counts for the welcome email.
        #expect(recorder.messages(of: "L1").first?.responses.openedAt == at("2026-03-02T12:00:00Z"))
    }

    @Test func aLeadThatDidNotOpenTakesTheElseBranch() {
        let recorder = replay(welcome, [member("L2", created: "2026-03-02T10:00:00Z")])
        #expect(recorder.path(of: "L2") == ["hello", "wait-2d", "opened", "nudge", "done"])
        #expect(recorder.decisions.first?.branchIndex == nil)
        #expect(recorder.decisions.first?.explanation.first?.actual == "0")
        #expect(recorder.stays(of: "L2")[2].edgeLabel == "no")
        #expect(recorder.messages(of: "L2").map(\.template) == ["hello", "nudge"])
        #expect(recorder.messages(of: "L2").allSatisfy { $0.status == .sent && !$0.responses.engaged })
    }

    @Test func theSummaryCountsNodesEdgesAndDwell() {
        let cohort = [
            member(
                "A", created: "2026-03-02T10:00:00Z", events: [("opened", .email, "2026-03-02T11:00:00Z")]),
            member("B", created: "2026-03-02T11:00:00Z"),
        ]
        let summary = replay(welcome, cohort).summary
        #expect(summary?.leadsAdmitted == 2)
        #expect(summary?.entries == 2)
        #expect(summary?.count(.completed) == 2)
        #expect(summary?.nodes["wait-2d"]?.entered == 2)
        #expect(summary?.nodes["wait-2d"]?.dwell.mean == 172_800)
        #expect(summary?.edges[EdgeKey(from: "opened", to: "bump", label: "yes")] == 1)
        #expect(summary?.edges[EdgeKey(from: "opened", to: "nudge", label: "no")] == 1)
        #expect(summary?.edges[EdgeKey(from: "entry", to: "hello", label: "")] == 2)
        #expect(summary?.channels[.email]?.sent == 2)
        #expect(summary?.channels[.email]?.opened == 1)
        #expect(summary?.channels[.sms]?.sent == 1)
        #expect(summary?.endings[EndingKey(nodeID: "done", status: .completed)] == 2)
    }

    @Test func multiBranchDecisionsExplainEveryBranchTried() {
        let regions = journey(
            """
            journey: regions
            name: Regions
            entry:
              trigger: { type: event, event: lead.created }
              next: by-region
            nodes:
              - id: by-region
                kind: decision
                branches:
                  - if: { type: property, field: state, operator: in, value: [California, Oregon] }
                    then: west
                  - if: { type: property, field: state, operator: equals, value: Texas }
                    then: texas
                else: national
              - id: west
                kind: exit
              - id: texas
                kind: exit
              - id: national
                kind: exit
            """)
        let recorder = replay(
            regions,
            [
                member("T", created: "2026-01-01T00:00:00Z", properties: ["state": "texas"]),
                member("N", created: "2026-01-01T00:00:00Z", properties: ["state": "Ohio"]),
            ])
        #expect(recorder.path(of: "T") == ["by-region", "texas"])
        #expect(recorder.path(of: "N") == ["by-region", "national"])
        let texas = recorder.decisions.first { $0.execution.leadID == "T" }
        #expect(texas?.explanation.map(\.branchIndex) == [0, 1])
        #expect(texas?.explanation.map(\.matched) == [false, true])
        #expect(recorder.stays(of: "T")[0].edgeLabel == "if 2")
        #expect(recorder.stays(of: "N")[0].edgeLabel == "else")
    }

    @Test func aGoalNodeConvertsAndNotifyIsRecorded() {
        let flow = journey(
            """
            journey: flow
            name: Flow
            entry:
              trigger: { type: event, event: lead.created }
              next: tell
            nodes:
              - id: tell
                kind: action
                action: { type: notify, to: sales, message: new lead }
                next: won
              - id: won
                kind: goal
                name: signed
            """)
        let recorder = replay(flow, [member("L", created: "2026-01-01T00:00:00Z")])
        #expect(recorder.ending(of: "L")?.status == .converted)
        #expect(recorder.ending(of: "L")?.reason == "signed")
        #expect(recorder.conversions.first?.nodeID == "won")
        #expect(recorder.summary?.notifications == 1)
        #expect(recorder.summary?.nodes["won"]?.converted == 1)
    }
}
