import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel
import Testing
import Workspace

@testable import Server

/// `POST /api/webhooks/{name}`: signed deliveries become lead events; bad signatures, stale
/// timestamps, replays and oversized bodies are refused.
@Suite struct WebhookEndpointTests {
    static let secret = "s3cret-of-the-form"

    static func configured() throws -> SeededWorkspace {
        let seeded = try SeededWorkspace()
        try seeded.workspace.saveWebhook(
            WebhookDefinition(
                name: "form", secret: secret, cohort: "inbound", leadIDField: "contact.id",
                propertyMap: ["contact.state": "state", "score": "score"]))
        return seeded
    }

    static func signed(
        _ body: String, secret: String = secret, at timestamp: Int64 = Int64(Date().timeIntervalSince1970)
    ) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        if let name = HTTPField.Name(WebhookSignature.timestampHeader) { headers[name] = String(timestamp) }
        if let name = HTTPField.Name(WebhookSignature.signatureHeader) {
            headers[name] = WebhookSignature.sign(
                body: Array(body.utf8), timestamp: timestamp, secret: secret)
        }
        return headers
    }

    static let payload = #"{"contact": {"id": "W-1", "state": "CA"}, "score": 77}"#

    @Test func recordsASignedDeliveryAsALeadEvent() async throws {
        let seeded = try Self.configured()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload, headers: Self.signed(Self.payload))
            #expect(response.status == .accepted, "\(response.text)")
            #expect(try response.json["lead"]?.string == "W-1")
            #expect(try response.json["leadCreated"] == .bool(true))
        }
        var events: [LeadEvent] = []
        var properties: [String: Value] = [:]
        try seeded.workspace.forEachLead(inCohort: "inbound") { lead in
            events += lead.events
            properties = lead.lead.properties
        }
        #expect(events.map(\.type) == ["webhook"])
        #expect(events.first?.data["name"] == .string("form"))
        #expect(properties["state"] == .string("CA"))
        #expect(properties["score"] == .number(77))
    }

    @Test func refusesWrongSignaturesStaleTimestampsAndReplays() async throws {
        let seeded = try Self.configured()
        try await withLiveServer(seeded.server()) { client in
            let forged = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload,
                headers: Self.signed(Self.payload, secret: "guess"))
            try expectProblem(forged, .unauthorized, title: "Bad signature")

            // Signed over another body: the signature covers every byte.
            let tampered = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload.replacingOccurrences(of: "77", with: "99"),
                headers: Self.signed(Self.payload))
            try expectProblem(tampered, .unauthorized)

            let unsigned = try await client.request(.post, "/api/webhooks/form", body: Self.payload)
            try expectProblem(unsigned, .unauthorized)

            let old = Int64(Date().timeIntervalSince1970) - 3600
            let stale = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload, headers: Self.signed(Self.payload, at: old))
            try expectProblem(stale, .unauthorized)

            let headers = Self.signed(Self.payload)
            let first = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload, headers: headers)
            #expect(first.status == .accepted)
            let replayed = try await client.request(
                .post, "/api/webhooks/form", body: Self.payload, headers: headers)
            try expectProblem(replayed, .conflict, title: "Replayed delivery")
        }
        #expect(try seeded.workspace.cohort(named: "inbound").events == 1)
    }

    @Test func refusesUnknownWebhooksOversizedBodiesAndUnmappedPayloads() async throws {
        let seeded = try Self.configured()
        try await withLiveServer(seeded.server(maxWebhookBodyBytes: 256)) { client in
            try expectProblem(
                try await client.request(
                    .post, "/api/webhooks/frm", body: Self.payload, headers: Self.signed(Self.payload)),
                .notFound)
            let big = #"{"contact": {"id": "W-2"}, "note": ""# + String(repeating: "x", count: 1000) + #""}"#
            try expectProblem(
                try await client.request(.post, "/api/webhooks/form", body: big, headers: Self.signed(big)),
                .contentTooLarge)
            let anonymous = #"{"score": 5}"#
            try expectProblem(
                try await client.request(
                    .post, "/api/webhooks/form", body: anonymous, headers: Self.signed(anonymous)),
                .unprocessableContent)
            let broken = #"{"contact": "#
            try expectProblem(
                try await client.request(
                    .post, "/api/webhooks/form", body: broken, headers: Self.signed(broken)),
                .badRequest, title: "Malformed JSON")
        }
    }
}
