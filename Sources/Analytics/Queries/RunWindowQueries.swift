import GRDB
import Workspace

/// Builds a live run's report over a time range from the step log (`workflow_executions`,
/// `node_stays`, `messages`, `agent_handoffs`), each row taken when its own time is in
/// [from, to). The queries are written out in docs/analytics.md.
public enum RunWindowQueries {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case report(RunReportBuilder.Failure)
        case notLive(Int64, mode: String)
        case emptyRange

        public var description: String {
            switch self {
            case .report(let failure): return failure.description
            case .notLive(let id, let mode):
                return
                    "--from/--to read a live run's step log; run \(id) is a \(mode) replay (see cairn runs)"
            case .emptyRange: return "--from must be before --to"
            }
        }
    }

    public static func build(_ workspace: Workspace, run id: Int64?, from: Int64, to: Int64) throws(Failure)
        -> RunWindowReport
    {
        guard from < to else { throw .emptyRange }
        do {
            return try workspace.query { db in try build(db, run: id, from: from, to: to) }
        } catch let failure as Failure {
            throw failure
        } catch let failure as RunReportBuilder.Failure {
            throw .report(failure)
        } catch {
            throw .report(.database("cannot read the workspace: \(error)"))
        }
    }

    static func build(_ db: Database, run id: Int64?, from: Int64, to: Int64) throws -> RunWindowReport {
        guard let runID = try id ?? RunQueries.latestRunID(db) else { throw RunReportBuilder.Failure.noRuns }
        guard let run = try RunQueries.run(db, id: runID) else {
            throw RunReportBuilder.Failure.unknownRun(runID)
        }
        guard run.mode == "live" else { throw Failure.notLive(runID, mode: run.mode) }
        let facts = try RunJourneyFacts.fetch(db, run: runID)
        let range: StatementArguments = [runID, from, to]
        let entries =
            try Int.fetchOne(
                db,
                sql:
                    "SELECT COUNT(*) FROM workflow_executions WHERE run_id = ? AND started_at >= ? AND started_at < ?",
                arguments: range) ?? 0
        let ended = try endedByStatus(db, range)
        let finished = ended.values.reduce(0, +)
        let bad = (ended["halted"] ?? 0) + (ended["failed"] ?? 0)
        let handoffs = try Row.fetchOne(
            db,
            sql: """
                SELECT COUNT(*) AS n, COUNT(queue_wait_seconds) AS assigned,
                       COALESCE(SUM(queue_wait_seconds <= 30), 0) AS fast
                FROM agent_handoffs WHERE run_id = ? AND created_at >= ? AND created_at < ?
                """, arguments: range)
        let total: Int = handoffs?["n"] ?? 0
        return RunWindowReport(
            run: run, from: from, to: to, hasGoal: facts.hasGoal, entries: entries,
            conversions: ended["converted"] ?? 0, ended: ended,
            successRate: RunReportBuilder.share(finished - bad, finished),
            reached: try reached(db, range, entries: entries, facts: facts),
            channels: try channels(db, range),
            handoffs: total, handoffsAssigned: handoffs?["assigned"] ?? 0,
            handoffsWithin30Seconds: RunReportBuilder.share(handoffs?["fast"] ?? 0, total))
    }

    static func endedByStatus(_ db: Database, _ range: StatementArguments) throws -> [String: Int] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT status, COUNT(*) AS n FROM workflow_executions
                WHERE run_id = ? AND completed_at >= ? AND completed_at < ? AND status <> 'active' GROUP BY status
                """, arguments: range)
        return Dictionary(rows.map { ($0["status"], $0["n"]) }, uniquingKeysWith: +)
    }

    static func reached(_ db: Database, _ range: StatementArguments, entries: Int, facts: RunJourneyFacts)
        throws
        -> [FunnelStage]
    {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT node_id, COUNT(*) AS n FROM node_stays
                WHERE run_id = ? AND visit = 1 AND entered_at >= ? AND entered_at < ? AND node_id <> 'entry'
                GROUP BY node_id
                """, arguments: range)
        return facts.inFlowOrder(
            rows.map { (node: $0["node_id"] as String, leads: $0["n"] as Int) }, node: \.node
        )
        .map {
            FunnelStage(
                node: $0.node, label: facts.label($0.node), leads: $0.leads, rateFromPrevious: nil,
                rateFromEntry: RunReportBuilder.share($0.leads, entries))
        }
    }

    static func channels(_ db: Database, _ range: StatementArguments) throws -> [RunWindowReport.Channel] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT channel, SUM(status = 'sent') AS sent, SUM(status = 'suppressed') AS suppressed,
                       SUM(status = 'deferred') AS deferred, COUNT(opened_at) AS opened, COUNT(clicked_at) AS clicked
                FROM messages WHERE run_id = ? AND requested_at >= ? AND requested_at < ?
                GROUP BY channel ORDER BY channel
                """, arguments: range
        ).map {
            RunWindowReport.Channel(
                channel: $0["channel"], sent: $0["sent"], suppressed: $0["suppressed"],
                deferred: $0["deferred"],
                opened: $0["opened"], clicked: $0["clicked"])
        }
    }
}
