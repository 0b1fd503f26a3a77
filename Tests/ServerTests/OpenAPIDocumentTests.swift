import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// docs/openapi.yaml describes exactly the routes the server registers, and the server hands
/// out the same text.
@Suite struct OpenAPIDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func documentOnDisk() throws -> String {
        try String(contentsOf: root.appendingPathComponent("docs/openapi.yaml"), encoding: .utf8)
    }

    /// `METHOD /path` for every operation in the document, read as YAML (the workspace's
    /// YAML-to-JSON reading; it gives nil for text that is not YAML).
    static func documentedRoutes(_ text: String) throws -> [String] {
        let document = try #require(JourneyJSON.json(ofYAML: text), "docs/openapi.yaml is not YAML")
        #expect(document["openapi"] == .string("3.1.0"))
        guard case .object(let paths)? = document["paths"] else {
            Issue.record("docs/openapi.yaml has no paths")
            return []
        }
        var routes: [String] = []
        for (path, item) in paths {
            guard case .object(let operations) = item else { continue }
            for method in operations.keys where ["get", "put", "post", "delete", "patch"].contains(method) {
                routes.append("\(method.uppercased()) \(path)")
            }
        }
        return routes.sorted()
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let seeded = try SeededWorkspace()
        let registered = seeded.server().routeList()
        let documented = try Self.documentedRoutes(try Self.documentOnDisk())
        #expect(registered.count >= 16)
        for route in registered where !documented.contains(route) {
            Issue.record("docs/openapi.yaml does not document \(route)")
        }
        for route in documented where !registered.contains(route) {
            Issue.record("docs/openapi.yaml documents \(route), which the server does not serve")
        }
    }

    @Test func servesTheDocumentItCarries() async throws {
        let seeded = try SeededWorkspace()
        let onDisk = try Self.documentOnDisk()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.get, "/api/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/yaml")
            #expect(response.text == onDisk)
            #expect(response.text.hasPrefix("openapi: 3.1"))
        }
    }
}
