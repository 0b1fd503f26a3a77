import Foundation
import Testing

/// `cairn push` on the real binary: records from a file or a pipe into the `live` cohort, all
/// or nothing, located errors and the exit codes.
@Suite struct PushCommandTests {
    static let lead =
        #"{"type": "lead", "id": "P-1", "created_at": "2026-11-02T09:30:00Z", "consents": ["email"], "properties": {"plan": "trial"}}"#
    static let event =
        #"{"type": "event", "lead_id": "P-1", "event": "opened", "channel": "email", "time": "2026-11-02T10:00:00Z"}"#

    func liveCohort(_ db: String) throws -> [String: Any]? {
        let listed = try CairnProcess.run(["cohorts", "--format", "json", "--db", db])
        let cohorts = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        return cohorts?.first { $0["name"] as? String == "live" }
    }

    @Test func pushesAFileThenAPipe() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let file = try folder.file("in.jsonl", Array((Self.lead + "\n" + Self.event + "\n").utf8))
        let pushed = try CairnProcess.run(["push", file, "--db", db])
        #expect(pushed.status == 0, "\(pushed.stderr)")
        #expect(
            pushed.stdout
                == "pushed to cohort 'live': leads 1 created, 0 updated, 0 unchanged; events 1 appended\n")
        let update =
            #"{"type": "lead", "id": "P-1", "created_at": "2026-11-02", "properties": {"plan": "pro"}}"#
        let piped = try CairnProcess.run(
            ["push", "-", "--format", "json", "--db", db], standardInput: update + "\n" + Self.event + "\n")
        #expect(piped.status == 0, "\(piped.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(piped.stdout.utf8)) as? [String: Any]
        #expect(summary?["leadsUpdated"] as? Int == 1)
        #expect(summary?["events"] as? Int == 1)
        let live = try liveCohort(db)
        #expect(live?["leads"] as? Int == 1)
        #expect(live?["events"] as? Int == 2)
    }

    @Test func aBadFileIsRefusedWholeWithItsLines() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        let bad = #"{"type": "lead", "id": "P-2", "created_at": "soon"}"#
        let file = try folder.file(
            "bad.jsonl", Array([Self.lead, bad, Self.event].joined(separator: "\n").utf8))
        let refused = try CairnProcess.run(["push", file, "--db", db])
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty)
        #expect(
            refused.stderr == """
                \(file):2: error: created_at 'soon' is not an ISO-8601 date or time (e.g. 2026-11-02T09:30:00Z or 2026-11-02)
                error: 1 bad record; nothing was stored

                """)
        #expect(try liveCohort(db) == nil)
        let piped = try CairnProcess.run(["push", "-", "--db", db], standardInput: "{\n")
        #expect(piped.status == 1)
        #expect(piped.stderr.hasPrefix("stdin:1: error: not JSON"))
        let missing = try CairnProcess.run(["push", "nope.jsonl", "--db", db], in: folder.url)
        #expect(missing.status == 1 && missing.stderr == "error: nope.jsonl: no such file\n")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let folder = try TemporaryFolder()
        let db = folder.url.appendingPathComponent("w.db").path
        #expect(try CairnProcess.run(["push", "--db", db]).status == 2)
        #expect(try CairnProcess.run(["push", "a.jsonl", "--format", "yaml", "--db", db]).status == 2)
    }
}
