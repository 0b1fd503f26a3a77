import Foundation
import GRDB
import ReplayEngine

/// What a replay is of: the rows a run refers to and how it was asked for.
public struct RunRequest: Sendable, Hashable {
    public var journey: String
    public var version: Int
    public var cohort: String
    public var seed: UInt64
    public var mode: ReplayMode
    public var horizon: Date?

    public init(journey: String, version: Int, cohort: String, seed: UInt64, mode: ReplayMode, horizon: Date?)
    {
        self.journey = journey
        self.version = version
        self.cohort = cohort
        self.seed = seed
        self.mode = mode
        self.horizon = horizon
    }
}

extension Workspace {
    /// Creates the run's row (`running`, with this process as its writer) and the recorder
    /// the engine writes through. Batches of `batchRows` rows, at most `queueDepth` waiting.
    public func startRun(
        _ request: RunRequest, engineVersion: String, batchRows: Int = 4096, queueDepth: Int = 4
    ) throws(WorkspaceError) -> RunRecorder {
        let rowID = try journeyRowID(for: request.journey, allowArchived: true)
        let cohortID = try cohort(named: request.cohort).id
        let runID = try write { db in
            try db.execute(
                sql: """
                    INSERT INTO runs (workflow_id, journey_version, cohort_id, seed, mode, engine_version, status,
                        horizon_at, started_at, writer_pid, writer_host)
                    VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?)
                    """,
                arguments: [
                    rowID, request.version, cohortID, Int64(bitPattern: request.seed),
                    request.mode.rawValue,
                    engineVersion, request.horizon.map(EpochSeconds.seconds), EpochSeconds.now(),
                    Int64(getpid()),
                    RunLiveness.hostName,
                ])
            return db.lastInsertedRowID
        }
        return RunRecorder(
            workspace: self, runID: runID, journeyRowID: rowID, batchRows: batchRows,
            queueDepth: queueDepth)
    }
}
