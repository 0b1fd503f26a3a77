import GRDB

/// One run: what it replayed, how, and its totals. `cairn runs` lists them, and the report's
/// `run` section is one (field by field in docs/analytics.md).
public struct RunInfo: Sendable, Hashable, Codable {
    public var id: Int64
    public var journey: String
    public var version: Int
    public var cohort: String
    public var seed: Int64
    public var mode: String
    public var status: String
    public var leads: Int
    /// Executions: a lead entering twice counts twice.
    public var entries: Int
    public var conversions: Int
    public var startedAt: Int64
    public var finishedAt: Int64?
    /// The replay engine that produced the run (`Replay.version`).
    public var engineVersion: String
}

extension RunInfo {
    /// A live run (`mode = 'live'`, one per journey version run live) stays `running` while its
    /// version runs: it is not an unfinished replay, and its summaries are refreshed as it goes.
    public var isLive: Bool { mode == "live" }

    /// The status as a word for tight places: `live` for a live run still running.
    public var state: String { isLive && status == "running" ? "live" : status }

    /// The status as a phrase: `live since 2026-12-01T09:30:00Z` for a live run still running.
    public var stateText: String {
        isLive && status == "running" ? "live since \(EpochSeconds.format(startedAt))" : status
    }
}

/// Read from the `runs` row and its journey and cohort; columns in snake case
/// (`started_at` → `startedAt`), so the JSON keys stay the Swift names.
extension RunInfo: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

    static let select = """
        SELECT r.id, w.slug AS journey, r.journey_version AS version, c.name AS cohort, r.seed, r.mode,
               r.status, r.leads, r.entries, r.conversions, r.started_at, r.finished_at,
               COALESCE(r.engine_version, '') AS engine_version
        FROM runs r JOIN workflows w ON w.id = r.workflow_id JOIN cohorts c ON c.id = r.cohort_id
        """

    /// The run `id`, if there is one.
    public static func fetch(_ db: Database, id: Int64) throws -> RunInfo? {
        try fetchOne(db, sql: select + " WHERE r.id = ?", arguments: [id])
    }
}

extension Workspace {
    /// Runs, newest first.
    public func runs(limit: Int = 100) throws(WorkspaceError) -> [RunInfo] {
        try read { db in
            try RunInfo.fetchAll(db, sql: RunInfo.select + " ORDER BY r.id DESC LIMIT ?", arguments: [limit])
        }
    }
}
