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
    /// The `step_words` code of each `RunWords` number met so far (0 until met).
    private var codesByNumber: [Int64] = []

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

    /// The inserters of the connection the last batch was written on: kept from batch to
    /// batch with their statements and buffers (the writer's connection is always the same).
    private var inserters: Inserters?

    private struct Inserters {
        let db: Database
        let executions: BatchInserter
        let stays: BatchInserter
        let messages: BatchInserter
        let handoffs: BatchInserter
        let conversions: BatchInserter

        init(_ db: Database) {
            self.db = db
            executions = BatchInserter(
                db: db, table: "execution_rows", columns: CompactStepWriter.executionColumns)
            stays = BatchInserter(db: db, table: "stay_rows", columns: CompactStepWriter.stayColumns)
            messages = BatchInserter(db: db, table: "message_rows", columns: CompactStepWriter.messageColumns)
            handoffs = BatchInserter(db: db, table: "agent_handoffs", columns: RunBatch.handoffColumns)
            conversions = BatchInserter(db: db, table: "conversions", columns: RunBatch.conversionColumns)
        }
    }

    func write(_ batch: RunBatch, _ db: Database) throws {
        let inserters = self.inserters.flatMap { $0.db === db ? $0 : nil } ?? Inserters(db)
        // Kept only once this batch is written whole: a failed write leaves rows behind.
        self.inserters = nil
        let (executions, stays, messages) = (inserters.executions, inserters.stays, inserters.messages)
        let (handoffs, conversions) = (inserters.handoffs, inserters.conversions)
        for leaves in batch.leaves { try write(leaves, db) }
        var key = try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(key), 0) FROM execution_rows") ?? 0
        for execution in batch.executions {
            key += 1
            let start = EpochSeconds.seconds(execution.ended.startedAt)
            try appendRow(execution, key: key, start: start, to: executions, db)
            let end = execution.ended.status == .active ? nil : EpochSeconds.seconds(execution.ended.endedAt)
            try append(execution.stays, key: key, start: start, ended: end, words: batch.words, to: stays, db)
            try append(execution.messages, key: key, start: start, words: batch.words, to: messages, db)
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
        self.inserters = inserters
    }

    private func appendRow(
        _ execution: EndedExecution, key: Int64, start: Int64, to inserter: BatchInserter, _ db: Database
    ) throws {
        let ended = execution.ended
        inserter.add(key)
        inserter.add(runID)
        inserter.add(ended.execution.leadID)
        inserter.add(Int64(ended.execution.rotation))
        inserter.add(try words.code(ended.status.rawValue, in: db))
        inserter.add(try words.codeIfAny(ended.nodeID, in: db))
        inserter.add(try words.code(execution.trigger, in: db))
        inserter.add(Int64(ended.steps))
        inserter.add(try words.codeIfAny(ended.reason, in: db))
        inserter.add(start)
        inserter.add(ended.status == .active ? nil : EpochSeconds.seconds(ended.endedAt) - start)
        try inserter.endRow()
    }

    /// A stay's `dwell` and `next` are left NULL when they are what the view works out (the
    /// next stay's entry and node; for the last, the execution's end and no node), which they
    /// nearly always are; -1 and 0 stand for "none" where that is not what it works out.
    private func append(
        _ stays: [RecordedStay], key: Int64, start: Int64, ended: Int64?, words list: [String],
        to inserter: BatchInserter, _ db: Database
    ) throws {
        try Self.checkRoom(stays.count, "stays", key: key)
        for index in stays.indices {
            let stay = stays[index]
            let last = index + 1 == stays.count
            let exited = stay.exited == RecordedStay.none ? nil : stay.exited
            inserter.add(key * CompactStepLogSchema.rowsPerExecution + Int64(index) + 1)
            inserter.add(try code(stay.node, in: list, db))
            inserter.add(Int64(stay.visit))
            inserter.add(stay.entered - start)
            if exited == (last ? ended : stays[index + 1].entered) {
                inserter.addNull()
            } else {
                inserter.add(exited.map { $0 - stay.entered } ?? -1)
            }
            inserter.add(try code(stay.outcome, in: list, db))
            if stay.next == (last ? RecordedStay.noWord : stays[index + 1].node) {
                inserter.addNull()
            } else if stay.next != RecordedStay.noWord {
                inserter.add(try code(stay.next, in: list, db))
            } else {
                inserter.add(0)
            }
            if let verdicts = stay.verdicts { inserter.add(verdicts) } else { inserter.addNull() }
            try inserter.endRow()
        }
    }

    private func append(
        _ messages: [RecordedMessage], key: Int64, start: Int64, words list: [String],
        to inserter: BatchInserter, _ db: Database
    ) throws {
        try Self.checkRoom(messages.count, "messages", key: key)
        for (index, message) in messages.enumerated() {
            func after(_ seconds: Int64) -> Int64? {
                seconds == RecordedStay.none ? nil : seconds - message.requested
            }
            inserter.add(key * CompactStepLogSchema.rowsPerExecution + Int64(index) + 1)
            inserter.add(try code(message.node, in: list, db))
            inserter.add(try words.code(message.channel.rawValue, in: db))
            inserter.add(try code(message.template, in: list, db))
            inserter.add(try words.code(message.status.rawValue, in: db))
            inserter.add(try words.codeIfAny(message.reason?.rawValue, in: db))
            inserter.add(message.requested - start)
            inserter.add(after(message.sent))
            inserter.add(after(message.opened))
            inserter.add(after(message.clicked))
            inserter.add(after(message.replied))
            inserter.add(after(message.unsubscribed))
            try inserter.endRow()
        }
    }

    /// The `step_words` code of the word numbered `number` in `list` (a `RunWords` list).
    private func code(_ number: Int32, in list: [String], _ db: Database) throws -> Int64 {
        let index = Int(number)
        if index < codesByNumber.count, codesByNumber[index] != 0 { return codesByNumber[index] }
        if index >= codesByNumber.count {
            codesByNumber.append(contentsOf: repeatElement(0, count: index + 1 - codesByNumber.count))
        }
        let code = try words.code(list[index], in: db)
        codesByNumber[index] = code
        return code
    }

    /// The leaves a decision's verdicts name, once per journey version (`decision_leaves`): the
    /// explanation's constant part, which `node_stays.explanation` joins back to the verdicts.
    private func write(_ leaves: DecisionLeaves, _ db: Database) throws {
        for (offset, verdict) in leaves.verdicts.enumerated() {
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO decision_leaves
                        (workflow_id, version, node_id, leaf, branch, type, field, operator, expected)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    journeyRowID, version, leaves.node, leaves.first + offset, verdict.branchIndex,
                    verdict.type,
                    verdict.field, verdict.op, verdict.expected,
                ])
        }
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
