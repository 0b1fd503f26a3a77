import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// The engine's recorder for a run stored in the workspace. On the engine's thread it turns
/// records into rows, gathers them in fixed-size batches, and keeps the figures the engine's
/// summary has no records for (drop-off reasons, paths taken); a `RunWriter` thread writes the
/// batches. `finish` drains the writer and writes the summaries and the run's totals in one
/// transaction, so a dashboard reads a run's summary whole or not at all.
public final class RunRecorder: ReplayRecorder {
    public let runID: Int64
    private let journeyRowID: String
    private let pool: DatabasePool
    private let path: String
    private let batchRows: Int
    private let writer: RunWriter
    private var batch = RunBatch()
    /// The words the recorded stays and messages name by number.
    private var words = RunWords()
    /// How many leaves of each decision node (by word number) the writer was handed.
    private var leavesHanded: [Int] = []

    private var dropoff: [DropoffKey: Int] = [:]
    /// Node sequences taken, counted; none kept once there are too many distinct ones.
    private var paths = PathCounter(
        maxDistinct: RunRecorder.maxDistinctPaths, maxLength: RunRecorder.maxPathLength)
    static let maxDistinctPaths = 50_000
    static let maxPathLength = 64
    /// Per execution still in flight: its trigger, its decisions' verdicts waiting for the stay
    /// that ends them, the stays, messages and handoffs it recorded (written with its row when
    /// it ends, side by side), its last stay's outcome. Found by the lead's slot.
    private var executions = InFlightTable()

    /// The first write failure; the run is then marked `failed` with it.
    public private(set) var failure: WorkspaceError?
    /// Called on the engine's thread every thousand leads admitted (progress bars).
    public var onProgress: ((ReplayProgress) -> Void)?

    /// A reference, so that a record changes it in place without copying it out of the table.
    final class InFlight {
        let key: ExecutionKey
        /// Where `InFlightTable` filed it: its lead's slot, or nil (by key).
        var slot: Int?
        var trigger = ""
        /// The verdicts of the decision just recorded, for the stay that ends it (which the
        /// engine records next): the decision's node and `stay_rows.verdicts`.
        var verdicts: (node: String, text: String)?
        var stays: [RecordedStay] = []
        var messages: [RecordedMessage] = []
        var handoffs: [HandoffRecord] = []
        var lastOutcome: StayOutcome?

        init(_ key: ExecutionKey) {
            self.key = key
            stays.reserveCapacity(12)
        }

        /// Adds a message, with room for four at the first: grown one by one, an execution's
        /// messages were copied twice on the way to the four a series usually sends.
        func append(_ message: RecordedMessage) {
            if messages.capacity == 0 { messages.reserveCapacity(4) }
            messages.append(message)
        }
    }

    struct DropoffKey: Hashable {
        var node: String
        var reason: String
    }

    init(
        workspace: Workspace, runID: Int64, journeyRowID: String, version: Int, batchRows: Int,
        queueDepth: Int
    ) {
        self.runID = runID
        self.journeyRowID = journeyRowID
        self.pool = workspace.pool
        self.path = workspace.path
        self.batchRows = max(1, batchRows)
        self.writer = RunWriter(
            pool: workspace.pool,
            rows: CompactStepWriter(runID: runID, journeyRowID: journeyRowID, version: version),
            capacity: queueDepth)
    }

    public func record(_ record: ReplayRecord) {
        self.record(record, lead: nil)
    }

    public func record(_ record: ReplayRecord, lead slot: Int) {
        self.record(record, lead: Optional(slot))
    }

    public func record(stay: NodeStay, lead slot: Int) {
        nodeStay(stay, slot)
        if batch.rowCount >= batchRows { flushBatch() }
    }

    private func record(_ record: ReplayRecord, lead slot: Int?) {
        switch record {
        case .executionStarted(let started):
            inFlight(started.execution, slot).trigger = started.trigger
        case .executionEnded(let ended):
            executionEnded(ended, slot)
        case .nodeStay(let stay):
            nodeStay(stay, slot)
        case .decision(let decision):
            handLeaves(of: decision)
            inFlight(decision.execution, slot).verdicts = (
                decision.nodeID, RecordedStay.verdictsText(decision.explanation)
            )
        case .message(let message):
            inFlight(message.execution, slot).append(RecordedMessage(message, words: &words))
        case .handoff(let handoff):
            inFlight(handoff.execution, slot).handoffs.append(handoff)
        case .conversion(let conversion):
            batch.append(conversion: RunBatch.row(conversion, run: runID))
        case .splitAssignment, .webhookAttempt, .notification, .propertyChange, .outward:
            // Counted in the engine's summary; a split's path is its stay's outcome.
            break
        }
        if batch.rowCount >= batchRows { flushBatch() }
    }

