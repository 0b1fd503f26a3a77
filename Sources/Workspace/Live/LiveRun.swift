import Foundation
import GRDB
import JourneyModel
import ReplayEngine

/// The run an active journey version's live executions belong to (`runs.mode = 'live'`, one
/// per journey version, over the `live` cohort), so reports read them as they read a replay;
/// with how far it has consumed the live arrivals.
public struct LiveRun: Sendable, Hashable {
    public var runID: Int64
    public var journey: String
    /// The plan's `workflows.id`.
    public var journeyRowID: String
    public var version: Int
    /// The last `live_arrivals` id applied.
    public var arrivalCursor: Int64
}

extension Workspace {
    /// The live run of a journey version, created on first use: it starts with the arrivals
    /// stored since the journey's activation (a journey activated today does not act on
    /// yesterday's leads).
    public func openLiveRun(journey: String, version: Int, author: String = Workspace.currentAuthor)
        throws(WorkspaceError) -> LiveRun
    {
        let rowID = try journeyRowID(for: journey, allowArchived: true)
        return try write { db in
            if let row = try Row.fetchOne(
                db, sql: "SELECT run_id, arrival_cursor FROM live_runs WHERE workflow_id = ? AND version = ?",
                arguments: [rowID, version])
            {
                return LiveRun(
                    runID: row["run_id"], journey: journey, journeyRowID: rowID, version: version,
                    arrivalCursor: row["arrival_cursor"])
            }
            let now = EpochSeconds.now()
            let cohortID = try Self.liveCohortID(db, author: author, now: now)
            // It acts on what arrives from its activation on (`workflows.updated_at`), even
            // when automation was not running then.
            let cursor =
                try Int64.fetchOne(
                    db,
                    sql: """
                        SELECT MAX(id) FROM live_arrivals
                        WHERE received_at < (SELECT updated_at FROM workflows WHERE id = ?)
                        """, arguments: [rowID]) ?? 0
            try db.execute(
                sql: """
                    INSERT INTO runs (workflow_id, journey_version, cohort_id, seed, mode, engine_version, status, started_at)
                    VALUES (?, ?, ?, 1, 'live', ?, 'running', ?)
                    """, arguments: [rowID, version, cohortID, Replay.version, now])
            let runID = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO live_runs (run_id, workflow_id, version, arrival_cursor, started_at)
                    VALUES (?, ?, ?, ?, ?)
                    """, arguments: [runID, rowID, version, cursor, Date().timeIntervalSince1970])
            return LiveRun(
                runID: runID, journey: journey, journeyRowID: rowID, version: version, arrivalCursor: cursor)
        }
    }

    /// The stored state of every lead of a live run, for a restarted engine.
    public func liveLeadStates(run runID: Int64) throws(WorkspaceError) -> [LeadSnapshot] {
        try read { db in
            let texts = try String.fetchAll(
                db, sql: "SELECT state FROM live_leads WHERE run_id = ? ORDER BY lead_id", arguments: [runID])
            return try texts.map(Self.decodeLeadState)
        }
    }

    /// The stored state of one lead of a live run, if the run has seen it.
    public func liveLeadState(run runID: Int64, lead leadID: String) throws(WorkspaceError) -> LeadSnapshot? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT state FROM live_leads WHERE run_id = ? AND lead_id = ?",
                arguments: [runID, leadID]
            ).map(Self.decodeLeadState)
        }
    }

    /// A lead of the `live` cohort as the engine sees it.
    public func liveLead(_ leadID: String) throws(WorkspaceError) -> Lead? {
        try read { db in
            try Row.fetchOne(db, sql: Self.liveLeadSQL, arguments: [LiveIntake.cohortName, leadID]).map(
                Self.liveLead)
        }
    }

    /// A `lead_events` row as the engine sees it.
    public func liveEvent(_ eventID: Int64) throws(WorkspaceError) -> LeadEvent? {
        try read { db in
            try Row.fetchOne(db, sql: Self.liveEventSQL, arguments: [eventID]).map(Self.liveEvent)
        }
    }

    static func decodeLeadState(_ text: String) throws -> LeadSnapshot {
        try JSONDecoder().decode(LeadSnapshot.self, from: Data(text.utf8))
    }
}

/// A journey whose active version automation runs, and whether it is paused. (Its model is read
/// with `journeyToReplay` only when the runtime starts that version.)
public struct ActiveJourney: Sendable {
    public var journey: String
    public var version: Int
    public var paused: Bool
}

extension Workspace {
    /// Every journey with an active version (not archived), with its `live_journeys` state.
    public func activeJourneysForAutomation() throws(WorkspaceError) -> [ActiveJourney] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT w.slug, w.active_version, COALESCE(l.state, 'running') AS state
                    FROM workflows w LEFT JOIN live_journeys l ON l.workflow_id = w.id
                    WHERE w.active_version IS NOT NULL AND w.archived_at IS NULL ORDER BY w.slug
                    """
            ).map { row -> (String, Int, Bool) in
                (row["slug"], row["active_version"], row["state"] == "paused")
            }
        }
        return rows.map { ActiveJourney(journey: $0.0, version: $0.1, paused: $0.2) }
    }
}

extension Workspace {
    /// Each running live run with a measure of its step log's size (its executions, stays and
    /// messages, and how many ended), which changes whenever a step is written.
    public func liveRunStepLogSizes() throws(WorkspaceError) -> [(run: Int64, size: Int64)] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id,
                        (SELECT COUNT(*) FROM node_stays s WHERE s.run_id = r.id)
                        + (SELECT COUNT(*) FROM messages m WHERE m.run_id = r.id)
                        + (SELECT COUNT(*) FROM workflow_executions e WHERE e.run_id = r.id AND e.status != 'active')
                        + r.entries AS size
                    FROM runs r WHERE r.mode = 'live' AND r.status = 'running' ORDER BY r.id
                    """
            ).map { row -> (run: Int64, size: Int64) in (row[0], row[1]) }
        }
    }
}
