import Workspace

/// A journey as home lists it: its summary and its newest run.
struct JourneyRow: Sendable, Hashable {
    var summary: JourneySummary
    var lastRun: RunInfo?
}

/// What the home screen shows, loaded in one go off the UI thread.
struct JourneysOverview: Sendable, Hashable {
    var journeys: [JourneyRow]
    var cohorts: [CohortSummary]
    var runs: [RunInfo]

    static func load(_ workspace: Workspace) throws(WorkspaceError) -> JourneysOverview {
        let runs = try workspace.runs(limit: 200)
        let journeys = try workspace.journeys().map { summary in
            JourneyRow(summary: summary, lastRun: runs.first { $0.journey == summary.journey })
        }
        return JourneysOverview(journeys: journeys, cohorts: try workspace.cohorts(), runs: runs)
    }
}
