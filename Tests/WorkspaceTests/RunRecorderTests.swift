import Foundation
import GRDB
import Testing

@testable import Workspace

@Suite struct RunRecorderTests {
    func seeded() throws -> TestWorkspace {
        try TestWorkspace(seed: WorkspaceSeed(files: try Repository.seedFiles()))
    }

    func start() -> RunStart {
        RunStart(
            journey: "welcome-series", version: 1, cohort: "sample", seed: 7, mode: .recorded,
            engineVersion: "test")
    }

    func batch(leads: Range<Int>) -> RunBatch {
        var batch = RunBatch()
        for i in leads {
            let lead = "L\(i)"
            let execution = "exec-\(i)"
            batch.executions.append(
                ExecutionRow(
                    id: execution, leadID: lead, rotation: 1, status: i % 2 == 0 ? .completed : .converted,
                    currentStep: "done", startedAt: 1000, completedAt: 2000))
            batch.stays.append(
                NodeStayRow(
                    leadID: lead, rotation: 1, nodeID: "welcome-email", enteredAt: 1000, exitedAt: 1000,
                    outcome: "next", nextNodeID: "wait-2d"))
            batch.messages.append(
                MessageRow(
                    leadID: lead, rotation: 1, nodeID: "welcome-email", channel: "email", template: "welcome",
                    status: .sent, requestedAt: 1000, sentAt: 1000, openedAt: i % 3 == 0 ? 1500 : nil))
            if i % 5 == 0 {
                batch.handoffs.append(
                    HandoffRow(
                        id: "h-\(i)", executionID: execution, leadID: lead, fromAgentID: "email-bot",
                        toAgentID: "sms-bot", reason: "no email reply in 3 days",
                        contextJSON: #"{"score":40}"#,
                        createdAt: 1200, assignedAt: 1230, nodeID: nil, rule: "email-silence"))
            }
        }
        return batch
    }

    @Test func aRunIsWrittenInBatchesThenFinished() throws {
        let test = try seeded()
        let writer = BackgroundRunWriter(try test.workspace.beginRun(start()), capacity: 2)
        #expect(try test.workspace.runStatus(writer.runID) == .running)
        for part in 0..<10 { try writer.submit(batch(leads: part * 100..<(part + 1) * 100)) }
        var summaries = RunSummaries()
        summaries.counts.leads = 1000
        summaries.counts.entries = 1000
        summaries.counts.conversions = 500
        summaries.nodes = [["node_id": "welcome-email", "entered": 1000, "exited": 1000]]
        summaries.channels = [["channel": "email", "sent": 1000, "opened": 334]]
        try writer.finish(status: .completed, summaries: summaries)
        #expect(try test.workspace.runStatus(writer.runID) == .completed)
        #expect(try test.count("workflow_executions") == 1000)
        #expect(try test.count("node_stays") == 1000)
        #expect(try test.count("messages") == 1000)
        #expect(try test.count("agent_handoffs") == 200)
        let run = try test.workspace.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM runs") }
        #expect(run?["conversions"] == 500)
        #expect(run?["leads"] == 1000)
        let wait = try test.workspace.pool.read { db in
            try Int.fetchOne(db, sql: "SELECT MAX(queue_wait_seconds) FROM agent_handoffs")
        }
        #expect(wait == 30)
        let opened = try test.workspace.pool.read { db in
            try Int.fetchOne(
                db, sql: "SELECT opened FROM run_channel_summary WHERE run_id = ?", arguments: [writer.runID])
        }
        #expect(opened == 334)
    }

    @Test func aBatchWithADuplicateStepIsRefusedWhole() throws {
        let test = try seeded()
        let writer = try test.workspace.beginRun(start())
        try writer.write(batch(leads: 0..<10))
        var again = batch(leads: 10..<20)
        again.stays.append(
            NodeStayRow(leadID: "L3", rotation: 1, nodeID: "welcome-email", enteredAt: 1, exitedAt: 2))
        #expect(throws: WorkspaceError.self) { try writer.write(again) }
        #expect(try test.count("node_stays") == 10)
        #expect(try test.count("workflow_executions") == 10)
    }

    @Test func aRunWhoseWriterDiedIsMarkedInterruptedOnTheNextOpen() throws {
        let test = try seeded()
        let writer = try test.workspace.beginRun(start())
        // Pretend the writer was a process that no longer exists.
        try test.workspace.pool.write { db in
            try db.execute(
                sql: "UPDATE runs SET writer_pid = 2147483646 WHERE id = ?", arguments: [writer.runID])
        }
        let reopened = try Workspace.open(at: test.path)
        #expect(try reopened.runStatus(writer.runID) == .interrupted)
        // A run written by this (living) process is left running.
        let live = try reopened.beginRun(start())
        _ = try Workspace.open(at: test.path)
        #expect(try reopened.runStatus(live.runID) == .running)
    }

    @Test func archivingAJourneyKeepsItsRuns() throws {
        let test = try seeded()
        let writer = try test.workspace.beginRun(start())
        try writer.write(batch(leads: 0..<5))
        try writer.finish(status: .completed, summaries: RunSummaries())
        try test.workspace.archive("welcome-series")
        #expect(try test.count("workflow_executions") == 5)
        #expect(try test.workspace.runStatus(writer.runID) == .completed)
    }
}
