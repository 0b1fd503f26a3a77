import GRDB
import Workspace

/// A journey's executions (the plan's `workflow_executions`: one per lead per entry in a run)
/// page by page, one execution with its lead's path explained, and the journey's runs: what
/// `GET /api/workflows/:id/executions`, `GET /api/workflows/executions/:id` and the
/// journey analytics endpoints read.
public enum JourneyExecutions {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case workspace(WorkspaceError)
        case noRuns(journey: String)
        case runOfAnotherJourney(run: Int64, journey: String)
        case unknownRun(Int64)
        case unknownExecution(String)
        case database(String)

        public var description: String {
            switch self {
            case .workspace(let error): return error.description
            case .noRuns(let journey):
                return "journey '\(journey)' has no runs yet; replay it first (cairn replay \(journey))"
            case .runOfAnotherJourney(let run, let journey):
                return "run \(run) is not a run of journey '\(journey)'"
            case .unknownRun(let id): return "no run \(id) in this workspace (see cairn runs)"
            case .unknownExecution(let id): return "no execution '\(id)' in this workspace"
            case .database(let message): return message
            }
        }
    }

    /// One row of `workflow_executions`.
    public struct Execution: Sendable, Hashable, Codable {
        public var id: String
        public var run: Int64
        public var journey: String
        public var lead: String
        public var rotation: Int
        public var status: String
        public var currentStep: String?
        public var reason: String?
        public var startedAt: Int64
        public var completedAt: Int64?
        /// The stored context, as JSON text.
        public var context: String?
    }

    public struct Page: Sendable, Hashable, Codable {
        public var journey: String
        public var run: RunInfo
        /// Executions of the run matching the filter, all pages together.
        public var total: Int
        public var limit: Int
        public var offset: Int
        public var executions: [Execution]
    }

    /// One execution with its lead's passage through it: stays with decisions explained,
    /// messages and handoffs, as `cairn lead` shows them.
    public struct Detail: Sendable, Hashable, Codable {
        public var execution: Execution
        public var path: LeadTimeline.Execution?
    }

    /// The run of `journey` a caller means: `run` when given (it must be the journey's), else
    /// the journey's latest run.
    public static func runID(_ workspace: Workspace, journey: String, run: Int64?) throws(Failure) -> Int64 {
        let journeyRowID: String
        do {
            journeyRowID = try workspace.journeyRowID(for: journey, allowArchived: true)
        } catch {
            throw .workspace(error)
        }
        let found: (owner: String?, latest: Int64?) = try read(workspace) { db in
            let owner = try run.flatMap {
                try String.fetchOne(db, sql: "SELECT workflow_id FROM runs WHERE id = ?", arguments: [$0])
            }
            let latest = try Int64.fetchOne(
                db, sql: "SELECT MAX(id) FROM runs WHERE workflow_id = ?", arguments: [journeyRowID])
            return (owner, latest)
        }
        if let run {
            guard let owner = found.owner else { throw .unknownRun(run) }
            guard owner == journeyRowID else { throw .runOfAnotherJourney(run: run, journey: journey) }
            return run
        }
        guard let latest = found.latest else { throw .noRuns(journey: journey) }
        return latest
    }

    /// A page of a run's executions, in the run's order (the order their rows were written,
    /// `execution_rows.key`: a replay's as they ended, a live run's as they started), optionally
    /// of one status. The page is chosen on `execution_rows` and only its rows read through the
    /// view, whose ids are computed (docs/schema.md).
    public static func page(
        _ workspace: Workspace, journey: String, run: Int64?, status: String? = nil, limit: Int = 100,
        offset: Int = 0
    ) throws(Failure) -> Page {
        let runID = try runID(workspace, journey: journey, run: run)
        return try read(workspace) { db in
            guard let info = try RunQueries.run(db, id: runID) else { throw Failure.unknownRun(runID) }
            let filter = status == nil ? "" : " AND x.status = (SELECT code FROM step_words WHERE word = ?)"
            var arguments: StatementArguments = [runID]
            if let status { arguments += [status] }
            let total =
                try Int.fetchOne(
                    db, sql: "SELECT COUNT(*) FROM execution_rows x WHERE x.run_id = ?\(filter)",
                    arguments: arguments) ?? 0
            arguments += [limit, offset]
            // From the run's first key on, in key order (`+` keeps SQLite from sorting the run's
            // index instead): a page reads little more than its own rows.
            let executions = try Execution.fetchAll(
                db,
                sql: """
                    WITH chosen AS (
                        SELECT x.key, x.run_id, x.lead_id, x.rotation FROM execution_rows x
                        WHERE x.key >= (SELECT MIN(key) FROM execution_rows WHERE run_id = ?1)
                            AND +x.run_id = ?1\(filter) ORDER BY x.key LIMIT ? OFFSET ?)
                    \(selectExecutions)
                    JOIN chosen c ON c.run_id = e.run_id AND c.lead_id = e.lead_id AND c.rotation = e.rotation
                    ORDER BY c.key
                    """,
                arguments: arguments)
            return Page(
                journey: journey, run: info, total: total, limit: limit, offset: offset,
                executions: executions)
        }
    }

    /// One execution by its id, with the lead's path through it.
    public static func detail(_ workspace: Workspace, id: String) throws(Failure) -> Detail {
        let found: Execution? = try read(workspace) { db in
            guard let place = try ExecutionPlace.find(id: id, db) else { return nil }
            return try Execution.fetchOne(
                db,
                sql: selectExecutions
                    + " WHERE e.run_id = ? AND e.lead_id = ? AND e.rotation = ? AND e.id = ?",
                arguments: [place.run, place.lead, place.rotation, id])
        }
        guard let found else { throw .unknownExecution(id) }
        let timeline = try? LeadTimeline.load(workspace, run: found.run, lead: found.lead)
        return Detail(
            execution: found, path: timeline?.executions.first { $0.rotation == found.rotation })
    }

    /// Columns named as `Execution`'s fields, in snake case.
    static let selectExecutions = """
        SELECT e.id, e.run_id AS run, w.slug AS journey, e.lead_id AS lead, e.rotation, e.status, e.current_step,
               e.reason, e.started_at, e.completed_at, e.context
        FROM workflow_executions e JOIN workflows w ON w.id = e.workflow_id
        """

    static func read<T: Sendable>(_ workspace: Workspace, _ body: @Sendable (Database) throws -> T)
        throws(Failure) -> T
    {
        do {
            return try workspace.query(body)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .database("cannot read the workspace: \(error)")
        }
    }
}

/// Read from `workflow_executions`; columns in snake case (`started_at` → `startedAt`), so the
/// JSON keys stay the Swift names.
extension JourneyExecutions.Execution: FetchableRecord {
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
}
