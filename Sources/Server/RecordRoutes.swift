import Foundation
import Hummingbird
import Workspace

/// `POST /api/records`: leads and events coming in live, in the cohort file format
/// (docs/cohort-format.md), stored in the `live` cohort all at once or not at all (docs/live.md).
/// The body is JSON Lines (`application/x-ndjson`, `application/jsonl`), problems located as
/// `request:LINE`, or a JSON array of records (`application/json`), located as `request[INDEX]`
/// (from 0). Answers 200 with the counts stored; 422 with every bad record located, nothing
/// stored; 400 for a body that is not a JSON array; 413 over the body limit; 415 for another type.
struct RecordRoutes {
    let workspace: Workspace
    let configuration: ServerConfiguration

    static let lineTypes = ["application/x-ndjson", "application/jsonl", "application/x-jsonlines"]
    static let name = "request"

    func register(on router: Router<APIRequestContext>) {
        router.post("/api/records") { request, _ in try await receive(request) }
    }

    enum Body {
        case lines(String)
        /// The array's records, one per line in index order.
        case array(String)
    }

    func receive(_ request: Request) async throws -> Response {
        let body = try await Self.body(request, limit: configuration.maxBodyBytes)
        let text: String
        switch body {
        case .lines(let lines), .array(let lines): text = lines
        }
        let input = CohortImportInput(name: Self.name, format: .jsonLines, path: nil) {
            InputStream(data: Data(text.utf8))
        }
        let intake = try await WorkspaceCall.run { () throws -> LiveIntake in
            do {
                return try workspace.pushLiveRecords(input)
            } catch let error as WorkspaceError {
                guard case .liveRecordsRefused(let problems, let count) = error else { throw error }
                throw Problem(
                    .unprocessableContent, "Invalid records",
                    detail: "\(count) bad record\(count == 1 ? "" : "s"); nothing was stored",
                    errors: problems.map { Self.locate($0, in: body) })
            }
        }
        return try APIResponse.json(intake)
    }

    /// The body as JSON Lines text, told by its content type.
    static func body(_ request: Request, limit: Int) async throws -> Body {
        let type =
            (request.headers[.contentType] ?? "").lowercased()
            .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        if lineTypes.contains(type) {
            return .lines(try await RequestBody.text(request, limit: limit))
        }
        guard type == "application/json" else {
            throw Problem(
                .unsupportedMediaType, "Unsupported media type",
                detail:
                    "send records as JSON Lines (Content-Type: application/x-ndjson or application/jsonl) "
                    + "or as a JSON array (application/json)" + (type.isEmpty ? "" : ", not \(type)"))
        }
        let text = try await RequestBody.text(request, limit: limit)
        guard case .array(let records) = try RequestBody.parse(text) else {
            throw Problem.badRequest(
                "an application/json body is a JSON array of records ([{\"type\": \"lead\", ...}, ...]); "
                    + "wrap a single record in [ ]")
        }
        return .array(records.map { JSONText.encode($0) }.joined(separator: "\n"))
    }

    /// `request:LINE: error: ...` for JSON Lines; `request[INDEX]: error: ...` for an array,
    /// whose record at INDEX is line INDEX + 1.
    static func locate(_ problem: ImportProblem, in body: Body) -> String {
        guard case .array = body, problem.line > 0 else { return problem.description }
        return "\(name)[\(problem.line - 1)]: error: \(problem.message)"
    }
}
