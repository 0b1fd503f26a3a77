import Foundation
import JourneyModel
import Testing
import Workspace

/// `cairn agent inbox|accept|complete|release` as a person working the queue runs them.
@Suite struct AgentCommandTests {
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

    /// A workspace with two agents (always on duty) and three handoffs: h1 with ana, h2 with
    /// ben, h3 queued.
    static func workspace(_ folder: TemporaryFolder) throws -> String {
        let db = folder.url.appendingPathComponent("w.db").path
        let rosterFile = try folder.file("agents.yaml", Array(roster.utf8))
        let imported = try CairnProcess.run(["import", "agents", rosterFile, "--db", db])
        #expect(imported.status == 0, "\(imported.stderr)")
        let workspace = try Workspace.open(at: db, seed: nil)
        let now = Date().timeIntervalSince1970
        for (index, id) in ["h1", "h2", "h3"].enumerated() {
            try workspace.requestLiveHandoff(
                LiveHandoffRequest(
                    id: id, leadID: "L-\(id)", journey: "welcome-series", version: 1, node: "to-sales",
                    target: HandoffTarget(expertise: ["sales"]), reason: "hot lead",
                    idempotencyKey: "e:\(id):1",
                    requestedAt: now + Double(index)),
                now: now + Double(index))
        }
        return db
    }

    @Test func theInboxInTextAndJSON() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspace(folder)
        let text = try CairnProcess.run(["agent", "inbox", "ana", "--db", db])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("ana: 1 open of capacity 1\n"), "\(text.stdout)")
        #expect(text.stdout.contains("h1") && text.stdout.contains("assigned"))
        #expect(text.stdout.contains("1 queued handoff it could take\n"))
        let json = try CairnProcess.run(["agent", "inbox", "ana", "--format", "json", "--db", db])
        let inbox = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any], "\(json.stdout)"
        )
        let open = try #require(inbox["open"] as? [[String: Any]])
        #expect(open.map { $0["id"] as? String } == ["h1"])
        #expect((inbox["queued"] as? [[String: Any]])?.map { $0["id"] as? String } == ["h3"])
        let unknown = try CairnProcess.run(["agent", "inbox", "anna", "--db", db])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "error: no agent 'anna' in this workspace (did you mean 'ana'?)\n")
    }

    @Test func acceptCompleteReleaseAndTheirErrors() throws {
        let folder = try TemporaryFolder()
        let db = try Self.workspace(folder)
        let accepted = try CairnProcess.run(["agent", "accept", "h1", "--db", db])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout == "accepted handoff 'h1' (lead L-h1): now accepted by ana\n")
        let twice = try CairnProcess.run(["agent", "accept", "h1", "--db", db])
        #expect(twice.status == 1)
        #expect(
            twice.stderr
                == "error: cannot accept handoff 'h1': it is accepted; accept takes assigned handoffs\n")
        let completed = try CairnProcess.run(["agent", "complete", "h1", "--format", "json", "--db", db])
        let handoff = try #require(
            try JSONSerialization.jsonObject(with: Data(completed.stdout.utf8)) as? [String: Any])
        #expect(handoff["state"] as? String == "completed")
        let inbox = try CairnProcess.run(["agent", "inbox", "ana", "--format", "json", "--db", db])
        #expect(inbox.stdout.contains("\"h3\""))
        let released = try CairnProcess.run(["agent", "release", "h2", "--db", db])
        #expect(released.stdout == "released handoff 'h2' (lead L-h2): now queued\n")
        let missing = try CairnProcess.run(["agent", "complete", "nope", "--db", db])
        #expect(missing.status == 1 && missing.stderr == "error: no live handoff 'nope' in this workspace\n")
        let usage = try CairnProcess.run(["agent", "accept", "--db", db])
        #expect(usage.status == 2)
    }
}
