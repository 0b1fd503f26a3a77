import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel
import Testing
import Workspace

@testable import Server

/// `POST /api/records`: JSON Lines or a JSON array of cohort records into the `live` cohort,
/// all or nothing, with every bad record located.
@Suite struct RecordsEndpointTests {
    static let lead =
        #"{"type": "lead", "id": "R-1", "created_at": "2026-11-02T09:30:00Z", "consents": ["email"], "properties": {"plan": "trial"}}"#
    static let event =
        #"{"type": "event", "lead_id": "R-1", "event": "opened", "channel": "email", "time": "2026-11-02T10:00:00Z"}"#

    static func headers(_ contentType: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return headers
    }

    static func liveCounts(_ workspace: Workspace) throws -> (leads: Int, events: Int)? {
        guard let cohort = try? workspace.cohort(named: "live") else { return nil }
        return (cohort.leads, cohort.events)
    }

    @Test func storesJSONLinesAndAnswersWithTheCounts() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let body = [Self.lead, Self.event, ""].joined(separator: "\n")
            let response = try await client.request(
                .post, "/api/records", body: body, headers: Self.headers("application/x-ndjson"))
            #expect(response.status == .ok, "\(response.text)")
            let json = try response.json
            #expect(json["cohort"] == .string("live"))
            #expect(json["leadsCreated"] == .number(1))
            #expect(json["events"] == .number(1))
            let again = try await client.request(
                .post, "/api/records",
                body:
                    #"{"type": "lead", "id": "R-1", "created_at": "2026-11-02", "properties": {"plan": "pro"}}"#,
                headers: Self.headers("application/jsonl; charset=utf-8"))
            #expect(try again.json["leadsUpdated"] == .number(1), "\(again.text)")
        }
        let counts = try Self.liveCounts(seeded.workspace)
        #expect(counts?.leads == 1 && counts?.events == 1)
    }

    @Test func storesAJSONArray() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/records", body: "[\(Self.event), \(Self.lead)]",
                headers: Self.headers("application/json"))
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.json["leadsCreated"] == .number(1))
            #expect(try response.json["events"] == .number(1))
        }
        #expect(try Self.liveCounts(seeded.workspace)?.events == 1)
    }

    @Test func badRecordsAreLocatedAndNothingIsStored() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let lines = [Self.lead, #"{"type": "contact"}"#, Self.event, "{"].joined(separator: "\n")
            let response = try await client.request(
                .post, "/api/records", body: lines, headers: Self.headers("application/x-ndjson"))
            try expectProblem(response, .unprocessableContent, title: "Invalid records")
            let errors = try response.json["errors"]
            #expect(errors?[0]?.string?.hasPrefix("request:2: error: unknown record type") == true)
            #expect(errors?[1]?.string?.hasPrefix("request:4: error: not JSON") == true)
            #expect(try response.json["detail"]?.string == "2 bad records; nothing was stored")

            let array = try await client.request(
                .post, "/api/records",
                body:
                    #"[\#(Self.lead), 7, {"type": "event", "lead_id": "nobody", "event": "x", "time": "2026-11-02"}]"#,
                headers: Self.headers("application/json"))
            try expectProblem(array, .unprocessableContent, title: "Invalid records")
            let arrayErrors = try array.json["errors"]
            #expect(
                arrayErrors?[0]?.string
                    == #"request[1]: error: expected a JSON object with "type": "lead" or "event", found a number"#
            )
            #expect(arrayErrors?[1]?.string == "request[2]: error: event for unknown lead 'nobody'")
        }
        #expect(try Self.liveCounts(seeded.workspace) == nil, "nothing stored, not even the cohort")
    }

    @Test func refusesOtherBodiesAndTypes() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server(maxBodyBytes: 512)) { client in
            let object = try await client.request(
                .post, "/api/records", body: Self.lead, headers: Self.headers("application/json"))
            try expectProblem(object, .badRequest)
            let malformed = try await client.request(
                .post, "/api/records", body: "[{", headers: Self.headers("application/json"))
            try expectProblem(malformed, .badRequest, title: "Malformed JSON")
            let csv = try await client.request(
                .post, "/api/records", body: "id,created_at\n", headers: Self.headers("text/csv"))
            try expectProblem(csv, .unsupportedMediaType)
            let big = Array(repeating: Self.lead, count: 10).joined(separator: "\n")
            let tooLarge = try await client.request(
                .post, "/api/records", body: big, headers: Self.headers("application/x-ndjson"))
            try expectProblem(tooLarge, .contentTooLarge, title: "Request body too large")
        }
        #expect(try Self.liveCounts(seeded.workspace) == nil)
    }
}
