import GRDB
import ReplayEngine
import Workspace

/// What a run did at each node and on each edge, for the canvas overlay: read from the run
/// summaries the engine writes at the end of a run (`runs`, `run_node_summary`,
/// `run_edge_summary`) — a few rows per node, so it is as quick on a million-lead run as on ten —
/// or, during a replay, from the engine's summary of the records so far (the initializer from a
/// `ReplaySummary`), which is what those tables are written from: live and stored counts are one
/// definition (docs/analytics.md, "Canvas counts").
public struct RunNodeCounts: Sendable, Hashable {
    /// A `run_edge_summary` row, branch labels between the same two nodes added up.
    public struct Edge: Sendable, Hashable, Decodable, FetchableRecord {
        public var from: String
        public var to: String
        public var leads: Int

        enum CodingKeys: String, CodingKey {
            case from = "from_node_id"
            case to = "to_node_id"
            case leads
        }
    }

    /// Executions that arrived at each node (first visits); `entry` has the run's entries.
    public var arrivals: [String: Int]
    /// Executions that converted at each node; `entry` has every conversion of the run.
    public var conversions: [String: Int]
    /// Leads along each edge (branch labels between the same two nodes added up), by source then
    /// target.
    public var edges: [Edge]

    /// The counts of a summary: the stored run's, before it is stored.
    public init(_ summary: ReplaySummary) {
        arrivals = ["entry": summary.entries]
        conversions = ["entry": summary.conversions]
        for (node, tally) in summary.nodes {
            arrivals[node] = tally.entered
            if tally.converted > 0 { conversions[node] = tally.converted }
        }
        var leads: [String: [String: Int]] = [:]
        for (edge, n) in summary.edges { leads[edge.from, default: [:]][edge.to, default: 0] += n }
        edges = leads.sorted { $0.key < $1.key }.flatMap { from, targets in
            targets.sorted { $0.key < $1.key }.map { Edge(from: from, to: $0.key, leads: $0.value) }
        }
    }

    init(arrivals: [String: Int], conversions: [String: Int], edges: [Edge]) {
        self.arrivals = arrivals
        self.conversions = conversions
        self.edges = edges
    }

    public static func load(_ workspace: Workspace, run: Int64) throws(RunReportBuilder.Failure)
        -> RunNodeCounts
    {
        do {
            return try workspace.query { db in try load(db, run: run) }
        } catch let failure as RunReportBuilder.Failure {
            throw failure
        } catch {
            throw .database("cannot read the workspace: \(error)")
        }
    }

    static func load(_ db: Database, run: Int64) throws -> RunNodeCounts {
        guard let info = try RunQueries.run(db, id: run) else {
            throw RunReportBuilder.Failure.unknownRun(run)
        }
        var arrivals = ["entry": info.entries]
        var conversions = ["entry": info.conversions]
        for row in try SummaryRows.NodeCounts.fetchAll(
            db, sql: "SELECT node_id, entered, converted FROM run_node_summary WHERE run_id = ?",
            arguments: [run])
        {
            arrivals[row.node] = row.entered
            if row.converted > 0 { conversions[row.node] = row.converted }
        }
        let edges = try RunQueries.edges(db, run: run)
        return RunNodeCounts(arrivals: arrivals, conversions: conversions, edges: edges)
    }
}
