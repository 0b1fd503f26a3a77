import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// `/api/workflows`: create, list, read, new versions, versions, activate, rollback, archive,
/// and each one's errors, over a real server and a seeded workspace.
@Suite struct JourneyEndpointTests {
    @Test func listsTheSeededJourneys() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.get, "/api/workflows")
            #expect(response.status == .ok)
            #expect(response.contentType == "application/json")
            guard case .array(let items) = try response.json else {
                Issue.record("not a list: \(response.text)")
                return
            }
            #expect(items.contains { $0["journey"]?.string == "welcome-series" })
        }
    }

    @Test func createsReadsAndVersionsAJourney() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let created = try await client.request(.post, "/api/workflows?message=first", body: journeyJSON())
            #expect(created.status == .created, "\(created.text)")
            #expect(created.headers[.location] == "/api/workflows/api-journey")
            #expect(try created.json["version"] == .number(1))

            let again = try await client.request(.post, "/api/workflows", body: journeyJSON())
            try expectProblem(again, .conflict, title: "Journey exists")

            let shown = try await client.request(.get, "/api/workflows/api-journey")
            #expect(shown.status == .ok)
            let definition = try shown.json["version"]?["definition"]
            #expect(definition?["journey"]?.string == "api-journey")
            #expect(definition?["nodes"] != nil)
            #expect(try shown.json["version"]?["message"]?.string == "first")

            let same = try await client.request(.put, "/api/workflows/api-journey", body: journeyJSON())
            #expect(same.status == .ok)
            #expect(try same.json["created"] == .bool(false))

            let changed = try await client.request(
                .put, "/api/workflows/api-journey", body: journeyJSON(wait: "2d"))
            #expect(changed.status == .created)
            #expect(try changed.json["version"] == .number(2))

            let versions = try await client.request(.get, "/api/workflows/api-journey/versions")
            guard case .array(let items) = try versions.json else {
                Issue.record("not a list: \(versions.text)")
                return
            }
            #expect(items.count == 2)
            let second = try await client.request(.get, "/api/workflows/api-journey/versions/2")
            #expect(try second.json["version"] == .number(2))
            #expect(try second.json["definition"]?["journey"]?.string == "api-journey")
            try expectProblem(
                try await client.request(.get, "/api/workflows/api-journey/versions/9"), .notFound)
            try expectProblem(
                try await client.request(.get, "/api/workflows/api-journey/versions/zero"), .badRequest)
        }
        #expect(try seeded.workspace.history(of: "api-journey").count == 2)
    }

    @Test func activatesRollsBackAndArchives() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            try await client.request(.post, "/api/workflows", body: journeyJSON())
            try await client.request(.put, "/api/workflows/api-journey", body: journeyJSON(wait: "3d"))

            let activated = try await client.request(
                .post, "/api/workflows/api-journey/activate", body: #"{"version": 1}"#)
            #expect(activated.status == .ok, "\(activated.text)")
            #expect(try activated.json["activeVersion"] == .number(1))
            let latest = try await client.request(.post, "/api/workflows/api-journey/activate")
            #expect(try latest.json["activeVersion"] == .number(2))

            let rolledBack = try await client.request(
                .post, "/api/workflows/api-journey/rollback", body: #"{"version": 1}"#)
            #expect(rolledBack.status == .created)
            #expect(try rolledBack.json["activeVersion"] == .number(3))
            try expectProblem(
                try await client.request(.post, "/api/workflows/api-journey/rollback", body: "{}"),
                .badRequest)
            try expectProblem(
                try await client.request(
                    .post, "/api/workflows/api-journey/rollback", body: #"{"version": 42}"#),
                .notFound)

            let archived = try await client.request(.delete, "/api/workflows/api-journey")
            #expect(archived.status == .noContent)
            let list = try await client.request(.get, "/api/workflows")
            #expect(!list.text.contains("api-journey"))
            try expectProblem(
                try await client.request(.post, "/api/workflows/api-journey/activate"), .conflict,
                title: "Journey archived")
        }
        #expect(try seeded.workspace.history(of: "api-journey").map(\.version) == [1, 2, 3])
    }

    @Test func unknownJourneysAreNotFoundWithASuggestion() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.get, "/api/workflows/welcome-serie")
            try expectProblem(response, .notFound, title: "Not found")
            #expect(try response.json["detail"]?.string?.contains("did you mean 'welcome-series'") == true)
            try expectProblem(try await client.request(.delete, "/api/workflows/nope"), .notFound)
            try expectProblem(
                try await client.request(.put, "/api/workflows/nope", body: journeyJSON(id: "nope")),
                .notFound)
            try expectProblem(try await client.request(.get, "/api/no-such-route"), .notFound)
        }
    }

    @Test func invalidJourneysCarryTheLocatedMessagesOfValidate() async throws {
        let seeded = try SeededWorkspace()
        let broken = journeyJSON().replacingOccurrences(of: #""next": "done""#, with: #""next": "dne""#)
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.post, "/api/workflows", body: broken)
            try expectProblem(response, .unprocessableContent, title: "Invalid journey")
            guard case .array(let errors)? = try response.json["errors"] else {
                Issue.record("no errors: \(response.text)")
                return
            }
            let first = errors.first?.string ?? ""
            // The same words and location `cairn validate` gives, pointing into the body.
            #expect(first.hasPrefix("request.json:8:"), "\(first)")
            #expect(first.contains(": error: "))
            #expect(first.contains("dne"))
            // Warnings come along, as validate prints them: the exit is now unreachable.
            guard case .array(let warnings)? = try response.json["warnings"] else {
                Issue.record("no warnings: \(response.text)")
                return
            }
            #expect(warnings.contains { $0.string?.contains("warning: node 'done' is unreachable") == true })
            // The column points at the unknown name in that line of the body.
            let parts = first.split(separator: ":")
            let line = broken.split(separator: "\n", omittingEmptySubsequences: false)[7]
            if parts.count > 2, let column = Int(parts[2]), column <= line.count {
                #expect(
                    line.dropFirst(column - 1).hasPrefix("\"dne\"")
                        || line.dropFirst(column - 1).hasPrefix("dne"))
            }
        }
        #expect(try seeded.workspace.journeys().allSatisfy { $0.journey != "api-journey" })
    }

    @Test func malformedJSONIsABadRequest() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.post, "/api/workflows", body: #"{"journey": "x", "#)
            try expectProblem(response, .badRequest, title: "Malformed JSON")
            let mismatch = try await client.request(
                .put, "/api/workflows/welcome-series", body: journeyJSON(id: "other"))
            try expectProblem(mismatch, .unprocessableContent, title: "Journey id mismatch")
            let notANumber = try await client.request(
                .post, "/api/workflows/welcome-series/activate", body: #"{"version": "two"}"#)
            try expectProblem(notANumber, .badRequest)
        }
    }

    @Test func takesYAMLWhenTheContentTypeSaysSo() async throws {
        let seeded = try SeededWorkspace()
        let yaml = try seeded.workspace.journeyVersion("welcome-series").yaml
            .replacingOccurrences(of: "journey: welcome-series", with: "journey: welcome-copy")
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/workflows", body: yaml, headers: [.contentType: "application/yaml"])
            #expect(response.status == .created, "\(response.text)")
        }
    }
}
