import Analytics
import Workspace

/// What the dashboard loads off the UI thread: the run's report (from the run summary tables,
/// fast even for a million leads) and the recent runs for the picker.
struct DashboardData: Sendable {
    var report: RunReport
    var runs: [RunInfo]
    /// The journey's last runs up to this one (`cairn report --trend`), for the trend panel.
    var trend: RunTrend?

    static let runsListed = 200
    /// Runs the trend panel loads (it shows the latest that fit).
    static let trendRuns = 12

    static func load(_ workspace: Workspace, run: Int64?) -> Result<DashboardData, DashboardLoadFailure> {
        let runs: [RunInfo]
        do {
            runs = try workspace.runs(limit: runsListed)
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: []))
        }
        do {
            let report = try RunReportBuilder.build(workspace, run: run)
            let trend = try? RunTrend.build(workspace, run: report.run.id, last: trendRuns)
            return .success(DashboardData(report: report, runs: runs, trend: trend))
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: runs))
        }
    }

    /// Live run `run` over `range`, exactly as `cairn report --from --to` reads it.
    static func window(_ workspace: Workspace, run: Int64, range: RunWindowRange) -> Result<
        RunWindowReport, DashboardLoadFailure
    > {
        do {
            return .success(try RunWindowQueries.build(workspace, run: run, from: range.from, to: range.to))
        } catch {
            return .failure(DashboardLoadFailure(message: error.description, runs: []))
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
