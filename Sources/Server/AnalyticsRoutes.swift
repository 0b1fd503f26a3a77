import Analytics
import Hummingbird
import Workspace

/// A journey's figures from one of its runs (the latest unless `?run=N`): the whole report as
/// `cairn report --format json` writes it, or only the funnel.
struct AnalyticsRoutes {
    let workspace: Workspace

    func register(on router: Router<APIRequestContext>) {
        router.get("/api/journeys/{id}/analytics") { request, context in
            try await analytics(request, try context.id)
        }
        router.get("/api/journeys/{id}/funnel") { request, context in
            try await funnel(request, try context.id)
        }
    }

    struct FunnelBody: Encodable {
        var run: RunInfo
        var funnel: Funnel
    }

    func report(_ request: Request, _ journey: String) async throws -> RunReport {
        let query = request.uri.queryParameters
        let run = try QueryValue.integer(query["run"], name: "run")
        let stages = query["stages"].map { $0.split(separator: ",").map(String.init) }
        return try await WorkspaceCall.run {
            let runID = try JourneyExecutions.runID(workspace, journey: journey, run: run)
            return try RunReportBuilder.build(workspace, run: runID, stages: stages)
        }
    }

    func analytics(_ request: Request, _ journey: String) async throws -> Response {
        try APIResponse.json(try await report(request, journey))
    }

    func funnel(_ request: Request, _ journey: String) async throws -> Response {
        let report = try await report(request, journey)
        return try APIResponse.json(FunnelBody(run: report.run, funnel: report.funnel))
    }
}