    /// `execution`'s state, added when first seen; `slot` is its lead's, when told.
    private func inFlight(_ execution: ExecutionKey, _ slot: Int?) -> InFlight {
        executions.execution(execution, slot: slot)
    }

    private func nodeStay(_ stay: NodeStay, _ slot: Int?) {
        let state = inFlight(stay.execution, slot)
        var verdicts: String?
        if let decided = state.verdicts, decided.node == stay.nodeID {
            verdicts = decided.text
            state.verdicts = nil
        }
        if stay.outcome != .completed, stay.outcome != .converted {
            state.lastOutcome = stay.outcome
        }
        state.stays.append(RecordedStay(stay, verdicts: verdicts, words: &words))
    }

    /// Hands the writer the leaves of `decision` that no earlier decision at its node showed.
    private func handLeaves(of decision: DecisionRecord) {
        let node = Int(words.number(decision.nodeID))
        if node >= leavesHanded.count {
            leavesHanded.append(contentsOf: repeatElement(0, count: node + 1 - leavesHanded.count))
        }
        let handed = leavesHanded[node]
        guard decision.explanation.count > handed else { return }
        batch.leaves.append(
            DecisionLeaves(
                node: decision.nodeID, first: handed, verdicts: Array(decision.explanation.dropFirst(handed)))
        )
        leavesHanded[node] = decision.explanation.count
    }

    private func executionEnded(_ ended: ExecutionEnded, _ slot: Int?) {
        let state = inFlight(ended.execution, slot)
        executions.remove(state)
        paths.count(state.stays.lazy.map(\.node))
        if let reason = Self.dropoffReason(ended.status, lastOutcome: state.lastOutcome) {
            dropoff[DropoffKey(node: ended.nodeID ?? "entry", reason: reason), default: 0] += 1
        }
        batch.append(
            EndedExecution(
                ended: ended, trigger: state.trigger, stays: state.stays, messages: state.messages,
                handoffs: state.handoffs))
    }

    /// A decision's leaves as the canonical JSON `JSONText` would write (keys sorted), written
    /// directly: one per decision is on the engine's thread, a million times a run.
    static func explanationJSON(_ leaves: [LeafVerdict]) -> String {
        var out = "["
        out.reserveCapacity(leaves.count * 120)
        for (index, leaf) in leaves.enumerated() {
            out += index == 0 ? "{\"actual\":" : ",{\"actual\":"
            JSONText.writeString(leaf.actual, into: &out)
            out += ",\"branch\":\(leaf.branchIndex),\"expected\":"
            JSONText.writeString(leaf.expected, into: &out)
            out += ",\"field\":"
            JSONText.writeString(leaf.field, into: &out)
            out += leaf.matched ? ",\"matched\":true,\"operator\":" : ",\"matched\":false,\"operator\":"
            JSONText.writeString(leaf.op, into: &out)
            out += ",\"type\":"
            JSONText.writeString(leaf.type, into: &out)
            out += "}"
        }
        return out + "]"
    }

    /// Drop-off reasons of docs/analytics.md; nil for a conversion, which is no drop-off.
    static func dropoffReason(_ status: ExecutionStatus, lastOutcome: StayOutcome?) -> String? {
        switch status {
        case .converted: return nil
        case .completed: return lastOutcome == .timeout ? "timed_out" : "completed"
        case .exited: return "exited"
        case .halted: return "halted"
        case .failed: return "failed"
        case .active: return "waiting"
        }
    }

    /// A handoff as an `agent_handoffs` row of run `run`, naming its execution by id.
    static func row(_ handoff: HandoffRecord, run: Int64, execution: String) -> [SQLValue] {
        [
            .text("\(run):\(handoff.id)"), .integer(run), .text(execution),
            .text(handoff.execution.leadID), SQLValue(handoff.fromAgentID), SQLValue(handoff.toAgentID),
            .text(handoff.reason), .text(contextJSON(handoff)),
            .integer(EpochSeconds.seconds(handoff.requestedAt)),
            SQLValue(handoff.assignedAt.map(EpochSeconds.seconds)),
            SQLValue(handoff.queueWaitWholeSeconds), SQLValue(handoff.nodeID),
            SQLValue(handoff.rule),
        ]
    }

