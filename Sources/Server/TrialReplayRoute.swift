import Analytics
import Foundation
import Hummingbird
import JourneyModel
import ReplayEngine
import Workspace

/// `POST /api/workflows/{id}/test`: replays a journey version in memory over sample leads given
/// in the body, or over a named cohort's first leads, and returns each lead's path with every
/// decision explained. Nothing is stored: the workspace's runs list does not change.
struct TrialReplayRoute {
    let workspace: Workspace
    let configuration: ServerConfiguration

    func register(on router: Router<APIRequestContext>) {
        router.post("/api/workflows/{id}/test") { request, context in try await test(request, try context.id)
        }
    }

    struct LeadPath: Encodable {
        var lead: String
        var entered: Bool
        /// The first entry's nodes, in order.
        var path: [String]
        /// How the first entry ended: `converted`, `completed`, ... or nil when it never entered.
        var status: String?
        /// Every entry with its stays (decisions explained leaf by leaf), messages and handoffs.
        var executions: [LeadTimeline.Execution]
        /// The same as text, as `cairn lead` prints a lead's path.
        var text: String
    }

    struct Outcome: Encodable {
        var journey: String
        var version: Int
        var seed: UInt64
        var mode: String
        /// Always false: a test replay writes no run.
        var stored: Bool
        var leads: Int
        var entered: Int
        var converted: Int
        var paths: [LeadPath]
    }

    func test(_ request: Request, _ journey: String) async throws -> Response {
        let body = try await RequestBody.object(
            request, limit: configuration.maxBodyBytes,
            fields: ["version", "seed", "mode", "horizon", "cohort", "limit", "leads", "events"])
        let seed = try body.optionalInteger("seed", in: 0...JSON.largestExactInteger) ?? 1
        let modeName = try body.optionalString("mode") ?? ReplayMode.mixed.rawValue
        guard let mode = ReplayMode(rawValue: modeName) else {
            throw Problem.badRequest("mode must be recorded, simulated or mixed, not '\(modeName)'")
        }
        var horizon: Date?
        if let text = try body.optionalString("horizon") {
            guard let parsed = ISODate.parse(text) else {
                throw Problem.badRequest("horizon must be an ISO-8601 time like 2026-12-01T00:00:00Z")
            }
            horizon = parsed
        }
        let leads = try Self.leads(body)
        let order = TrialReplayOrder(
            journey: journey,
            version: try body.optionalInteger("version", in: JourneyRoutes.versions).map(Int.init),
            leads: leads.order,
            seed: UInt64(bitPattern: seed), mode: mode, horizon: horizon)
        let outcome = try await WorkspaceCall.run { () throws -> TrialReplayOutcome in
            do {
                return try workspace.trialReplay(order)
            } catch let error as WorkspaceError {
                guard case .importFailed(let report) = error else { throw error }
                throw Problem(
                    .unprocessableContent, "Invalid leads",
                    detail:
                        "the sample leads have \(report.problemCount) problem\(report.problemCount == 1 ? "" : "s")",
                    errors: report.problems.map { leads.locate($0) })
            }
        }
        let timelines = Dictionary(
            LeadTimeline.timelines(fromTrial: outcome.records).map { ($0.lead, $0) },
            uniquingKeysWith: { a, _ in a })
        let paths = outcome.leads.map { lead in
            let timeline = timelines[lead]
            let executions = timeline?.executions ?? []
            return LeadPath(
                lead: lead, entered: !executions.isEmpty, path: executions.first?.stays.map(\.node) ?? [],
                status: executions.first?.status, executions: executions,
                text: timeline.map(LeadTimelineTextRenderer.render)
                    ?? "Lead \(lead) in a test replay: did not enter\n")
        }
        return try APIResponse.json(
            Outcome(
                journey: journey, version: outcome.version, seed: UInt64(bitPattern: seed),
                mode: mode.rawValue,
                stored: false, leads: paths.count, entered: paths.filter { $0.entered }.count,
                converted: paths.filter { $0.executions.contains { $0.status == "converted" } }.count,
                paths: paths))
    }

    /// Where the leads come from, and how to name a bad record in an error.
    struct Leads {
        var order: TrialReplayOrder.Leads
        var leadCount: Int

        /// `leads[2]: error: ...` for the third lead, `events[0]: ...` for the first event.
        func locate(_ problem: ImportProblem) -> String {
            guard problem.line > 0 else { return "body: error: \(problem.message)" }
            let place =
                problem.line <= leadCount
                ? "leads[\(problem.line - 1)]" : "events[\(problem.line - 1 - leadCount)]"
            return "\(place): error: \(problem.message)"
        }
    }

    static func leads(_ body: JSON) throws -> Leads {
        let cohort = try body.optionalString("cohort")
        let sampleLeads = try records(body, "leads", type: "lead")
        let sampleEvents = try records(body, "events", type: "event")
        switch (cohort, sampleLeads) {
        case (let cohort?, nil):
            guard sampleEvents == nil else {
                throw Problem.badRequest("\"events\" go with \"leads\", not a cohort")
            }
            let limit = try body.optionalInteger("limit") ?? 20
            guard (1...Int64(TrialReplayOrder.maxLeads)).contains(limit) else {
                throw Problem.badRequest("limit must be 1 to \(TrialReplayOrder.maxLeads)")
            }
            return Leads(order: .cohort(cohort, limit: Int(limit)), leadCount: 0)
        case (nil, let leads?):
            guard body["limit"] == nil else {
                throw Problem.badRequest(
                    "\"limit\" goes with \"cohort\": every lead in \"leads\" is replayed")
            }
            let lines = (leads + (sampleEvents ?? [])).map { JSONText.encode($0) }.joined(separator: "\n")
            return Leads(order: .records(jsonLines: lines, source: "body"), leadCount: leads.count)
        case (_?, _?):
            throw Problem.badRequest("give either \"cohort\" or \"leads\", not both")
        case (nil, nil):
            throw Problem.badRequest(
                "say which leads to replay: \"cohort\": NAME, or \"leads\": [...] (and \"events\": [...])")
        }
    }

    /// A list of records in the cohort format (docs/cohort-format.md), without their `type`.
    static func records(_ body: JSON, _ key: String, type: String) throws -> [JSON]? {
        switch body[key] {
        case nil: return nil
        case .array(let items)?:
            return try items.enumerated().map { index, item in
                guard case .object(var fields) = item else {
                    throw Problem.badRequest("\(key)[\(index)] must be an object, found \(item.kindName)")
                }
                fields["type"] = .string(type)
                return .object(fields)
            }
        case .some(let other): throw Problem.badRequest("\"\(key)\" must be a list, found \(other.kindName)")
        }
    }
}
