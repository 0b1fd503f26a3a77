import Foundation
import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// Requests keep being answered, correctly, while a replay writes to the same workspace.
@Suite struct ConcurrencyTests {
    @Test func answersManyClientsWhileAReplayWrites() async throws {
        let seeded = try SeededWorkspace()
        let workspace = seeded.workspace
        try await withLiveServer(seeded.server()) { client in
            let replay = Task.detached {
                try workspace.replay(
                    ReplayOrder(
                        journey: "welcome-series", cohort: "sample-synthetic", seed: 2, mode: .simulated))
            }
            let statuses = try await withThrowingTaskGroup(of: [HTTPResponse.Status].self) { group in
                for worker in 0..<6 {
                    group.addTask {
                        // Each worker its own sequence of requests, all at once with the others.
                        var seen: [HTTPResponse.Status] = []
                        for round in 0..<5 {
                            let uri =
                                (worker + round) % 2 == 0 ? "/api/workflows" : "/api/workflows/welcome-series"
                            seen.append(try await client.request(.get, uri).status)
                        }
                        let test = try await client.request(
                            .post, "/api/workflows/re-engagement/test",
                            body: #"{"cohort": "sample", "limit": 5}"#)
                        seen.append(test.status)
                        return seen
                    }
                }
                var all: [HTTPResponse.Status] = []
                for try await statuses in group { all += statuses }
                return all
            }
            let outcome = try await replay.value
            #expect(statuses.count == 36)
            #expect(statuses.allSatisfy { $0 == .ok })
            // The replay finished whole while the server answered.
            let executions = try await client.request(
                .get, "/api/workflows/welcome-series/executions?run=\(outcome.runID)&limit=1")
            #expect(executions.status == .ok)
            #expect(try executions.json["run"]?["status"]?.string == "completed")
        }
    }
}
