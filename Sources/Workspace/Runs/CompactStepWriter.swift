import Foundation
import GRDB
import ReplayEngine

/// Writes ended executions as compact step-log rows (docs/schema.md, "How the step log is
/// stored"): one `execution_rows` row under the next key, then its stays and messages under ids
/// `key × 8192 + 1, 2, ...` in the order they happened, times as seconds after its start, words
/// as codes. Runs on the run writer's thread inside its transaction.
final class CompactStepWriter {
    let runID: Int64
    let journeyRowID: String
    let version: Int
    private let words = StepWords()
    /// Per decision node, how many of its leaves `decision_leaves` holds for this version.
    private var leavesWritten: [String: Int] = [:]

    static let executionColumns = [
        "key", "run_id", "lead_id", "rotation", "status", "current_step", "trigger", "steps", "reason",
        "started_at", "ended_after",
    ]
    static let stayColumns = ["id", "node", "visit", "entered", "dwell", "outcome", "next", "verdicts"]
    static let messageColumns = [
        "id", "node", "channel", "template", "status", "reason", "requested", "sent", "opened", "clicked",
        "replied", "unsubscribed",
    ]

    init(runID: Int64, journeyRowID: String, version: Int) {
        self.runID = runID
        self.journeyRowID = journeyRowID
        self.version = version
    }

    func write(_ batch: RunBatch, _ db: Database) throws {
        let executions = BatchInserter(db: db, table: "execution_rows", columns: Self.executionColumns)
        let stays = BatchInserter(db: db, table: "stay_rows", columns: Self.stayColumns)
        let messages = BatchInserter(db: db, table: "message_rows", columns: Self.messageColumns)
        let handoffs = BatchInserter(db: db, table: "agent_handoffs", columns: RunBatch.handoffColumns)
        let conversions = BatchInserter(db: db, table: "conversions", columns: RunBatch.conversionColumns)
        var key = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(key), 0) FROM execution_rows") ?? 0
        for execution in batch.executions {
            key += 1
            let start = EpochSeconds.seconds(execution.ended.startedAt)
            try executions.append(executionRow(execution, key: key, start: start, db))
            let end = execution.ended.status == .active ? nil : EpochSeconds.seconds(execution.ended.endedAt)
            try append(execution.stays, key: key, start: start, ended: end, to: stays, db)
            try append(execution.messages, key: key, start: start, to: messages, db)
            guard !execution.handoffs.isEmpty else { continue }
            let id = RunRecorder.executionID(run: runID, sequence: key)
            for handoff in execution.handoffs {
                try handoffs.append(RunRecorder.row(handoff, run: runID, execution: id))
            }
        }
        for row in batch.conversions { try conversions.append(row) }
        try executions.flush()
        try stays.flush()
        try messages.flush()
        try handoffs.flush()
        try conversions.flush()
    }

    private func executionRow(_ execution: EndedExecution, key: Int64, start: Int64, _ db: Database) throws
        -> [SQLValue]
    {
        let ended = execution.ended
        return [
            .integer(key), .integer(runID), .text(ended.execution.leadID),
            .integer(Int64(ended.execution.rotation)),
            try words.code(ended.status.rawValue, in: db), try words.code(ended.nodeID, in: db),
            try words.code(execution.trigger, in: db), .integer(Int64(ended.steps)),
            try words.code(ended.reason, in: db),
            .integer(start),
            ended.status == .active ? .null : .integer(EpochSeconds.seconds(ended.endedAt) - start),
        ]
    }

    /// A stay's `dwell` and `next` are left NULL when they are what the view works out (the
    /// next stay's entry and node; for the last, the execution's end and no node), which they
    /// nearly always are; -1 and 0 stand for "none" where that is not what it works out.
    private func append(
        _ stays: [RecordedStay], key: Int64, start: Int64, ended: Int64?, to inserter: BatchInserter,
        _ db: Database
    ) throws {
        try Self.checkRoom(stays.count, "stays", key: key)
        for (index, stay) in stays.enumerated() {
            let following = index + 1 < stays.count ? stays[index + 1] : nil
            let exited = stay.exited == RecordedStay.none ? nil : stay.exited
            let dwell: SQLValue =
                exited == (following?.entered ?? ended)
                ? .null : .integer(exited.map { $0 - stay.entered } ?? -1)
            let next: SQLValue
            if stay.next == following?.node {
                next = .null
            } else if let nextNode = stay.next {
                next = .integer(try words.code(nextNode, in: db))
            } else {
                next = .integer(0)
            }
            try inserter.append([
                .integer(key * CompactStepLogSchema.rowsPerExecution + Int64(index) + 1),
                try words.code(stay.node, in: db), .integer(Int64(stay.visit)),
                .integer(stay.entered - start), dwell,
                try words.code(stay.outcome, in: db), next, try verdicts(stay.verdicts, of: stay.node, db),
            ])
        }
    }

    /// A decision's verdicts as `stay_rows.verdicts`: `1`/`0` per leaf, then the actual values as
    /// a JSON list (`01["0","43"]`).
    private func verdicts(_ verdicts: [LeafVerdict]?, of node: String, _ db: Database) throws -> SQLValue {
        guard let verdicts else { return .null }
        try writeLeaves(verdicts, of: node, db)
        var text = String(verdicts.map { $0.matched ? "1" : "0" }) + "["
        for (i, verdict) in verdicts.enumerated() {
            if i > 0 { text += "," }
            JSONText.writeString(verdict.actual, into: &text)
        }
        return .text(text + "]")
    }

    private func append(
        _ messages: [RecordedMessage], key: Int64, start: Int64, to inserter: BatchInserter, _ db: Database
    ) throws {
        try Self.checkRoom(messages.count, "messages", key: key)
        for (index, message) in messages.enumerated() {
            func after(_ seconds: Int64) -> SQLValue {
                seconds == RecordedStay.none ? .null : .integer(seconds - message.requested)
            }
            try inserter.append([
                .integer(key * CompactStepLogSchema.rowsPerExecution + Int64(index) + 1),
                try words.code(message.node, in: db), try words.code(message.channel.rawValue, in: db),
                try words.code(message.template, in: db), try words.code(message.status.rawValue, in: db),
                try words.code(message.reason?.rawValue, in: db), .integer(message.requested - start),
                after(message.sent), after(message.opened), after(message.clicked), after(message.replied),
                after(message.unsubscribed),
            ])
        }
    }

    /// The leaves a decision's verdicts name, once per journey version (`decision_leaves`): the
    /// explanation's constant part, which `node_stays.explanation` joins back to the verdicts.
    private func writeLeaves(_ verdicts: [LeafVerdict], of node: String, _ db: Database) throws {
        let written = leavesWritten[node, default: 0]
        guard verdicts.count > written else { return }
        for (leaf, verdict) in verdicts.enumerated().dropFirst(written) {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO decision_leaves
                        (workflow_id, version, node_id, leaf, branch, type, field, operator, expected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    journeyRowID, version, node, leaf, verdict.branchIndex, verdict.type, verdict.field,
                    verdict.op,
                    verdict.expected,
                ])
        }
        leavesWritten[node] = verdicts.count
    }

    /// An execution's rows are numbered within its key's 8,191 places; more would spill into
    /// the next key's, so the run fails instead (a journey's `max_steps` keeps far below it).
    static func checkRoom(_ count: Int, _ what: String, key: Int64) throws {
        guard count < CompactStepLogSchema.rowsPerExecution else {
            throw DatabaseError(
                message: "an execution recorded \(count) \(what); the step log holds at most "
                    + "\(CompactStepLogSchema.rowsPerExecution - 1) per execution")
        }
    }
}
