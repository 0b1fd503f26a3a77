import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import JourneyModel
@testable import Server

/// What a client generated from docs/openapi.yaml meets: bodies with unknown fields or of the
/// wrong type are refused by name, methods a path does not take get 405 with `Allow`, numbers
/// past 2^53 are out of range, an archived journey is not restored by PUT, and errors do not
/// tell where the workspace lives.
@Suite struct ConformanceTests {
    @Test func aBodyWithAnUnknownFieldOrOfAnotherTypeIsRefusedByName() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            #expect(try await client.request(.post, "/api/workflows", body: journeyJSON()).status == .created)
            let base = "/api/workflows/api-journey"
            let typo = try await client.request(.post, "\(base)/activate", body: #"{"versoin": 1}"#)
            try expectProblem(typo, .badRequest)
            #expect(
                try typo.json["detail"]?.string?.contains(#""versoin" (did you mean "version"?)"#) == true)
            for body in [#""x""#, "[1]", "1", "null"] {
                for endpoint in ["activate", "rollback", "test"] {
                    let response = try await client.request(.post, "\(base)/\(endpoint)", body: body)
                    try expectProblem(response, .badRequest)
                    #expect(try response.json["detail"]?.string?.contains("must be a JSON object") == true)
                }
                let created = try await client.request(.post, "/api/workflows", body: body)
                try expectProblem(created, .badRequest)
                try expectProblem(try await client.request(.put, base, body: body), .badRequest)
            }
            let null = try await client.request(.post, "\(base)/activate", body: #"{"version": null}"#)
            try expectProblem(null, .badRequest)
            #expect(try null.json["detail"]?.string?.contains("found null") == true)
            let rollback = try await client.request(
                .post, "\(base)/rollback", body: #"{"version": 1, "why": 2}"#)
            try expectProblem(rollback, .badRequest)
            #expect(try rollback.json["detail"]?.string?.contains(#""why""#) == true)
            // Nothing above activated anything.
            let shown = try await client.request(.get, base)
            let active = try shown.json["summary"]?["activeVersion"]
            #expect(active == nil || active == .null)
            #expect(try shown.json["summary"]?["latestVersion"] == .number(1))
        }
    }

    @Test func numbersPastTwoToThe53AreOutOfRange() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let big = try await client.request(
                .post, "/api/workflows/welcome-series/activate", body: #"{"version": 9007199254740993}"#)
            try expectProblem(big, .badRequest)
            #expect(try big.json["detail"]?.string?.contains("out of range") == true)
            let seed = try await client.request(
                .post, "/api/workflows/welcome-series/test",
                body: #"{"cohort": "sample", "limit": 1, "seed": 1e300}"#)
            try expectProblem(seed, .badRequest)
            #expect(try seed.json["detail"]?.string?.contains("out of range") == true)
            let limit = try await client.request(
                .get, "/api/workflows/welcome-series/executions?offset=99999999999999999999")
            try expectProblem(limit, .badRequest)
            #expect(try limit.json["detail"]?.string?.contains("out of range") == true)
        }
    }

    @Test func aMethodAPathDoesNotTakeIs405WithAllow() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let document = try await client.request(.delete, "/api/openapi.yaml")
            try expectProblem(document, .methodNotAllowed)
            #expect(document.headers[.allow] == "GET")
            let journey = try await client.request(.patch, "/api/workflows/welcome-series")
            try expectProblem(journey, .methodNotAllowed)
            #expect(journey.headers[.allow] == "DELETE, GET, PUT")
            let test = try await client.request(.get, "/api/workflows/welcome-series/test")
            #expect(test.headers[.allow] == "POST")
            try expectProblem(try await client.request(.get, "/api/nothing-here"), .notFound)
            try expectProblem(try await client.request(.get, "/api/workflows/no-such-journey"), .notFound)
        }
    }

