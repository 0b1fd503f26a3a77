import Analytics
import Workspace

/// What the dashboard loads off the UI thread: the run's report (from the run summary tables,
/// fast even for a million leads) and the recent runs for the picker.
struct DashboardData: Sendable {
    var report: RunReport
    var runs: [RunInfo]
    /// What the A/B panel says of the journey's splits no lead reached (`UnreachedSplits`).
    var splitNotes: [String] = []

    static let runsListed = 200

    static func load(_ workspace: Workspace, run: Int64?) -> Result<DashboardData, DashboardLoadFailure> {
        let runs: [RunInfo]
        do {
            runs = try workspace.runs(limit: runsListed)
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: []))
        }
        do {
            let report = try RunReportBuilder.build(workspace, run: run)
            return .success(
                DashboardData(
                    report: report, runs: runs,
                    splitNotes: UnreachedSplits.notes(workspace, report: report)))
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: runs))
        }
    }

    /// The comparison of `first` with another run, built off the UI thread.
    static func compare(_ first: RunReport, with other: Int64, in workspace: Workspace) -> Result<
        RunComparison, DashboardLoadFailure
    > {
        do {
            let second = try RunReportBuilder.build(workspace, run: other)
            return .success(RunComparison(first: first, second: second))
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: []))
        }
    }
}

/// Why the dashboard has nothing to show, with the runs there are (so the user can pick one).
struct DashboardLoadFailure: Error, Sendable {
    var message: String
    var runs: [RunInfo]
}