    /// The context an agent receives, as `agent_handoffs.context` stores it.
    public static func contextJSON(_ handoff: HandoffRecord) -> String {
        JSONText.encode(
            .object([
                "conversation": .array(
                    handoff.context.conversation.map { entry in
                        .object([
                            "at": .string(EpochSeconds.format(EpochSeconds.seconds(entry.at))),
                            "channel": entry.channel.map { .string($0.rawValue) } ?? .null,
                            "type": .string(entry.type), "template": entry.template.map(JSON.string) ?? .null,
                        ])
                    }),
                "score": handoff.context.score.map(JSON.number) ?? .null,
                "previous_agents": .array(handoff.context.previousAgents.map(JSON.string)),
                "reason": .string(handoff.context.reason),
                "metadata": .object(handoff.context.metadata.mapValues(JSON.string)),
                "outcome": .string(handoff.outcome.rawValue),
            ]))
    }

    static func row(_ m: MessageRecord, run: Int64) -> [SQLValue] {
        [
            .integer(run), .text(m.execution.leadID), .integer(Int64(m.execution.rotation)), .text(m.nodeID),
            .text(m.channel.rawValue), .text(m.template), .text(m.status.rawValue),
            SQLValue(m.reason?.rawValue),
            .integer(EpochSeconds.seconds(m.requestedAt)), SQLValue(m.sentAt.map(EpochSeconds.seconds)),
            SQLValue(m.responses.openedAt.map(EpochSeconds.seconds)),
            SQLValue(m.responses.clickedAt.map(EpochSeconds.seconds)),
            SQLValue(m.responses.repliedAt.map(EpochSeconds.seconds)),
            SQLValue(m.responses.unsubscribedAt.map(EpochSeconds.seconds)),
        ]
    }

