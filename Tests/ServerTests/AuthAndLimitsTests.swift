import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// The bearer token, the per-client rate limit, the body size limit and the host check.
@Suite struct AuthAndLimitsTests {
    @Test func withATokenEveryRequestNeedsIt() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server(token: "letmein")) { client in
            let missing = try await client.request(.get, "/api/workflows")
            try expectProblem(missing, .unauthorized, title: "Unauthorized")
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            let wrong = try await client.request(
                .get, "/api/workflows", headers: [.authorization: "Bearer letmeout"])
            try expectProblem(wrong, .unauthorized)
            let basic = try await client.request(
                .get, "/api/workflows", headers: [.authorization: "Basic abc"])
            try expectProblem(basic, .unauthorized)
            let right = try await client.request(
                .get, "/api/workflows", headers: [.authorization: "Bearer letmein"])
            #expect(right.status == .ok)
            let document = try await client.request(
                .get, "/api/openapi.yaml", headers: [.authorization: "Bearer letmein"])
            #expect(document.status == .ok)
        }
    }

    @Test func aClientOverItsRateIsToldToWait() async throws {
        let seeded = try SeededWorkspace()
        let server = seeded.server(rateLimit: .init(burst: 3, perSecond: 0.01))
        try await withLiveServer(server) { client in
            for _ in 0..<3 {
                #expect(try await client.request(.get, "/api/workflows").status == .ok)
            }
            let limited = try await client.request(.get, "/api/workflows")
            try expectProblem(limited, .tooManyRequests, title: "Too many requests")
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { $0 >= 1 } == true)
        }
    }

    @Test func theBucketRefillsAndIsPerClient() {
        let limiter = ClientRateLimiter(.init(burst: 2, perSecond: 1))
        #expect(limiter.take(for: "a", now: 0) == nil)
        #expect(limiter.take(for: "a", now: 0) == nil)
        #expect(limiter.take(for: "a", now: 0) != nil)
        #expect(limiter.take(for: "b", now: 0) == nil)
        #expect(limiter.take(for: "a", now: 1.5) == nil)
    }

    @Test func oversizedBodiesAreRefused() async throws {
        let seeded = try SeededWorkspace()
        try await withLiveServer(seeded.server(maxBodyBytes: 512)) { client in
            let big = journeyJSON().replacingOccurrences(
                of: "API journey", with: String(repeating: "long name ", count: 100))
            let response = try await client.request(.post, "/api/workflows", body: big)
            try expectProblem(response, .contentTooLarge, title: "Request body too large")
        }
        #expect(try seeded.workspace.journeys().allSatisfy { $0.journey != "api-journey" })
    }

    @Test func onlyLoopbackGoesWithoutAToken() throws {
        #expect(throws: ServerConfiguration.Problem.tokenRequired(host: "0.0.0.0")) {
            try ServerConfiguration(host: "0.0.0.0").check()
        }
        try ServerConfiguration(host: "0.0.0.0", token: "t").check()
        try ServerConfiguration(host: "127.0.0.1").check()
        try ServerConfiguration(host: "::1").check()
        try ServerConfiguration(host: "localhost").check()
        #expect(throws: ServerConfiguration.Problem.emptyToken) {
            try ServerConfiguration(host: "127.0.0.1", token: "").check()
        }
    }

    @Test func signaturesAreHMACSHA256OverTimestampAndBody() {
        // Checked against `printf '%s' '1700000000.{}' | openssl dgst -sha256 -hmac key`.
        let signature = WebhookSignature.sign(body: Array("{}".utf8), timestamp: 1_700_000_000, secret: "key")
        #expect(signature == "sha256=" + Self.opensslReference)
        #expect(
            WebhookSignature.isValid(
                signature: signature, body: Array("{}".utf8), timestamp: 1_700_000_000, secret: "key"))
        #expect(
            !WebhookSignature.isValid(
                signature: signature, body: Array("{}".utf8), timestamp: 1_700_000_001, secret: "key"))
        #expect(
            !WebhookSignature.isValid(
                signature: "sha256=zz", body: Array("{}".utf8), timestamp: 1, secret: "key"))
    }

    static let opensslReference = "9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae"
}
