import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// `POST /api/workflows/{id}/test`: paths with explanations, on sample leads or a cohort,
/// and nothing stored.
@Suite struct TrialReplayEndpointTests {
    static let sampleLeads = """
        {
          "mode": "recorded", "seed": 3,
          "leads": [
            {"id": "S1", "created_at": "2026-10-01T09:00:00Z", "time_zone": "UTC", "consents": ["email", "sms"],
             "properties": {"score": 90, "status": "lead"}},
            {"id": "S2", "created_at": "2026-10-01T10:00:00Z", "time_zone": "UTC", "consents": ["email"],
             "properties": {"score": 10, "status": "lead"}}
          ],
          "events": [
            {"lead_id": "S2", "event": "opened", "channel": "email", "time": "2026-10-01T12:00:00Z"}
          ]
        }
        """

    @Test func replaysSampleLeadsWithExplanationsAndStoresNothing() async throws {
        let seeded = try SeededWorkspace()
        let runsBefore = try seeded.workspace.runs().count
        let cohortsBefore = try seeded.workspace.cohorts().count
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/workflows/welcome-series/test", body: Self.sampleLeads)
            #expect(response.status == .ok, "\(response.text)")
            let json = try response.json
            #expect(json["stored"] == .bool(false))
            #expect(json["leads"] == .number(2))
            guard case .array(let paths)? = json["paths"] else {
                Issue.record("no paths: \(response.text)")
                return
            }
            #expect(paths.map { $0["lead"]?.string } == ["S1", "S2"])
            for path in paths {
                #expect(path["entered"] == .bool(true))
                guard case .array(let nodes)? = path["path"] else { continue }
                #expect(nodes.first?.string == "welcome-email")
                #expect(nodes.contains(.string("opened-welcome")))
            }
            // S1 never opened but scores 90: the engagement leaf holds. Each leaf is explained.
            guard case .array(let stays)? = paths[0]["executions"]?[0]?["stays"],
                let decision = stays.first(where: { $0["node"]?.string == "opened-welcome" }),
                case .array(let leaves)? = decision["explanation"]
            else {
                Issue.record("no explained decision: \(response.text)")
                return
            }
            #expect(leaves.contains { $0["field"]?.string == "score" && $0["matched"] == .bool(true) })
            // The same path as text, as `cairn lead` prints it.
            let text = paths[0]["text"]?.string ?? ""
            #expect(text.hasPrefix("Lead S1 in a test replay"), "\(text)")
            #expect(text.contains("score greater_than: expected 80, actual 90 → yes"), "\(text)")
        }
        #expect(try seeded.workspace.runs().count == runsBefore)
        #expect(try seeded.workspace.cohorts().count == cohortsBefore)
    }

    @Test func replaysTheFirstLeadsOfACohort() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/workflows/welcome-series/test", body: #"{"cohort": "sample", "limit": 3}"#)
            #expect(response.status == .ok, "\(response.text)")
            #expect(try response.json["leads"] == .number(3))
        }
        #expect(try seeded.workspace.runs().isEmpty)
    }

    @Test func refusesBadLeadsAndRequests() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server()) { client in
            let badLead = try await client.request(
                .post, "/api/workflows/welcome-series/test",
                body:
                    #"{"leads": [{"id": "S1", "created_at": "2026-10-01T09:00:00Z"}, {"id": "S2", "created_at": "yesterday"}]}"#
            )
            try expectProblem(badLead, .unprocessableContent, title: "Invalid leads")
            guard case .array(let errors)? = try badLead.json["errors"] else {
                Issue.record("no errors: \(badLead.text)")
                return
            }
            #expect(errors.first?.string?.hasPrefix("leads[1]: error: ") == true, "\(errors)")

            try expectProblem(
                try await client.request(
                    .post, "/api/workflows/welcome-series/test", body: #"{"cohort": "nope"}"#),
                .notFound)
            try expectProblem(
                try await client.request(.post, "/api/workflows/nope/test", body: #"{"cohort": "sample"}"#),
                .notFound)
            try expectProblem(
                try await client.request(.post, "/api/workflows/welcome-series/test", body: "{}"), .badRequest
            )
            try expectProblem(
                try await client.request(
                    .post, "/api/workflows/welcome-series/test", body: #"{"cohort": "sample", "leads": []}"#),
                .badRequest)
            try expectProblem(
                try await client.request(
                    .post, "/api/workflows/welcome-series/test",
                    body: #"{"cohort": "sample", "mode": "dreamy"}"#),
                .badRequest)
            try expectProblem(
                try await client.request(.post, "/api/workflows/welcome-series/test", body: "[1, 2"),
                .badRequest,
                title: "Malformed JSON")
        }
    }
}
