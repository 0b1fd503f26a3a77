import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import Workspace

@testable import Server

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

/// Starts `server` for real on loopback and runs `body` with an HTTP client connected to it.
func withLiveServer(
    _ server: CairnServer, _ body: @Sendable (any TestClientProtocol) async throws -> Void
) async throws {
    let application = try server.application()
    try await application.test(.live) { client in try await body(client) }
}

/// A response's body as text and as JSON.
extension TestResponse {
    var text: String { String(buffer: body) }

    var json: JSON {
        get throws { try JSON.parse(text) }
    }

    var contentType: String? { headers[.contentType] }
}

extension TestClientProtocol {
    @discardableResult
    func request(
        _ method: HTTPRequest.Method, _ uri: String, body: String? = nil, headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var headers = headers
        if body != nil, headers[.contentType] == nil { headers[.contentType] = "application/json" }
        return try await execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }
}

/// Checks a problem-details response: status, content type, and the fields every one has.
func expectProblem(
    _ response: TestResponse, _ status: HTTPResponse.Status, title: String? = nil,
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
