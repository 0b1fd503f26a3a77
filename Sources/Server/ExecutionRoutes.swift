import Analytics
import Hummingbird
import Workspace

/// Executions — the plan's `workflow_executions`, one per lead per entry in a run — of a
/// journey's runs, and one execution with its lead's path explained.
struct ExecutionRoutes {
    let workspace: Workspace

    func register(on router: Router<APIRequestContext>) {
        router.get("/api/workflows/{id}/executions") { request, context in
            try await list(request, try context.id)
        }
        router.get("/api/workflows/executions/{id}") { _, context in try await show(try context.id) }
    }

    static let statuses = ["active", "completed", "converted", "exited", "halted", "failed"]

    func list(_ request: Request, _ journey: String) async throws -> Response {
        let query = request.uri.queryParameters
        let run = try QueryValue.integer(query["run"], name: "run")
        let limit = try QueryValue.integer(query["limit"], name: "limit").map(Int.init) ?? 100
        let offset = try QueryValue.integer(query["offset"], name: "offset").map(Int.init) ?? 0
        guard (1...1000).contains(limit), offset >= 0 else {
            throw Problem.badRequest("limit must be 1 to 1000 and offset 0 or more")
        }
        let status = query["status"].map(String.init)
        if let status, !Self.statuses.contains(status) {
            throw Problem.badRequest("status must be one of \(Self.statuses.joined(separator: ", "))")
        }
        let page = try await WorkspaceCall.run {
            try JourneyExecutions.page(
                workspace, journey: journey, run: run, status: status, limit: limit, offset: offset)
        }
        return try APIResponse.json(page)
    }

    func show(_ id: String) async throws -> Response {
        try APIResponse.json(try await WorkspaceCall.run { try JourneyExecutions.detail(workspace, id: id) })
    }
}

/// Query parameters with 400s that name them.
enum QueryValue {
    /// A whole number of at most ±(2^53 - 1), as in JSON bodies.
    static func integer(_ text: Substring?, name: String) throws -> Int64? {
        guard let text else { return nil }
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : text[...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else {
            throw Problem.badRequest("\(name) must be a whole number, not '\(text)'")
        }
        let largest = JSON.largestExactInteger
        guard let value = Int64(text), (-largest...largest).contains(value) else {
            throw Problem.badRequest("\(name) is out of range: a whole number from -\(largest) to \(largest)")
        }
        return value
    }
}