    @Test func putOnAnArchivedJourneyIs409AndItStaysArchived() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            #expect(try await client.request(.post, "/api/workflows", body: journeyJSON()).status == .created)
            #expect(try await client.request(.delete, "/api/workflows/api-journey").status == .noContent)
            let put = try await client.request(
                .put, "/api/workflows/api-journey", body: journeyJSON(wait: "2d"))
            try expectProblem(put, .conflict, title: "Journey archived")
        }
        let summary = try #require(
            try seeded.workspace.journeys(includeArchived: true).first { $0.journey == "api-journey" })
        #expect(summary.archived)
        #expect(summary.latestVersion == 1)
    }

    @Test func testReplayBodiesAndStagesAreWhatTheDocumentSays() async throws {
        let seeded = try SeededWorkspace()
        _ = try seeded.workspace.replay(
            ReplayOrder(journey: "welcome-series", cohort: "sample", seed: 7, mode: .recorded))
        try await withLiveServer(seeded.server()) { client in
            let path = "/api/workflows/welcome-series/test"
            try expectProblem(try await client.request(.post, path, body: "{}"), .badRequest)
            let empty = try await client.request(.post, path, body: #"{"cohort": "sample", "horizon": ""}"#)
            try expectProblem(empty, .badRequest)
            let lead = #"{"id": "S1", "created_at": "2026-10-01T09:00:00Z", "time_zone": "UTC"}"#
            let limited = try await client.request(.post, path, body: #"{"leads": [\#(lead)], "limit": 5}"#)
            try expectProblem(limited, .badRequest)
            let nullEvents = try await client.request(
                .post, path, body: #"{"leads": [\#(lead)], "events": null}"#)
            try expectProblem(nullEvents, .badRequest)
            let stages = try await client.request(.get, "/api/journeys/welcome-series/funnel?stages=nowhere")
            try expectProblem(stages, .unprocessableContent, title: "Unknown stage")
            let otherRun = try await client.request(.get, "/api/journeys/welcome-series/funnel?run=999")
            try expectProblem(otherRun, .notFound)
        }
    }

    @Test func problemsDoNotCarryTheWorkspacePath() {
        let path = "/srv/secret/place/cairn.db"
        for error in [
            WorkspaceError.locked(path: path), .diskFull(path: path), .notSQLite(path: path),
            .cannotOpen(path: path, reason: "permission denied"),
        ] {
            let problem = Problem(error)
            #expect(!problem.detail.contains("/srv/secret"), "\(problem.detail)")
            #expect(!problem.detail.isEmpty)
        }
        let locked = Problem(WorkspaceError.locked(path: path))
        #expect(locked.status == .serviceUnavailable)
        #expect(locked.detail.hasPrefix("the workspace is locked"))
    }

    @Test func anUnsignedWebhookIs401WhateverItsBytes() async throws {
        let seeded = try SeededWorkspace()
        try seeded.workspace.saveWebhook(
            WebhookDefinition(
                name: "form", secret: "s", cohort: "inbound", leadIDField: "id", propertyMap: [:]))
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/webhooks/form", bytes: Data([0xFF, 0xFE, 0x7B]),
                headers: [.contentType: "application/json"])
            try expectProblem(response, .unauthorized, title: "Bad signature")
        }
    }

    @Test func theJourneySchemaHasTheKeysTheReaderTakes() throws {
        let text = try OpenAPIDocumentTests.documentOnDisk()
        let document = try #require(JourneyJSON.json(ofYAML: text))
        let schema = try #require(document["components"]?["schemas"]?["Journey"])
        guard case .object(let properties)? = schema["properties"],
            case .array(let required)? = schema["required"]
        else {
            Issue.record("the Journey schema has no properties or required list")
            return
        }
        #expect(properties.keys.sorted() == JourneyReader.topKeys.sorted())
        #expect(required.compactMap(\.string).sorted() == ["entry", "journey", "name", "nodes"])
        #expect(schema["additionalProperties"] == .bool(false))
    }
}
