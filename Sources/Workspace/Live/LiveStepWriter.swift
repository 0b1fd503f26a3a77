import Foundation
import GRDB
import JourneyModel
import ReplayEngine

extension Workspace {
    /// Writes live steps in one transaction: each journey's records as rows of its live run,
    /// its outward actions as outbox rows (handoffs routed to agents), the changed leads'
    /// states and wake-ups, the arrival cursor, and a guard's pause. A crash before the commit
    /// loses the steps whole; the engine repeats them from the stored states, with the same
    /// idempotency keys.
    public func writeLiveSteps(_ steps: [LiveStep], at now: Date) throws(WorkspaceError) {
        try write { db in
            for step in steps {
                var writer = LiveRowWriter(db: db, step: step, now: now)
                try writer.write()
            }
        }
    }
}

/// The rows of one live step.
struct LiveRowWriter {
    let db: Database
    let step: LiveStep
    let now: Date
    private var explanations: [String: String] = [:]
    private var totals = RunTotals()
    /// One encoder for the step's lead states, and each execution's id made once.
    private let encoder = JSONEncoder()
    private let executionIDs = ExecutionIDCache()
    private let words = StepWords()
    private static let insertMessage =
        "INSERT INTO messages (\(RunBatch.messageColumns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: RunBatch.messageColumns.count).joined(separator: ", ") + ")"

    private static let insertConversion =
        "INSERT INTO conversions (\(RunBatch.conversionColumns.joined(separator: ", "))) VALUES ("
        + Array(repeating: "?", count: RunBatch.conversionColumns.count).joined(separator: ", ") + ")"

    init(db: Database, step: LiveStep, now: Date) {
        self.db = db
        self.step = step
        self.now = now
    }

    var runID: Int64 { step.run.runID }

    func executionID(_ key: ExecutionKey) -> String { executionIDs.id(of: key, run: runID) }

    mutating func write() throws {
        for record in step.records { try write(record) }
        for lead in step.leads { try save(lead) }
        for (execution, reason) in step.failedAfterEnd.sorted(by: { $0.key < $1.key }) {
            let failed = try words.code("failed", in: db)
            try db.execute(
                sql: """
                    UPDATE execution_rows SET status = ?, reason = ? WHERE uuid = ?
                        AND status NOT IN (SELECT code FROM step_words WHERE word IN ('active', 'failed'))
                    """,
                arguments: [failed, try words.codeIfAny(reason, in: db), execution])
            totals.failed += db.changesCount
        }
        try db.execute(
            sql: "UPDATE live_runs SET arrival_cursor = ? WHERE run_id = ?",
            arguments: [step.arrivalCursor, runID])
        try totals.add(to: runID, db)
        if let reason = step.pauseReason {
            try db.execute(
                sql: """
                    INSERT INTO live_journeys (workflow_id, state, reason, changed_at) VALUES (?, 'paused', ?, ?)
                    ON CONFLICT (workflow_id) DO UPDATE SET state = 'paused', reason = excluded.reason,
                        changed_at = excluded.changed_at
                    """, arguments: [step.run.journeyRowID, reason, now.timeIntervalSince1970])
        }
    }

    private mutating func write(_ record: ReplayRecord) throws {
        switch record {
        case .executionStarted(let started):
            totals.entries += 1
            try db.executeCached(
                sql: """
                    INSERT INTO workflow_executions (id, run_id, workflow_id, lead_id, rotation, status, current_step,
                        context, started_at)
                    SELECT ?1, ?2, ?3, ?4, ?5, 'active', NULL, ?6, ?7
                    WHERE NOT EXISTS (SELECT 1 FROM execution_rows WHERE uuid = ?1)
                    """,
                arguments: [
                    executionID(started.execution), runID, step.run.journeyRowID, started.execution.leadID,
                    started.execution.rotation,
                    JSONText.encode(.object(["trigger": .string(started.trigger)])),
                    EpochSeconds.seconds(started.at),
                ])
        case .executionEnded(let ended):
            try end(ended)
        case .nodeStay(let stay):
            try insert(stay)
        case .decision(let decision):
            explanations["\(decision.execution)|\(decision.nodeID)"] = RunRecorder.explanationJSON(
                decision.explanation)
        case .message(let message):
            try insert(message)
        case .outward(let action):
            try enqueue(action)
        case .conversion(let conversion):
            // As a replay counts `runs.conversions`: executions that converted.
            if !conversion.afterExit { totals.conversions += 1 }
            try db.executeCached(
                sql: Self.insertConversion,
                arguments: StatementArguments(RunBatch.row(conversion, run: runID).map(\.databaseValue)))
        case .handoff, .splitAssignment, .webhookAttempt, .notification, .propertyChange:
            break
        }
    }

    private mutating func end(_ ended: ExecutionEnded) throws {
        switch ended.status {
        case .failed: totals.failed += 1
        case .halted: totals.halted += 1
        default: break
        }
        try db.executeCached(
            sql: """
                UPDATE execution_rows SET status = ?, current_step = ?, reason = ?, ended_after = ? - started_at,
                    steps = ?
                WHERE uuid = ?
                """,
            arguments: [
                try words.code(ended.status.rawValue, in: db),
                try words.codeIfAny(ended.nodeID, in: db),
                try words.codeIfAny(ended.reason, in: db),
                ended.status == .active ? nil : EpochSeconds.seconds(ended.endedAt),
                ended.steps,
                executionID(ended.execution),
            ])
    }

    private mutating func insert(_ stay: NodeStay) throws {
        let explanation = explanations.removeValue(forKey: "\(stay.execution)|\(stay.nodeID)")
        try db.executeCached(
            sql: """
                INSERT INTO node_stays (run_id, lead_id, rotation, node_id, visit, entered_at, exited_at, outcome,
                    next_node_id, explanation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                runID, stay.execution.leadID, stay.execution.rotation, stay.nodeID, stay.visit,
                EpochSeconds.seconds(stay.enteredAt), stay.exitedAt.map(EpochSeconds.seconds),
                stay.storedOutcome,
                stay.nextNodeID, explanation,
            ])
    }

    private mutating func insert(_ message: MessageRecord) throws {
        switch message.status {
        case .sent: totals.sent += 1
        case .suppressed: totals.suppressed += 1
        case .deferred: break
        }
        try db.executeCached(
            sql: Self.insertMessage,
            arguments: StatementArguments(RunRecorder.row(message, run: runID).map(\.databaseValue)))
    }

    /// An outward action becomes an outbox row keyed `EXECUTION:NODE:VISIT`; a send asked
    /// longer ago than the journey's `stale_after` is written `skipped_stale`, never delivered.
    private mutating func enqueue(_ action: OutwardAction) throws {
        let execution = executionID(action.execution)
        var request = OutboxRequest(
            idempotencyKey: OutboxKey.make(execution: execution, node: action.nodeID, visit: action.visit),
            journey: step.run.journey, version: step.run.version, node: action.nodeID,
            leadID: action.execution.leadID, channel: "", requestedAt: action.at.timeIntervalSince1970)
        request.payload = .object(["execution_id": .string(execution)])
        switch action.kind {
        case .send(let channel, let template):
            request.channel = channel.rawValue
            request.template = template
        case .notify(let target, let message):
            request.channel = "notify"
            request.recipient = target
            request.payload = .object(["execution_id": .string(execution), "message": .string(message)])
        case .webhook(let url):
            request.channel = "webhook"
            request.recipient = url
        case .handoff(let handoff, let target):
            // Routed now, against the agents' real load and hours; its outbox row is written
            // when an agent takes it.
            totals.handoffs += 1
            _ = try Workspace.requestLiveHandoff(
                LiveHandoffRequest(
                    id: "\(execution)/\(handoff.id.split(separator: "/").last ?? "1")", runID: runID,
                    executionID: execution, leadID: action.execution.leadID, journey: step.run.journey,
                    version: step.run.version, node: handoff.nodeID ?? action.nodeID, rule: handoff.rule,
                    target: target, reason: handoff.reason,
                    context: (try? JSON.parse(RunRecorder.contextJSON(handoff))) ?? .object([:]),
                    idempotencyKey: request.idempotencyKey, requestedAt: action.at.timeIntervalSince1970),
                in: db, now: now.timeIntervalSince1970)
            return
        }
        guard try Workspace.enqueue(request, in: db) else { return }
        if case .send = action.kind, action.at < step.staleBefore {
            try db.execute(
                sql: "UPDATE outbox SET state = 'skipped_stale', last_error = ? WHERE idempotency_key = ?",
                arguments: ["overdue beyond the journey's stale_after", request.idempotencyKey])
        }
    }

    private func save(_ lead: LiveLeadState) throws {
        let snapshot = lead.snapshot
        let waiting = snapshot.waiting
        let state = String(decoding: try encoder.encode(snapshot), as: UTF8.self)
        try db.executeCached(
            sql: """
                INSERT INTO live_leads (run_id, lead_id, execution_id, node_id, visit, due_at, waits_for, deadline_at,
                    state, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, lead_id) DO UPDATE SET execution_id = excluded.execution_id,
                    node_id = excluded.node_id, visit = excluded.visit, due_at = excluded.due_at,
                    waits_for = excluded.waits_for, deadline_at = excluded.deadline_at, state = excluded.state,
                    updated_at = excluded.updated_at
                """,
            arguments: [
                runID, snapshot.leadID, snapshot.executionKey.map(executionID), snapshot.position?.node,
                snapshot.position?.visit, lead.wakesAt?.timeIntervalSince1970, waiting?.event,
                waiting?.event == nil ? nil : waiting?.until?.timeIntervalSince1970, state,
                now.timeIntervalSince1970,
            ])
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let value): return value.databaseValue
        case .real(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        case .null: return .null
        }
    }
}

/// What a step adds to its run's totals (`runs.entries`, `conversions`, ...).
struct RunTotals {
    var entries = 0
    var conversions = 0
    var failed = 0
    var halted = 0
    var sent = 0
    var suppressed = 0
    var handoffs = 0

    func add(to runID: Int64, _ db: Database) throws {
        try db.executeCached(
            sql: """
                UPDATE runs SET entries = entries + ?, conversions = conversions + ?,
                    executions_failed = executions_failed + ?, executions_halted = executions_halted + ?,
                    messages_sent = messages_sent + ?, messages_suppressed = messages_suppressed + ?,
                    handoffs = handoffs + ?
                WHERE id = ?
                """, arguments: [entries, conversions, failed, halted, sent, suppressed, handoffs, runID])
    }
}

/// Execution ids by execution, so a step that touches one execution several times (its start,
/// stays, sends, end, state) hashes it once.
final class ExecutionIDCache {
    private var ids: [ExecutionKey: String] = [:]

    func id(of key: ExecutionKey, run: Int64) -> String {
        if let id = ids[key] { return id }
        let id = LiveExecutionID.make(run: run, execution: key)
        ids[key] = id
        return id
    }
}
