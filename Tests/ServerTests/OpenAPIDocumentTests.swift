import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
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

    /// `METHOD /path` for every operation in the document: a path line at two spaces, its
    /// methods at four.
    static func documentedRoutes(_ text: String) -> [String] {
        var routes: [String] = []
        var path: String?
        var inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") {
                inPaths = true
                continue
            }
            if inPaths, !line.hasPrefix(" "), !line.isEmpty { inPaths = false }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "put", "post", "delete", "patch"].contains(String(method)) {
                    routes.append("\(method.uppercased()) \(path)")
                }
            }
        }
        return routes.sorted()
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let seeded = try SeededWorkspace()
        let registered = seeded.server().routeList()
        let documented = Self.documentedRoutes(try Self.documentOnDisk())
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
