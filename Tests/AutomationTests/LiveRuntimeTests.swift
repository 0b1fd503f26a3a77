import Foundation
import Testing
import Workspace

@testable import Automation

/// The live runtime on a stepped clock: leads pushed enter, waits end on time, events wake the
/// leads waiting for them, every send becomes one outbox row with its idempotency key, every
/// position is stored with its step, and a restart carries on from the stored positions.
@Suite struct LiveRuntimeTests {
    static let followUp = """
        journey: opened-follow-up
        name: Opened follow-up
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: welcome
        nodes:
          - id: welcome
            kind: action
            action: { type: send, channel: email, template: welcome }
            next: pause
          - id: pause
            kind: wait
            wait: { for: 3s }
            next: opened
          - id: opened
            kind: decision
            if: { type: behavior, field: email.opened, operator: exists }
            then: follow-up
            else: done
          - id: follow-up
            kind: action
            action: { type: send, channel: sms, template: follow-up }
            next: done
          - id: done
            kind: exit
            reason: series complete
        """

    let t0 = LiveFixture.start

    func pushThreeLeads(_ live: LiveFixture) throws {
        try live.push((1...3).map { LiveFixture.lead("L\($0)", at: t0) })
    }

    @Test func leadsEnterWaitAndFollowTheirEvents() throws {
        let live = try LiveFixture(journey: Self.followUp)
        try pushThreeLeads(live)
        try live.runtime.iterate(at: t0)
        #expect(
            try live.rows("SELECT lead_id, channel, template, state FROM outbox ORDER BY lead_id") == [
                ["L1", "email", "welcome", "pending"], ["L2", "email", "welcome", "pending"],
                ["L3", "email", "welcome", "pending"],
            ])
        // Each position is stored: at the wait, waking 3 s later.
        #expect(
            try live.rows(
                "SELECT lead_id, node_id, visit, due_at - \(t0.timeIntervalSince1970) FROM live_leads ORDER BY lead_id"
            ) == [
                ["L1", "pause", "1", "3.0"], ["L2", "pause", "1", "3.0"], ["L3", "pause", "1", "3.0"],
            ])
        try live.push([LiveFixture.event("L2", "opened", channel: "email", at: t0.addingTimeInterval(1))])
        try live.run(from: t0.addingTimeInterval(1), through: t0.addingTimeInterval(4))
        #expect(
            try live.rows("SELECT lead_id, channel FROM outbox WHERE channel = 'sms'") == [["L2", "sms"]])
        #expect(
            try live.rows("SELECT lead_id, status, reason FROM workflow_executions ORDER BY lead_id") == [
                ["L1", "completed", "series complete"], ["L2", "completed", "series complete"],
                ["L3", "completed", "series complete"],
            ])
        #expect(try live.count("SELECT COUNT(*) FROM live_leads WHERE execution_id IS NOT NULL") == 0)
        #expect(
            try live.rows("SELECT mode, status, entries, messages_sent FROM runs") == [
                ["live", "running", "3", "4"]
            ])
        // One key per execution, node and visit.
        let keys = try live.rows("SELECT idempotency_key FROM outbox").map { $0[0] }
        #expect(Set(keys).count == 4)
        #expect(keys.allSatisfy { $0.hasSuffix(":welcome:1") || $0.hasSuffix(":follow-up:1") })
    }

    @Test func theLiveRunsSummariesFollowItsStepLog() throws {
        let live = try LiveFixture(journey: Self.followUp)
        try pushThreeLeads(live)
        try live.push([LiveFixture.event("L2", "opened", channel: "email", at: t0.addingTimeInterval(1))])
        try live.run(from: t0, through: t0.addingTimeInterval(4))
        let refresher = LiveSummaryRefresher(workspace: live.workspace)
        refresher.refreshChanged(now: t0.addingTimeInterval(5))
        #expect(
            try live.rows("SELECT node_id, entered, exited FROM run_node_summary ORDER BY node_id") == [
                ["done", "3", "3"], ["follow-up", "1", "1"], ["opened", "3", "3"], ["pause", "3", "3"],
                ["welcome", "3", "3"],
            ])
        #expect(try live.rows("SELECT entries, messages_sent FROM runs") == [["3", "4"]])
    }

    @Test func aRestartResumesFromTheStoredPositions() throws {
        let live = try LiveFixture(journey: Self.followUp)
        try pushThreeLeads(live)
        try live.runtime.iterate(at: t0)
        live.restart()
        try live.push([LiveFixture.event("L3", "opened", channel: "email", at: t0.addingTimeInterval(2))])
        try live.run(from: t0.addingTimeInterval(2), through: t0.addingTimeInterval(5))
        #expect(try live.rows("SELECT lead_id FROM outbox WHERE channel = 'sms'") == [["L3"]])
        #expect(try live.count("SELECT COUNT(*) FROM outbox") == 4)
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions WHERE status = 'completed'") == 3)
    }

    @Test func aSendOverdueBeyondStaleAfterIsSkippedNotDelivered() throws {
        let live = try LiveFixture(journey: Self.followUp)
        try pushThreeLeads(live)
        try live.push([LiveFixture.event("L1", "opened", channel: "email", at: t0.addingTimeInterval(1))])
        try live.runtime.iterate(at: t0)
        // Down for two days: the waits fell due long ago; they run at once on restart.
        live.restart()
        try live.runtime.iterate(at: t0.addingTimeInterval(2 * 86_400))
        #expect(
            try live.rows("SELECT lead_id, state FROM outbox WHERE channel = 'sms'") == [
                ["L1", "skipped_stale"]
            ])
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions WHERE status = 'completed'") == 3)
    }

    @Test func aJourneyDeactivatedStopsAndItsRunStays() throws {
        let live = try LiveFixture(journey: Self.followUp)
        try pushThreeLeads(live)
        try live.runtime.iterate(at: t0)
        #expect(try live.count("SELECT COUNT(*) FROM live_runs") == 1)
        // A second activation of the same version reuses its run.
        live.restart()
        try live.runtime.iterate(at: t0.addingTimeInterval(3))
        #expect(try live.count("SELECT COUNT(*) FROM live_runs") == 1)
        #expect(try live.count("SELECT COUNT(*) FROM runs WHERE mode = 'live'") == 1)
    }
}

