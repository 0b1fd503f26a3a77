import GRDB
import JourneyModel
import Workspace

/// Builds a run's report from the workspace: the figures of docs/analytics.md.
public enum RunReportBuilder {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case noRuns
        case unknownRun(Int64)
        case unknownStage(String, known: [String])
        case database(String)

        public var description: String {
            switch self {
            case .noRuns: return "the workspace has no runs yet; replay a journey first (cairn replay)"
            case .unknownRun(let id): return "no run \(id) in this workspace (see cairn runs)"
            case .unknownStage(let stage, let known):
                let hint =
                    known.isEmpty ? "" : " (nodes reached in this run: \(known.joined(separator: ", ")))"
                return "unknown stage '\(stage)'\(hint)"
            case .database(let message): return message
            }
        }
    }

    /// The report for run `id` (nil: the latest run), with the funnel over `stages` when given.
    public static func build(_ workspace: Workspace, run id: Int64?, stages: [String]? = nil) throws(Failure)
        -> RunReport
    {
        do {
            return try workspace.query { db in try build(db, run: id, stages: stages) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .database("cannot read the workspace: \(error)")
        }
    }

    static func build(_ db: Database, run id: Int64?, stages: [String]?) throws -> RunReport {
        guard let runID = try id ?? RunQueries.latestRunID(db) else { throw Failure.noRuns }
        guard let run = try RunQueries.run(db, id: runID) else { throw Failure.unknownRun(runID) }
        let journey = try RunJourneyFacts.journey(db, run: runID)
        let facts = journey.map(RunJourneyFacts.init) ?? RunJourneyFacts()
        let dropoff = try RunQueries.dropoff(db, run: runID)
        var report = RunReport(
            run: run, summary: [], hasGoal: facts.hasGoal,
            funnel: try funnel(db, run: run, stages: stages, facts: facts),
            dropoff: dropoff.map {
                DropoffRow(
                    node: $0.node, label: facts.label($0.node), reason: $0.reason, leads: $0.leads,
                    shareOfEntries: share($0.leads, run.entries))
            },
            timeInStage: facts.inFlowOrder(try RunQueries.timeInStage(db, run: runID), node: \.node).map {
                var stage = $0
                stage.label = facts.label(stage.node)
                return stage
            },
            splits: facts.inFlowOrder(
                try RunQueries.splits(db, run: runID).map {
                    abTest(node: $0.node, label: facts.label($0.node), rows: $0.rows)
                }, node: \.node),
            channels: try RunQueries.channels(db, run: runID),
            handoffs: try RunQueries.handoffs(db, run: runID),
            health: health(
                run: run, dropoff: dropoff, reasons: try RunQueries.haltedAndFailed(db, run: runID)))
        report.entry = try EntryReport.fetch(db, run: run)
        report.summary = RunSummary.sentences(report, facts)
        if let journey {
            var arrivals = try RunQueries.reached(db, run: runID)
            arrivals[Journey.entryID] = run.entries
            report.unreachedSplits = UnreachedSplits.notes(
                in: journey, assigned: Set(report.splits.map(\.node)), arrivals: arrivals)
        }
        return report
    }

    /// part ÷ whole; nil when whole is 0.
    public static func share(_ part: Int, _ whole: Int) -> Double? {
        whole == 0 ? nil : Double(part) / Double(whole)
    }

    static func funnel(_ db: Database, run: RunInfo, stages: [String]?, facts: RunJourneyFacts) throws
        -> Funnel
    {
        let reached = try RunQueries.reached(db, run: run.id)
        let allPaths = facts.inFlowOrder(
            reached.filter { $0.key != "entry" && $0.value > 0 }.map { ($0.key, $0.value) }, node: \.0
        ).map {
            FunnelStage(
                node: $0.0, label: facts.label($0.0), leads: $0.1, rateFromPrevious: nil,
                rateFromEntry: share($0.1, run.entries))
        }
        if let stages {
            for stage in stages where reached[stage] == nil {
                throw Failure.unknownStage(stage, known: reached.keys.sorted())
            }
            let counts = try RunQueries.reachedInOrder(db, run: run.id, stages: stages)
            return Funnel(
                basis: "given", counts: Funnel.givenCounts,
                stages: Self.stages(zip(stages, counts).map { ($0, $1) }, entries: run.entries, facts: facts),
                allPaths: allPaths)
        }
        let path = mainPath(try RunQueries.edges(db, run: run.id))
        let counts = try RunQueries.reachedInOrder(db, run: run.id, stages: path)
        return Funnel(
            basis: "main path", counts: Funnel.mainPathCounts,
            stages: Self.stages(zip(path, counts).map { ($0, $1) }, entries: run.entries, facts: facts),
            allPaths: allPaths)
    }

    /// From the entry, the edge most leads took, until a node with no way on or one already on
    /// the path (a loop); ties go to the node id that sorts first.
    static func mainPath(_ edges: [RunNodeCounts.Edge]) -> [String] {
        var path: [String] = []
        var current = "entry"
        while true {
            let outgoing = edges.filter { $0.from == current && $0.leads > 0 }
            guard let best = outgoing.max(by: { ($0.leads, $1.to) < ($1.leads, $0.to) }),
                !path.contains(best.to)
            else { return path }
            path.append(best.to)
            current = best.to
        }
    }

    static func stages(_ counts: [(String, Int)], entries: Int, facts: RunJourneyFacts) -> [FunnelStage] {
        var previous = entries
        return counts.map { node, leads in
            defer { previous = leads }
            return FunnelStage(
                node: node, label: facts.label(node), leads: leads, rateFromPrevious: share(leads, previous),
                rateFromEntry: share(leads, entries))
        }
    }

    /// Each path against the baseline (the holdout if any, else the first path), and the
    /// assignment against the configured weights.
    static func abTest(node: String, label: String, rows: [SplitPathRow]) -> SplitReport {
        let baselineIndex = rows.firstIndex(where: \.isHoldout) ?? 0
        let baseline = rows.isEmpty ? nil : rows[baselineIndex]
        var compared = rows
        for index in compared.indices where index != baselineIndex {
            guard let baseline else { continue }
            let test = TwoProportionTest(
                baseline: (baseline.leads, baseline.conversions),
                variant: (rows[index].leads, rows[index].conversions))
            compared[index].comparison = test
            compared[index].verdict = test.verdict(variant: rows[index].path, baseline: baseline.path)
        }
        return SplitReport(
            node: node, label: label, baseline: baseline?.path ?? "", paths: compared,
            sampleRatio: SampleRatioCheck(observed: rows.map(\.leads), weights: rows.map(\.weight)))
    }

    static func health(
        run: RunInfo, dropoff: [(node: String, reason: String, leads: Int)], reasons: [RunHealth.Reason]
    ) -> RunHealth {
        var byStatus: [String: Int] = [
            "completed": 0, "converted": run.conversions, "exited": 0, "halted": 0, "failed": 0, "active": 0,
        ]
        for row in dropoff {
            let status =
                row.reason == "waiting" ? "active" : (row.reason == "timed_out" ? "completed" : row.reason)
            byStatus[status, default: 0] += row.leads
        }
        let active = byStatus["active"] ?? 0
        let finished = run.entries - active
        let bad = (byStatus["halted"] ?? 0) + (byStatus["failed"] ?? 0)
        return RunHealth(
            executions: run.entries, byStatus: byStatus, successRate: share(finished - bad, finished),
            haltedAndFailed: reasons, active: active)
    }
}
