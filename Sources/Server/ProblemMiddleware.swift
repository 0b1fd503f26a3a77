import Hummingbird

/// Turns every error into problem details: problems as they are, Hummingbird's HTTP errors
/// (404 for an unknown route, 413, ...) with their status, anything else as a 500. A known
/// path asked with a method it does not take is 405 with `Allow`, not the router's 404.
struct ProblemMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext
    let routes: RouteMethods

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .notFound, response.headers[.contentType] == nil {
                return noRoute(request).response()
            }
            return response
        } catch let problem as Problem {
            return problem.response()
        } catch let error as any HTTPResponseError where error.status == .notFound {
            return noRoute(request).response()
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
            return Problem(
                .internalServerError, "Internal error",
                detail: "\(request.method) \(request.uri.path) failed; the server's log says why"
            )
            .response()
        }
    }

    /// The router found no route: 405 when the path has routes for other methods, else 404.
    func noRoute(_ request: Request) -> Problem {
        routes.methodNotAllowed(request.method, path: request.uri.path)
            ?? Problem.notFound("no route \(request.method) \(request.uri.path)")
    }
}
