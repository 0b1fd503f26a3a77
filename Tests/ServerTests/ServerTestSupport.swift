import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real workspace file, seeded with the sample journeys and cohorts, in a fresh temporary
/// folder removed when the test ends.
final class SeededWorkspace: Sendable {
    let folder: URL
    let workspace: Workspace

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cairn-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        workspace = try Workspace.open(at: folder.appendingPathComponent("cairn.db").path, seed: .bundled)
    }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// The server on a free loopback port: `port: 0`.
    func server(
        token: String? = nil,
        rateLimit: ServerConfiguration.RateLimit = .init(burst: 10_000, perSecond: 10_000),
        maxBodyBytes: Int = 1 << 20, maxWebhookBodyBytes: Int = 4096
    ) -> CairnServer {
        CairnServer(
            workspace: workspace,
            configuration: ServerConfiguration(
                host: "127.0.0.1", port: 0, token: token, maxBodyBytes: maxBodyBytes,
                maxWebhookBodyBytes: maxWebhookBodyBytes, rateLimit: rateLimit))
    }
}

/// Starts `server` for real on a free loopback port and runs `body` with a client talking HTTP
/// to it (Foundation's URLSession: no HTTP client package to build); stops it afterwards.
func withLiveServer(
    _ server: CairnServer, _ body: @Sendable (LiveClient) async throws -> Void
) async throws {
    let (ports, listening) = AsyncStream.makeStream(of: Int.self)
    let application = try server.application(onListening: { listening.yield($0) })
    let running = Task { try await application.runService(gracefulShutdownSignals: []) }
    defer { running.cancel() }
    var iterator = ports.makeAsyncIterator()
    guard let port = await iterator.next(), port > 0 else {
        Issue.record("the server did not start listening")
        return
    }
    try await body(LiveClient(port: port))
    running.cancel()
    _ = try? await running.value
}

/// An HTTP client for one live test server.
struct LiveClient: Sendable {
    var port: Int

    /// The session: no caching, no cookies, nothing shared between tests.
    private static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = 60
        return URLSession(configuration: configuration)
    }()

    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> LiveResponse {
        try await request(method, uri, bytes: body.map { Data($0.utf8) }, headers: headers)
    }

    /// The same with a body of any bytes (not necessarily UTF-8).
    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, bytes body: Data?, headers: HTTPFields = [:]
    ) async throws -> LiveResponse {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(uri)") else {
            throw URLError(.badURL)
        }
        var request = URLRequest(url: url)
        request.httpMethod = method.rawValue
        for field in headers { request.addValue(field.value, forHTTPHeaderField: field.name.rawName) }
        if let body {
            request.httpBody = body
            if headers[.contentType] == nil {
                request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            }
        }
        let (data, response) = try await Self.session.data(for: request)
        guard let http = response as? HTTPURLResponse else { throw URLError(.badServerResponse) }
        var fields = HTTPFields()
        for (name, value) in http.allHeaderFields {
            if let text = name as? String, let name = HTTPField.Name(text), let value = value as? String {
                fields.append(HTTPField(name: name, value: value))
            }
        }
        return LiveResponse(
            status: HTTPResponse.Status(code: http.statusCode), headers: fields,
            text: String(decoding: data, as: UTF8.self))
    }
}

/// A response's status, headers and body.
struct LiveResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    var json: JSON {
        get throws { try JSON.parse(text) }
    }

    var contentType: String? { headers[.contentType] }
}

/// Checks a problem-details response: status, content type, and the fields every one has.
func expectProblem(
    _ response: LiveResponse, _ status: HTTPResponse.Status, title: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
    #expect(response.contentType == "application/problem+json", sourceLocation: sourceLocation)
    let json = try response.json
    #expect(json["status"] == .number(Double(status.code)), sourceLocation: sourceLocation)
    #expect(json["type"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
    #expect(json["detail"]?.string?.isEmpty == false, sourceLocation: sourceLocation)
    if let title { #expect(json["title"]?.string == title, sourceLocation: sourceLocation) }
}

/// A small valid journey as JSON, with the keys of a journey file.
func journeyJSON(id: String = "api-journey", wait: String = "1d") -> String {
    """
    {
      "journey": "\(id)",
      "name": "API journey",
      "entry": {"trigger": {"type": "event", "event": "lead.created"}, "reentry": "never", "next": "hello"},
      "nodes": [
        {"id": "hello", "kind": "action", "action": {"type": "send", "channel": "email", "template": "hi"},
         "next": "pause"},
        {"id": "pause", "kind": "wait", "wait": {"for": "\(wait)"}, "next": "done"},
        {"id": "done", "kind": "exit"}
      ]
    }
    """
}

extension JSON {
    /// The item at `index` of a list.
    subscript(index: Int) -> JSON? {
        guard case .array(let items) = self, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
