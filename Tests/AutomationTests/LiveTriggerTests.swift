import Foundation
import Testing
import Workspace

@testable import Automation

/// Triggers on the wall clock: a condition trigger lets a lead in when a property change pushed
/// live makes it come to hold; a time trigger fires at its next fire time over the live leads.
@Suite struct LiveTriggerTests {
    static let hotLeads = """
        journey: hot-leads
        name: Hot leads
        entry:
          trigger:
            type: condition
            when: { type: property, field: score, operator: at_least, value: 80 }
          reentry: never
          next: call
        nodes:
          - id: call
            kind: action
            action: { type: notify, to: "#sales", message: hot lead }
            next: done
          - id: done
            kind: exit
            reason: notified
        """

    @Test func aPropertyChangePushedLiveFiresAConditionTrigger() throws {
        let live = try LiveFixture(journey: Self.hotLeads)
        let t0 = LiveFixture.start
        let created = LiveFixture.iso(t0)
        try live.push([
            #"{"type": "lead", "id": "P1", "created_at": "\#(created)", "properties": {"score": 40}}"#,
            #"{"type": "lead", "id": "P2", "created_at": "\#(created)", "properties": {"score": 10}}"#,
        ])
        try live.runtime.iterate(at: t0)
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions") == 0)
        try live.push([
            #"{"type": "lead", "id": "P1", "created_at": "\#(created)", "properties": {"score": 85}}"#
        ])
        try live.runtime.iterate(at: t0.addingTimeInterval(60))
        #expect(try live.rows("SELECT lead_id, status FROM workflow_executions") == [["P1", "completed"]])
        #expect(
            try live.rows("SELECT lead_id, channel, recipient FROM outbox") == [["P1", "notify", "#sales"]])
    }

    static let morningDigest = """
        journey: morning-digest
        name: Morning digest
        entry:
          trigger: { type: time, schedule: "0 9 * * *" }
          reentry: always
          next: digest
        nodes:
          - id: digest
            kind: action
            action: { type: send, channel: email, template: digest }
            next: done
          - id: done
            kind: exit
            reason: sent
        """

    @Test func aTimeTriggerFiresAtItsNextFireTimeOverTheLiveLeads() throws {
        // 2026-11-02T09:00:00Z is the fixture's start: the leads come at 08:00, the schedule
        // fires at 09:00 in their zone (UTC), and again the next morning.
        let live = try LiveFixture(journey: Self.morningDigest)
        let eight = LiveFixture.start.addingTimeInterval(-3_600)
        try live.push([LiveFixture.lead("T1", at: eight), LiveFixture.lead("T2", at: eight)])
        try live.runtime.iterate(at: eight)
        #expect(try live.count("SELECT COUNT(*) FROM outbox") == 0)
        try live.runtime.iterate(at: LiveFixture.start)
        #expect(
            try live.rows("SELECT lead_id, template FROM outbox ORDER BY lead_id") == [
                ["T1", "digest"], ["T2", "digest"],
            ])
        try live.runtime.iterate(at: LiveFixture.start.addingTimeInterval(86_400))
        #expect(try live.count("SELECT COUNT(*) FROM outbox") == 4)
    }
}
