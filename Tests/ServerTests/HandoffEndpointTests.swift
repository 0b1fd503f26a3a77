import Foundation
import HTTPTypes
import Hummingbird
import JourneyModel
import Testing
import Workspace

@testable import Server

/// `GET /api/agents/{id}/inbox` and `POST /api/handoffs/{id}/accept|complete|release`.
@Suite struct HandoffEndpointTests {
    static var roster: String {
        """
        agents:
          - { id: ana, kind: human, channels: [chat], expertise: [sales], capacity: 1, time_zone: UTC,
              working_hours: \(onDutyNow()) }
          - { id: ben, kind: human, channels: [chat], expertise: [sales], capacity: 1, time_zone: UTC,
              working_hours: \(onDutyNow()) }
        """
    }

    /// Working hours from six hours ago to six hours ahead, every day: on duty whenever the
    /// test runs, whatever the wall clock says.
    static func onDutyNow() -> String {
        let minute = Int(Date().timeIntervalSince1970 / 60) % 1440
        func clock(_ minutes: Int) -> String {
            let wrapped = (minutes % 1440 + 1440) % 1440
            return String(format: "\"%02d:%02d\"", wrapped / 60, wrapped % 60)
        }
        return
            "{ days: [mon, tue, wed, thu, fri, sat, sun], from: \(clock(minute - 360)), to: \(clock(minute + 360)) }"
    }

    static func seeded() throws -> SeededWorkspace {
        let seeded = try SeededWorkspace()
        try seeded.workspace.importAgents(yaml: roster, file: "agents.yaml")
        let now = Date().timeIntervalSince1970
        for (index, id) in ["h1", "h2", "h3"].enumerated() {
            try seeded.workspace.requestLiveHandoff(
                LiveHandoffRequest(
                    id: id, leadID: "L-\(id)", journey: "welcome-series", version: 1, node: "to-sales",
                    target: HandoffTarget(expertise: ["sales"]), reason: "hot lead",
                    context: .object(["score": .number(90)]), idempotencyKey: "e:\(id):1",
                    requestedAt: now + Double(index)),
                now: now + Double(index))
        }
        return seeded
    }

    @Test func theInboxListsOpenAndQueuedHandoffs() async throws {
        let seeded = try Self.seeded()
        try await withLiveServer(seeded.server()) { client in
            let response = try await client.request(.get, "/api/agents/ana/inbox")
            #expect(response.status == .ok, "\(response.text)")
            let json = try response.json
            #expect(json["agent"] == .string("ana") && json["capacity"] == .number(1))
            guard case .array(let open)? = json["open"], case .array(let queued)? = json["queued"] else {
                Issue.record("no open or queued list: \(response.text)")
                return
            }
            #expect(open.map { $0["id"] } == [.string("h1")])
            #expect(open.first?["state"] == .string("assigned"))
            #expect(open.first?["context"]?["score"] == .number(90))
            #expect(queued.map { $0["id"] } == [.string("h3")])
            let unknown = try await client.request(.get, "/api/agents/anna/inbox")
            #expect(unknown.status == .notFound)
            #expect(
                try unknown.json["detail"]
                    == .string("no agent 'anna' in this workspace (did you mean 'ana'?)"))
        }
    }

    @Test func acceptCompleteAndReleaseMoveTheHandoffAndFreeCapacity() async throws {
        let seeded = try Self.seeded()
        try await withLiveServer(seeded.server()) { client in
            let accepted = try await client.request(.post, "/api/handoffs/h1/accept")
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(try accepted.json["state"] == .string("accepted"))
            let again = try await client.request(.post, "/api/handoffs/h1/accept", body: "{}")
            try expectProblem(again, .conflict, title: "Handoff state")
            let completed = try await client.request(.post, "/api/handoffs/h1/complete")
            #expect(try completed.json["state"] == .string("completed"))
            // ana's capacity went to the queue: h3 is hers now.
            #expect(try seeded.workspace.liveHandoff("h3").agentID == "ana")
            let released = try await client.request(.post, "/api/handoffs/h2/release")
            #expect(released.status == .ok, "\(released.text)")
            #expect(try released.json["state"] == .string("queued"))
            #expect(try released.json["agentID"] == nil)
        }
    }

    @Test func unknownHandoffsBodiesAndMethodsAreProblems() async throws {
        let seeded = try Self.seeded()
        try await withLiveServer(seeded.server()) { client in
            let missing = try await client.request(.post, "/api/handoffs/nope/complete")
            #expect(missing.status == .notFound)
            #expect(try missing.json["detail"] == .string("no live handoff 'nope' in this workspace"))
            let field = try await client.request(.post, "/api/handoffs/h1/accept", body: #"{"agent": "ana"}"#)
            #expect(field.status == .badRequest)
            #expect(try seeded.workspace.liveHandoff("h1").state == .assigned)
            let method = try await client.request(.get, "/api/handoffs/h1/accept")
            #expect(method.status == .methodNotAllowed)
            #expect(method.headers[.allow] == "POST")
        }
    }
}
