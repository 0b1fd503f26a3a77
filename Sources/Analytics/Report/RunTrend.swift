import GRDB
import Workspace

/// A journey's last runs side by side, oldest first: entries, conversions, conversion rate and
/// execution success per run (`cairn report --trend N`). Each figure is the run report's own,
/// read from the same summary tables (docs/analytics.md, "Trend").
public struct RunTrend: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var run: Int64
        public var version: Int
        public var cohort: String
        public var mode: String
        public var status: String
        public var startedAt: Int64
        public var entries: Int
        public var conversions: Int
        public var conversionRate: Double?
        public var successRate: Double?
    }

    public var journey: String
    public var hasGoal: Bool
    public var runs: [Point]

    /// The last `count` runs of the journey run `id` (nil: the latest run) replayed, up to it.
    public static func build(_ workspace: Workspace, run id: Int64?, last count: Int) throws(RunReportBuilder
        .Failure)
        -> RunTrend
    {
        do {
            return try workspace.query { db in try build(db, run: id, last: count) }
        } catch let failure as RunReportBuilder.Failure {
            throw failure
        } catch {
            throw .database("cannot read the workspace: \(error)")
        }
    }

    static func build(_ db: Database, run id: Int64?, last count: Int) throws -> RunTrend {
        guard let runID = try id ?? RunQueries.latestRunID(db) else { throw RunReportBuilder.Failure.noRuns }
        guard let run = try RunQueries.run(db, id: runID) else {
            throw RunReportBuilder.Failure.unknownRun(runID)
        }
        let ids = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM runs WHERE workflow_id = (SELECT workflow_id FROM runs WHERE id = ?) AND id <= ?
                ORDER BY id DESC LIMIT ?
                """, arguments: [runID, runID, max(1, count)])
        let points = try ids.reversed().compactMap { id -> Point? in
            guard let info = try RunQueries.run(db, id: id) else { return nil }
            let health = RunReportBuilder.health(
                run: info, dropoff: try RunQueries.dropoff(db, run: id), reasons: [])
            return Point(
                run: id, version: info.version, cohort: info.cohort, mode: info.mode, status: info.status,
                startedAt: info.startedAt, entries: info.entries, conversions: info.conversions,
                conversionRate: RunReportBuilder.share(info.conversions, info.entries),
                successRate: health.successRate)
        }
        let facts = try RunJourneyFacts.fetch(db, run: runID)
        return RunTrend(journey: run.journey, hasGoal: facts.hasGoal, runs: points)
    }
}
