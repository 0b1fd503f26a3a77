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

    private var dropoff: [DropoffKey: Int] = [:]
    /// Node sequences taken, counted; nil once there are too many distinct ones to keep.
    private var paths: [String: Int]? = [:]
    static let maxDistinctPaths = 50_000
    static let maxPathLength = 64
    /// Per execution still in flight: its trigger, its decisions' explanations waiting for the
    /// stay that ends them, its handoff rows waiting for its execution row, its last stay's outcome.
    private var inFlight: [ExecutionKey: InFlight] = [:]

    /// The first write failure; the run is then marked `failed` with it.
    public private(set) var failure: WorkspaceError?
    /// Called on the engine's thread every thousand leads admitted (progress bars).
    public var onProgress: ((ReplayProgress) -> Void)?

    /// Executions seen so far: the next one's number in its id.
    private var executionsSeen: Int64 = 0

    struct InFlight {
        /// Its number in the run, given when it is first seen: its `workflow_executions.id`
        /// is made from it when its row is written (a number, not the id's text, waits in memory
        /// for each of the many executions in flight).
        var number: Int64 = 0
        var trigger = ""
        var explanations: [String: String] = [:]
        var handoffs: [[SQLValue]] = []
        var lastOutcome: StayOutcome?
        var visits: [String] = []
    }

    struct DropoffKey: Hashable {
        var node: String
        var reason: String
    }

    init(workspace: Workspace, runID: Int64, journeyRowID: String, batchRows: Int, queueDepth: Int) {
        self.runID = runID
        self.journeyRowID = journeyRowID
        self.pool = workspace.pool
        self.path = workspace.path
        self.batchRows = max(1, batchRows)
        self.writer = RunWriter(pool: workspace.pool, capacity: queueDepth)
    }

    public func record(_ record: ReplayRecord) {
        switch record {
        case .executionStarted(let started):
            let index = inFlightIndex(started.execution)
            inFlight.values[index].trigger = started.trigger
        case .executionEnded(let ended):
            executionEnded(ended)
        case .nodeStay(let stay):
            nodeStay(stay)
        case .decision(let decision):
            let explanation = Self.explanationJSON(decision.explanation)
            inFlight.values[inFlightIndex(decision.execution)].explanations[decision.nodeID] = explanation
        case .message(let message):
            batch.messages.append(Self.row(message, run: runID))
        case .handoff(let handoff):
            handoffRecorded(handoff)
        case .conversion(let conversion):
            batch.conversions.append(RunBatch.row(conversion, run: runID))
        case .splitAssignment, .webhookAttempt, .notification, .propertyChange, .outward:
            // Counted in the engine's summary; a split's path is its stay's outcome.
            break
        }
        if batch.rowCount >= batchRows { flushBatch() }
    }

    /// Where `execution`'s state is in `inFlight`, adding it (with its id) when first seen. One
    /// lookup per record; the state is then changed in place, never copied.
    private func inFlightIndex(_ execution: ExecutionKey) -> Dictionary<ExecutionKey, InFlight>.Index {
        if let index = inFlight.index(forKey: execution) { return index }
        executionsSeen += 1
        var state = InFlight()
        state.number = executionsSeen
        inFlight[execution] = state
        return inFlight.index(forKey: execution) ?? inFlight.startIndex
    }

    private func nodeStay(_ stay: NodeStay) {
        let index = inFlightIndex(stay.execution)
        if paths != nil, inFlight.values[index].visits.count < Self.maxPathLength {
            // A lead is at one node at a time, so its stays end in the order it arrived.
            inFlight.values[index].visits.append(stay.nodeID)
        }
        let explanation =
            inFlight.values[index].explanations.isEmpty
            ? nil : inFlight.values[index].explanations.removeValue(forKey: stay.nodeID)
        if stay.outcome != .completed, stay.outcome != .converted {
            inFlight.values[index].lastOutcome = stay.outcome
        }
        batch.stays.append([
            .integer(runID), .text(stay.execution.leadID), .integer(Int64(stay.execution.rotation)),
            .text(stay.nodeID), .integer(Int64(stay.visit)), .integer(EpochSeconds.seconds(stay.enteredAt)),
            SQLValue(stay.exitedAt.map(EpochSeconds.seconds)), .text(stay.storedOutcome),
            SQLValue(stay.nextNodeID), SQLValue(explanation),
        ])
    }

    private func executionEnded(_ ended: ExecutionEnded) {
        let state = inFlight.remove(at: inFlightIndex(ended.execution)).value
        if paths != nil {
            paths?[state.visits.joined(separator: " "), default: 0] += 1
            if (paths?.count ?? 0) > Self.maxDistinctPaths { paths = nil }
        }
        if let reason = Self.dropoffReason(ended.status, lastOutcome: state.lastOutcome) {
            dropoff[DropoffKey(node: ended.nodeID ?? "entry", reason: reason), default: 0] += 1
        }
        var context = "{\"steps\":\(ended.steps),\"trigger\":"
        JSONText.writeString(state.trigger, into: &context)
        context += "}"
        batch.executions.append([
            .text(Self.executionID(run: runID, sequence: state.number)), .integer(runID), .text(journeyRowID),
            .text(ended.execution.leadID), .integer(Int64(ended.execution.rotation)),
            .text(ended.status.rawValue),
            SQLValue(ended.nodeID), .text(context), SQLValue(ended.reason),
            .integer(EpochSeconds.seconds(ended.startedAt)),
            ended.status == .active ? .null : .integer(EpochSeconds.seconds(ended.endedAt)),
        ])
        batch.handoffs += state.handoffs
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

    private func handoffRecorded(_ handoff: HandoffRecord) {
        let context = Self.contextJSON(handoff)
        let index = inFlightIndex(handoff.execution)
        let row: [SQLValue] = [
            .text("\(runID):\(handoff.id)"), .integer(runID),
            .text(Self.executionID(run: runID, sequence: inFlight.values[index].number)),
            .text(handoff.execution.leadID), SQLValue(handoff.fromAgentID), SQLValue(handoff.toAgentID),
            .text(handoff.reason), .text(context), .integer(EpochSeconds.seconds(handoff.requestedAt)),
            SQLValue(handoff.assignedAt.map(EpochSeconds.seconds)),
            SQLValue(handoff.queueWaitWholeSeconds), SQLValue(handoff.nodeID),
            SQLValue(handoff.rule),
        ]
        // Written with its execution's row, which it refers to.
        inFlight.values[index].handoffs.append(row)
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

    /// The id of a run's `sequence`-th execution (in the order the engine first reports them,
    /// which is the same whatever the batch size): a UUID of version 8 (RFC 9562's custom
    /// layout) holding the run and the number, `0000002a-0000-8000-8000-000000000007`. Ids of
    /// one run sort in the order they are given, so the primary-key index grows at its end
    /// instead of taking a random page per row (a hash-like id made a million-lead replay
    /// spend its time in index pages).
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
        writer.submit(batch)
        batch = RunBatch()
    }

    public func progress(_ progress: ReplayProgress) {
        onProgress?(progress)
    }

    public func finish(_ summary: ReplaySummary) {
        // Executions the engine never ended (it ends every one; this is a safety net) lose
        // nothing but their handoff rows, which would refer to a missing execution.
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
        for (path, executions) in (paths ?? [:]).sorted(by: { $0.key < $1.key }) {
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
