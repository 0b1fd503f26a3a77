import Hummingbird
import JourneyModel
import Workspace

/// A journey in a request body: JSON with the keys of a journey file (JSON is YAML, so the
/// journey reader takes it as it is and its located errors point into the body), or YAML
/// when the content type says so.
enum JourneyBody {
    /// The name located errors give the body: `request.json:3:14: error: ...`.
    static func read(_ request: Request, limit: Int) async throws -> Journey {
        let text = try await RequestBody.text(request, limit: limit)
        let contentType = request.headers[.contentType]?.lowercased() ?? "application/json"
        let isYAML = contentType.contains("yaml")
        if !isYAML {
            // Syntax first, with the JSON parser's words: a YAML reader would accept some
            // broken JSON as YAML, or blame it differently.
            let parsed = try RequestBody.parse(text)
            guard case .object = parsed else {
                throw Problem.badRequest(
                    "the body must be a journey, a JSON object; found \(parsed.kindName)")
            }
        }
        let file = isYAML ? "request.yaml" : "request.json"
        let result = JourneyReader.readAndValidate(bytes: Array(text.utf8), file: file)
        guard let journey = result.journey else {
            throw Problem(WorkspaceError.invalidJourney(result.diagnostics))
        }
        return journey
    }
}
