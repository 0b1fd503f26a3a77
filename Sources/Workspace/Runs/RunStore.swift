import Foundation
import GRDB
import ReplayEngine

/// What a replay is of: the rows a run refers to and how it was asked for.
extension Workspace {
    /// Creates the run's row (`running`, with this process as its writer) and the recorder
    /// the engine writes through. The order's version, when it names none, is the one
    /// `chosenVersion` picks. Batches of `batchRows` rows, at most `queueDepth` waiting. The
    /// `span`, when given, is stored in `options` (its `end` is the order's horizon).
    public func startRun(
        _ order: ReplayOrder, engineVersion: String, span: ReplaySpan? = nil, batchRows: Int = 4096,
        queueDepth: Int = 4
    ) throws(WorkspaceError) -> RunRecorder {
        let rowID = try journeyRowID(for: order.journey, allowArchived: true)
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
                        horizon_at, started_at, writer_pid, writer_host, options)
                    VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    rowID, version, cohortID, Int64(bitPattern: order.seed), order.mode.rawValue,
                    engineVersion, order.horizon.map(EpochSeconds.seconds), EpochSeconds.now(),
                    Int64(getpid()),
                    RunLiveness.hostName, span.map(RunSpanOptions.json) ?? "{}",
                ])
            return db.lastInsertedRowID
        }
        return RunRecorder(
            workspace: self, runID: runID, journeyRowID: rowID, version: version, batchRows: batchRows,
            queueDepth: queueDepth)
    }
}
