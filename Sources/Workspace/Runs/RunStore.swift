import Foundation
import GRDB
import ReplayEngine

/// What a replay is of: the rows a run refers to and how it was asked for.
extension Workspace {
    /// Creates the run's row (`running`, with this process as its writer) and the recorder
    /// the engine writes through. The order's version, when it names none, is the one
    /// `chosenVersion` picks. Batches of `batchRows` rows, at most `queueDepth` waiting.
    public func startRun(
        _ order: ReplayOrder, engineVersion: String, batchRows: Int = 4096, queueDepth: Int = 4
    ) throws(WorkspaceError) -> RunRecorder {
        let workflowID = try workflowID(for: order.journey, allowArchived: true)
        let cohortID = try cohort(named: order.cohort).id
        let version: Int
        if let asked = order.version {
            version = asked
        } else {
            version = try chosenVersion(of: order.journey, version: nil).version
        }
        let runID = try write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                        horizon_at, started_at, writer_pid, writer_host)
                    VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
                    """,
                arguments: [
                    workflowID, version, cohortID, Int64(bitPattern: order.seed), order.mode.rawValue,
                    engineVersion, order.horizon.map(EpochSeconds.seconds), EpochSeconds.now(),
                    Int64(getpid()),
                    RunLiveness.hostName,
                ])
            return db.lastInsertedRowID
        }
        return RunRecorder(
            workspace: self, runID: runID, workflowID: workflowID, batchRows: batchRows,
            queueDepth: queueDepth)
    }
}

/// One run in the list `cairn runs` prints.
public struct RunListing: Sendable, Hashable, Codable {
    public var id: Int64
    public var journey: String
    public var version: Int
    public var cohort: String
    public var mode: String
    public var seed: Int64
    public var status: String
    public var leads: Int
    public var entries: Int
    public var conversions: Int
    public var startedAt: Int64
    public var finishedAt: Int64?
}

extension Workspace {
    /// Runs, newest first.
    public func runs(limit: Int = 100) throws(WorkspaceError) -> [RunListing] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, w.slug, r.journey_version, c.name AS cohort, r.mode, r.seed, r.status, r.leads,
                           r.entries, r.conversions, r.started_at, r.finished_at
                    FROM runs r JOIN workflows w ON w.id = r.workflow_id JOIN cohorts c ON c.id = r.cohort_id
                    ORDER BY r.id DESC LIMIT ?
                    """, arguments: [limit]
            ).map { row in
                RunListing(
                    id: row["id"], journey: row["slug"], version: row["journey_version"],
                    cohort: row["cohort"],
                    mode: row["mode"], seed: row["seed"], status: row["status"], leads: row["leads"],
                    entries: row["entries"], conversions: row["conversions"], startedAt: row["started_at"],
                    finishedAt: row["finished_at"])
            }
        }
    }
}
