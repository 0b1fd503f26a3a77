import Foundation
import HTTPTypes
import Hummingbird
import Workspace

/// An error as RFC 9457 problem details, `application/problem+json`: a type, a title that
/// names the kind of problem, the status, a detail saying what exactly went wrong, and for
/// invalid journeys the located messages `cairn validate` prints (`file:line:col: error: ...`).
public struct Problem: Error, HTTPResponseError, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var title: String
    public var detail: String
    /// Located messages, one per problem found.
    public var errors: [String]
    /// Located warnings that came with them (an invalid journey's unreachable nodes, say).
    public var warnings: [String] = []
    /// Extra headers, such as `Retry-After` or `WWW-Authenticate`.
    public var headers: [String: String]

    public init(
        _ status: HTTPResponse.Status, _ title: String, detail: String, errors: [String] = [],
        headers: [String: String] = [:]
    ) {
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// `https://cairn.invalid/problems/not-found`: the title as a stable slug.
    public var type: String {
        let slug = title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return "urn:cairn:problem:" + String(slug)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        response()
    }

    public func response() -> Response {
        var fields: [String: JSON] = [
            "type": .string(type), "title": .string(title), "status": .number(Double(status.code)),
            "detail": .string(detail),
        ]
        if !errors.isEmpty { fields["errors"] = .array(errors.map(JSON.string)) }
        if !warnings.isEmpty { fields["warnings"] = .array(warnings.map(JSON.string)) }
        var response = APIResponse.text(JSONText.encode(.object(fields)) + "\n", status: status)
        response.headers[.contentType] = "application/problem+json"
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { response.headers[field] = value }
        }
        return response
    }

    static func notFound(_ detail: String) -> Problem { Problem(.notFound, "Not found", detail: detail) }

    static func badRequest(_ detail: String) -> Problem {
        Problem(.badRequest, "Bad request", detail: detail)
    }
}