/// Handoffs live: the step asks, the store routes to an agent free now (a bot takes at once,
/// a person at capacity makes the next one queue), and the agent's outbox row carries the key.
@Suite struct LiveHandoffRuntimeTests {
    static let handToPeople = """
        journey: hand-to-people
        name: Hand to people
        entry:
          trigger: { type: event, event: lead.created }
          reentry: never
          next: hand
        nodes:
          - id: hand
            kind: action
            action: { type: handoff, to: { kind: human, expertise: [closing] }, reason: ready to buy }
            next: done
          - id: done
            kind: exit
            reason: handed over
        """

    static let roster = """
        agents:
          - id: ana
            name: Ana
            kind: human
            channels: [email]
            expertise: [closing]
            capacity: 1
            time_zone: UTC
            working_hours: { days: [mon, tue, wed, thu, fri, sat, sun], from: "00:00", to: "23:59" }
        """

    @Test func theFirstIsAssignedTheSecondQueuesUntilTheFirstIsCompleted() throws {
        let live = try LiveFixture(journey: Self.handToPeople)
        try live.workspace.importAgents(yaml: Self.roster, file: "agents.yaml")
        let t0 = LiveFixture.start
        try live.push(["H1", "H2"].map { LiveFixture.lead($0, at: t0) })
        try live.runtime.iterate(at: t0)
        #expect(
            try live.rows("SELECT lead_id, state, to_agent_id FROM agent_handoffs ORDER BY lead_id") == [
                ["H1", "assigned", "ana"], ["H2", "queued", "-"],
            ])
        #expect(
            try live.rows("SELECT lead_id, channel, recipient FROM outbox") == [["H1", "handoff", "ana"]])
        let first = try live.rows("SELECT id FROM agent_handoffs WHERE lead_id = 'H1'")[0][0]
        try live.workspace.completeHandoff(first, now: t0.timeIntervalSince1970 + 5)
        #expect(
            try live.rows("SELECT state, to_agent_id FROM agent_handoffs WHERE lead_id = 'H2'") == [
                ["assigned", "ana"]
            ])
        #expect(try live.count("SELECT COUNT(*) FROM outbox WHERE channel = 'handoff'") == 2)
        #expect(try live.count("SELECT COUNT(*) FROM workflow_executions WHERE status = 'completed'") == 2)
    }
}