    /// The id of the execution stored under `sequence` (its `execution_rows.key`, given in the
    /// order executions end): a UUID of version 8 (RFC 9562's custom layout) holding the run and
    /// the key, `0000002a-0000-8000-8000-000000000007`, as the `workflow_executions` view makes
    /// it. Ids of one run sort in the order the executions were written.
    static func executionID(run: Int64, sequence: Int64) -> String {
        func hex(_ value: UInt64, _ digits: Int) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - text.count)) + text
        }
        let runPart = hex(UInt64(truncatingIfNeeded: run) & 0xFFFF_FFFF, 8)
        let high = hex((UInt64(truncatingIfNeeded: sequence) >> 48) & 0xFFFF, 4)
        return
            "\(runPart)-\(high)-8000-8000-\(hex(UInt64(truncatingIfNeeded: sequence) & 0xFFFF_FFFF_FFFF, 12))"
    }

    private func flushBatch() {
        guard !batch.isEmpty else { return }
        batch.words = words.list
        writer.submit(batch)
        batch = RunBatch()
    }

    public func progress(_ progress: ReplayProgress) {
        onProgress?(progress)
    }

    public func finish(_ summary: ReplaySummary) {
        // Executions the engine never ended (it ends every one) would stay unwritten: their rows
        // are written with the execution's own.
        flushBatch()
        if let error = writer.close() {
            failure = WorkspaceError.from(error, path: path)
        }
        do {
            try pool.write { db in try writeSummaries(db, summary) }
        } catch {
            failure = failure ?? WorkspaceError.from(error, path: path)
        }
    }

    private func writeSummaries(_ db: Database, _ summary: ReplaySummary) throws {
        try writeNodeSummaries(db, summary.nodes)
        for (edge, leads) in summary.edges.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: """
                    INSERT INTO run_edge_summary (run_id, from_node_id, to_node_id, label, leads) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO UPDATE SET leads = leads + excluded.leads
                    """, arguments: [runID, edge.from, edge.to, edge.label, leads])
        }
        for (key, leads) in dropoff.sorted(by: { ($0.key.node, $0.key.reason) < ($1.key.node, $1.key.reason) }
        ) {
            try db.execute(
                sql: "INSERT INTO run_dropoff_summary (run_id, node_id, reason, leads) VALUES (?, ?, ?, ?)",
                arguments: [runID, key.node, key.reason, leads])
        }
        try writeSplitSummaries(db, summary.splits)
        try writeChannelSummaries(db, summary.channels)
        try writeHandoffSummaries(db, summary.handoffs.byRoute)
        try RunEntrySummary.write(db, run: runID, summary.entry)
        for (path, executions) in (paths.paths(words: words.list) ?? [:]).sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO run_path_summary (run_id, path, executions) VALUES (?, ?, ?)",
                arguments: [runID, path, executions])
        }
        try writeTotals(db, summary)
    }

    private func writeNodeSummaries(_ db: Database, _ nodes: [String: NodeTally]) throws {
        for (node, tally) in nodes.sorted(by: { $0.key < $1.key }) {
            let dwell = tally.dwell
            try db.execute(
                sql: """
                    INSERT INTO run_node_summary (run_id, node_id, entered, exited, converted, dwell_count,
                        dwell_total_seconds, dwell_min, dwell_p50, dwell_p90, dwell_p99, dwell_max, dwell_histogram)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, node, tally.entered, dwell.count, tally.converted, dwell.count, dwell.total,
                    dwell.min,
                    dwell.percentile(50), dwell.percentile(90), dwell.percentile(99), dwell.max,
                    JSONText.encode(.array(DurationHistogram.counts(dwell).map { .number(Double($0)) })),
                ])
        }
    }

    private func writeSplitSummaries(_ db: Database, _ splits: [String: [String: SplitPathTally]]) throws {
        for (node, paths) in splits.sorted(by: { $0.key < $1.key }) {
            for (path, tally) in paths.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: """
                        INSERT INTO run_split_summary (run_id, node_id, path, is_holdout, weight, leads, conversions)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        runID, node, path, tally.isHoldout, Double(tally.weight), tally.leads,
                        tally.conversions,
                    ])
            }
        }
    }

    private func writeChannelSummaries(_ db: Database, _ channels: [Channel: ChannelTally]) throws {
        for (channel, tally) in channels.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: """
                    INSERT INTO run_channel_summary (run_id, channel, sent, deferred, suppressed_consent,
                        suppressed_frequency_cap, suppressed_quiet_hours, suppressed_unsubscribed, opened, clicked,
                        replied, converted, unsubscribed)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, channel.rawValue, tally.sent, tally.deferred, tally.suppressed[.consent] ?? 0,
                    tally.suppressed[.frequencyCap] ?? 0, tally.suppressed[.quietHours] ?? 0,
                    tally.suppressed[.unsubscribed] ?? 0, tally.opened, tally.clicked, tally.replied,
                    tally.converted, tally.unsubscribed,
                ])
        }
    }

    private func writeHandoffSummaries(_ db: Database, _ routes: [HandoffRoute: RouteTally]) throws {
        for (route, tally) in routes.sorted(by: { $0.key < $1.key }) {
            let waits = tally.waits
            try db.execute(
                sql: """
                    INSERT INTO run_handoff_summary (run_id, from_agent_id, to_agent_id, handoff_reason, handoffs, queued,
                        wait_total_seconds, wait_p50, wait_p90, within_30s)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    runID, route.fromAgentID, route.toAgentID, route.reason, tally.handoffs,
                    tally.notAssignedAtOnce,
                    waits.total, waits.percentile(50), waits.percentile(90), waits.count(atMost: 30),
                ])
        }
    }

    /// The run's own row: how it ended and its totals.
    private func writeTotals(_ db: Database, _ summary: ReplaySummary) throws {
        let status = failure != nil ? "failed" : (summary.cancelled ? "cancelled" : "completed")
        try db.execute(
            sql: """
                UPDATE runs SET status = ?, status_reason = ?, finished_at = ?, leads = ?, entries = ?, conversions = ?,
                    executions_failed = ?, executions_halted = ?, messages_sent = ?, messages_suppressed = ?, handoffs = ?
                WHERE id = ?
                """,
            arguments: [
                status, failure?.description, EpochSeconds.now(), summary.leadsAdmitted, summary.entries,
                summary.conversions, summary.count(.failed), summary.count(.halted), summary.messagesSent,
                summary.messagesSuppressed, summary.handoffs.requested, runID,
            ])
    }
}
