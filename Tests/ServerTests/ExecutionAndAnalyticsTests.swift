import Analytics
import HTTPTypes
import Hummingbird
import Testing
import Workspace

@testable import Server

/// Executions and analytics of a journey's runs, read from a real replay.
@Suite struct ExecutionAndAnalyticsTests {
    static func replayed() throws -> (SeededWorkspace, ReplayOutcome) {
        let seeded = try SeededWorkspace()
        let outcome = try seeded.workspace.replay(
            ReplayOrder(journey: "welcome-series", cohort: "sample", seed: 7, mode: .recorded))
        return (seeded, outcome)
    }

    @Test func listsAndShowsExecutions() async throws {
        let (seeded, outcome) = try Self.replayed()
        try await withLiveServer(seeded.server()) { client in
            let page = try await client.request(.get, "/api/workflows/welcome-series/executions?limit=3")
            #expect(page.status == .ok, "\(page.text)")
            let json = try page.json
            #expect(json["run"]?["id"] == .number(Double(outcome.runID)))
            guard case .array(let executions)? = json["executions"], case .number(let total)? = json["total"]
            else {
                Issue.record("no executions: \(page.text)")
                return
            }
            #expect(executions.count == 3)
            #expect(total >= 3)

            let id = executions[0]["id"]?.string ?? ""
            let detail = try await client.request(.get, "/api/workflows/executions/\(id)")
            #expect(detail.status == .ok, "\(detail.text)")
            #expect(try detail.json["execution"]?["id"]?.string == id)
            guard case .array(let stays)? = try detail.json["path"]?["stays"] else {
                Issue.record("no path: \(detail.text)")
                return
            }
            #expect(stays.first?["node"]?.string == "welcome-email")
            // The decision on the way is explained leaf by leaf.
            let decision = stays.first { $0["node"]?.string == "opened-welcome" }
            if case .array(let leaves)? = decision?["explanation"] {
                #expect(!leaves.isEmpty)
            }

            let converted = try await client.request(
                .get, "/api/workflows/welcome-series/executions?status=converted&run=\(outcome.runID)")
            #expect(converted.status == .ok)
        }
    }

    @Test func executionErrors() async throws {
        let (seeded, outcome) = try Self.replayed()
        try await withLiveServer(seeded.server()) { client in
            try expectProblem(
                try await client.request(.get, "/api/workflows/executions/no-such-id"), .notFound)
            try expectProblem(try await client.request(.get, "/api/workflows/nope/executions"), .notFound)
            try expectProblem(
                try await client.request(.get, "/api/workflows/re-engagement/executions"), .notFound)
            try expectProblem(
                try await client.request(
                    .get, "/api/workflows/re-engagement/executions?run=\(outcome.runID)"),
                .notFound)
            try expectProblem(
                try await client.request(.get, "/api/workflows/welcome-series/executions?limit=0"),
                .badRequest)
            try expectProblem(
                try await client.request(.get, "/api/workflows/welcome-series/executions?status=lost"),
                .badRequest)
            try expectProblem(
                try await client.request(.get, "/api/workflows/welcome-series/executions?run=999"), .notFound)
        }
    }

    @Test func analyticsIsTheReportOfTheJourneysLatestRun() async throws {
        let (seeded, outcome) = try Self.replayed()
        let expected =
            try ReportExport.json(RunReportBuilder.build(seeded.workspace, run: outcome.runID)) + "\n"
        try await withLiveServer(seeded.server()) { client in
            let analytics = try await client.request(.get, "/api/journeys/welcome-series/analytics")
            #expect(analytics.status == .ok)
            #expect(analytics.text == expected)

            let funnel = try await client.request(.get, "/api/journeys/welcome-series/funnel")
            #expect(funnel.status == .ok)
            guard case .array(let stages)? = try funnel.json["funnel"]?["stages"] else {
                Issue.record("no stages: \(funnel.text)")
                return
            }
            #expect(stages.first?["node"]?.string == "welcome-email")
            let given = try await client.request(
                .get, "/api/journeys/welcome-series/funnel?stages=welcome-email,wait-2d")
            #expect(try given.json["funnel"]?["basis"]?.string == "given")

            try expectProblem(try await client.request(.get, "/api/journeys/nope/analytics"), .notFound)
            try expectProblem(try await client.request(.get, "/api/journeys/re-engagement/funnel"), .notFound)
            try expectProblem(
                try await client.request(.get, "/api/journeys/welcome-series/funnel?stages=nowhere"),
                .unprocessableContent, title: "Unknown stage")
            try expectProblem(
                try await client.request(.get, "/api/journeys/welcome-series/analytics?run=x"), .badRequest)
        }
    }
}
