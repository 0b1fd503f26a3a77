import Hummingbird

/// Turns every error into problem details: problems as they are, Hummingbird's HTTP errors
/// (404 for an unknown route, 413, ...) with their status, anything else as a 500.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .notFound, response.headers[.contentType] == nil {
                return Problem.notFound("no route \(request.method) \(request.uri.path)").response()
            }
            return response
        } catch let problem as Problem {
            return problem.response()
        } catch let error as any HTTPResponseError {
            let title =
                switch error.status {
                case .notFound: "Not found"
                case .contentTooLarge: "Request body too large"
                case .methodNotAllowed: "Method not allowed"
                default: error.status.reasonPhrase
                }
            return Problem(
                error.status, title, detail: "\(request.method) \(request.uri.path): \(title.lowercased())"
            )
            .response()
        } catch {
            context.logger.error("\(request.method) \(request.uri.path) failed: \(error)")
            return Problem(.internalServerError, "Internal error", detail: "\(error)").response()
        }
    }
}
