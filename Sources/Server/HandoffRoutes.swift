import Foundation
import Hummingbird
import Workspace

/// Live handoffs worked by agents (docs/live.md, "Handoffs"): an agent's inbox, and accepting,
/// completing or releasing a handoff. The steps take no fields (an empty body or `{}`), act at
/// the server's wall-clock time and answer with the handoff as it now stands; 404 for an unknown
/// agent or handoff, 409 for a handoff whose state does not allow the step.
struct HandoffRoutes {
    let workspace: Workspace
    let configuration: ServerConfiguration

    func register(on router: Router<APIRequestContext>) {
        router.get("/api/agents/{id}/inbox") { _, context in try await inbox(try context.id) }
        router.post("/api/handoffs/{id}/accept") { request, context in
            try await step(request, try context.id) { try workspace.acceptHandoff($0, now: $1) }
        }
        router.post("/api/handoffs/{id}/complete") { request, context in
            try await step(request, try context.id) { try workspace.completeHandoff($0, now: $1) }
        }
        router.post("/api/handoffs/{id}/release") { request, context in
            try await step(request, try context.id) { try workspace.releaseHandoff($0, now: $1) }
        }
    }

    func inbox(_ agent: String) async throws -> Response {
        try APIResponse.json(try await WorkspaceCall.run { try workspace.handoffInbox(agent: agent) })
    }

    func step(
        _ request: Request, _ id: String,
        _ body: @escaping @Sendable (String, Double) throws -> LiveHandoff
    ) async throws -> Response {
        _ = try await RequestBody.object(request, limit: configuration.maxBodyBytes, fields: [])
        let handoff = try await WorkspaceCall.run { try body(id, Date().timeIntervalSince1970) }
        return try APIResponse.json(handoff)
    }
}
