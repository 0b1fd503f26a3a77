import Hummingbird
import JourneyModel
import Workspace

/// `/api/workflows`: journeys and their versions. A body is a journey with the keys of its
/// YAML file, as JSON (YAML is taken too); it is read and validated once, as `cairn validate`
/// would, and the journey is saved with its canonical YAML as its text, so versions diff the
/// same however they arrived.
struct JourneyRoutes {
    let workspace: Workspace
    let configuration: ServerConfiguration

    func register(on router: Router<APIRequestContext>) {
        router.get("/api/workflows") { _, _ in try await list() }
        router.post("/api/workflows") { request, _ in try await create(request) }
        router.get("/api/workflows/{id}") { _, context in try await show(try context.id) }
        router.put("/api/workflows/{id}") { request, context in try await update(request, try context.id) }
        router.delete("/api/workflows/{id}") { _, context in try await archive(try context.id) }
        router.post("/api/workflows/{id}/activate") { request, context in
            try await activate(request, try context.id)
        }
        router.get("/api/workflows/{id}/versions") { _, context in try await versions(try context.id) }
        router.get("/api/workflows/{id}/versions/{version}") { _, context in
            try await version(try context.id, try context.version)
        }
        router.post("/api/workflows/{id}/rollback") { request, context in
            try await rollback(request, try context.id)
        }
    }

    struct SaveResult: Encodable {
        var journey: String
        var version: Int
        /// False when the content was already the latest version's: nothing was added.
        var created: Bool
    }

    struct VersionBody: Encodable {
        var journey: String
        var version: Int
        var active: Bool
        var author: String
        var createdAt: Int64
        var message: String?
        var origin: String
        var restoredFrom: Int?
        var contentHash: String
        /// The journey, with the keys of its YAML file.
        var definition: JSON
        var yaml: String

        init(_ stored: JourneyVersion) {
            journey = stored.journey
            version = stored.version
            active = stored.isActive
            author = stored.author
            createdAt = stored.createdAt
            message = stored.message
            origin = stored.origin.rawValue
            restoredFrom = stored.restoredFrom
            contentHash = stored.contentHash
            definition = JourneyJSON.json(ofYAML: stored.yaml) ?? .null
            yaml = stored.yaml
        }
    }

    struct JourneyWithVersion: Encodable {
        var summary: JourneySummary
        var version: VersionBody
    }

    func list() async throws -> Response {
        try APIResponse.json(try await WorkspaceCall.run { try workspace.journeys() })
    }

    func show(_ id: String) async throws -> Response {
        let body = try await WorkspaceCall.run { () throws -> JourneyWithVersion in
            _ = try workspace.journeyRowID(for: id, allowArchived: true)
            guard
                let summary = try workspace.journeys(includeArchived: true).first(where: { $0.journey == id })
            else { throw Problem.notFound("no journey '\(id)' in this workspace") }
            let shown = try summary.activeVersion.map { try workspace.journeyVersion(id, version: $0) }
            return JourneyWithVersion(
                summary: summary, version: VersionBody(try shown ?? workspace.journeyVersion(id)))
        }
        return try APIResponse.json(body)
    }

    func create(_ request: Request) async throws -> Response {
        let journey = try await JourneyBody.read(request, limit: configuration.maxBodyBytes)
        let message = request.uri.queryParameters["message"].map(String.init)
        let result = try await WorkspaceCall.run { () throws -> SaveResult in
            if try workspace.journeys(includeArchived: true).contains(where: { $0.journey == journey.id }) {
                throw Problem(
                    .conflict, "Journey exists",
                    detail:
                        "journey '\(journey.id)' already exists; PUT /api/workflows/\(journey.id) adds a version"
                )
            }
            let saved = try workspace.saveJourney(
                journey, yaml: JourneyWriter.write(journey), file: "request", message: message,
                origin: .import)
            return SaveResult(journey: saved.journey, version: saved.version, created: saved.created)
        }
        var response = try APIResponse.json(result, status: .created)
        response.headers[.location] = "/api/workflows/\(result.journey)"
        return response
    }

    func update(_ request: Request, _ id: String) async throws -> Response {
        let journey = try await JourneyBody.read(request, limit: configuration.maxBodyBytes)
        let message = request.uri.queryParameters["message"].map(String.init)
        let result = try await WorkspaceCall.run { () throws -> SaveResult in
            _ = try workspace.journeyRowID(for: id, allowArchived: false)
            guard journey.id == id else {
                throw WorkspaceError.journeyIDMismatch(expected: id, found: journey.id)
            }
            // An archived journey stays archived: 409, as for activate (the file door restores).
            let saved = try workspace.saveJourney(
                journey, yaml: JourneyWriter.write(journey), file: "request", message: message, origin: .save,
                restoringArchived: false)
            return SaveResult(journey: saved.journey, version: saved.version, created: saved.created)
        }
        return try APIResponse.json(result, status: result.created ? .created : .ok)
    }

    func archive(_ id: String) async throws -> Response {
        try await WorkspaceCall.run { try workspace.archive(id) }
        return Response(status: .noContent)
    }

    /// Version numbers a body may name.
    static let versions: ClosedRange<Int64> = 1...Int64(Int32.max)

    struct Activation: Encodable {
        var journey: String
        var activeVersion: Int
    }

    func activate(_ request: Request, _ id: String) async throws -> Response {
        let body = try await RequestBody.object(
            request, limit: configuration.maxBodyBytes, fields: ["version"])
        let version = try body.optionalInteger("version", in: Self.versions).map(Int.init)
        let active = try await WorkspaceCall.run { try workspace.activate(id, version: version) }
        return try APIResponse.json(Activation(journey: id, activeVersion: active))
    }

    func versions(_ id: String) async throws -> Response {
        let history = try await WorkspaceCall.run { try workspace.history(of: id) }
        return try APIResponse.json(history.map(VersionBody.init))
    }

    func version(_ id: String, _ number: Int) async throws -> Response {
        let stored = try await WorkspaceCall.run { try workspace.journeyVersion(id, version: number) }
        return try APIResponse.json(VersionBody(stored))
    }

    func rollback(_ request: Request, _ id: String) async throws -> Response {
        let body = try await RequestBody.object(
            request, limit: configuration.maxBodyBytes, fields: ["version"])
        guard let target = try body.optionalInteger("version", in: Self.versions) else {
            throw Problem.badRequest(
                "a rollback needs {\"version\": N}: the version whose content to restore")
        }
        let created = try await WorkspaceCall.run { try workspace.rollback(id, to: Int(target)) }
        return try APIResponse.json(Activation(journey: id, activeVersion: created), status: .created)
    }
}

extension APIRequestContext {
    /// The `{id}` path parameter.
    var id: String {
        get throws {
            guard let id = parameters.get("id"), !id.isEmpty else { throw Problem.badRequest("missing id") }
            return id
        }
    }

    var version: Int {
        get throws {
            guard let text = parameters.get("version"), let number = Int(text), number >= 1 else {
                throw Problem.badRequest("a version is a whole number from 1")
            }
            return number
        }
    }
}
